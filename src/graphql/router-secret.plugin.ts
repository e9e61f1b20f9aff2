/**
 * Keeps the federation entry points (`_entities`, `_service`) for the router: when a secret is
 * configured, an operation that selects either at its root must carry the secret in the
 * `x-router-secret` header, or it is refused with 403 and `FORBIDDEN` before anything executes.
 */
import { timingSafeEqual } from "node:crypto";

import type { ApolloServerPlugin } from "@apollo/server";
import { type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode } from "graphql";

export const ROUTER_SECRET_HEADER = "x-router-secret";
const GUARDED = new Set(["_entities", "_service"]);

/** The root field names an operation selects, through fragments and inline fragments. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap(selection => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments[name];
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

function matches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function routerSecretPlugin<T extends object>(secret: string): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request }) {
          if (!operation) return Promise.resolve();
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map(d => [d.name.value, d]),
          );
          const guarded = rootFields(operation.selectionSet, fragments).filter(name => GUARDED.has(name));
          if (guarded.length > 0 && !matches(request.http?.headers.get(ROUTER_SECRET_HEADER), secret)) {
            throw new GraphQLError(
              `${[...new Set(guarded)].join(" and ")} may only be queried by the router: send the router secret in the ${ROUTER_SECRET_HEADER} header.`,
              { extensions: { code: "FORBIDDEN", http: { status: 403 } } },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
