/**
 * Which stored list a connection field resolves, declared on the field so the cost limit can read
 * it from the schema (src/graphql/limits.ts): the repository then says how long that list can ever
 * be (`largestList`, `largestCiting`), and the field is costed at the lesser of that and its page
 * size. The declaration is a field extension, which survives into the served schema.
 */
import type { GraphQLField } from "graphql";
import { Extensions } from "type-graphql";

import type { NodeTypename } from "../../domain/records";
import type { GraphRepository, ListFilterKey } from "../../repository/repository";

/** The records of `type` matching one value of `filter` (null: all of them), or the records citing one source. */
export type ListBound =
  { readonly kind: "list"; readonly type: NodeTypename; readonly filter: string | null } | { readonly kind: "citing" };

/** The repository's bounds, as the cost limit reads them. */
export type ListBounds = Pick<GraphRepository, "largestList" | "largestCiting">;

const EXTENSION = "listBound";

/**
 * Declares that the field resolves `list(ctx, type, args, { [filter]: … })` (filter null: a root list
 * of the whole type); the compiler checks the filter is one of the type's.
 */
export function ListOf<K extends NodeTypename>(type: K, filter: ListFilterKey<K> | null): MethodDecorator {
  const bound: ListBound = { kind: "list", type, filter };
  return Extensions({ [EXTENSION]: bound });
}

/** Declares that the field resolves the records citing one source. */
export function CitingList(): MethodDecorator {
  const bound: ListBound = { kind: "citing" };
  return Extensions({ [EXTENSION]: bound });
}

/** The list a field declares, or null. */
export function listBoundOf(field: Pick<GraphQLField<unknown, unknown>, "extensions">): ListBound | null {
  const bound = field.extensions[EXTENSION] as ListBound | undefined;
  return bound ?? null;
}

/** The largest number of items the declared list can hold, per `bounds`. */
export function largestOf(bound: ListBound, bounds: ListBounds): number {
  return bound.kind === "citing"
    ? bounds.largestCiting()
    : // `ListOf` checked the filter against its type where it was declared.
      bounds.largestList(bound.type, bound.filter as never);
}
