/**
 * How resolvers follow relations and lists: always through the request's loaders (see
 * src/repository/loaders.ts), so a relation costs one index lookup in memory and one batched call
 * per level of a query on a database-backed store.
 */
import type { NodeTypename, RecordByType } from "../../domain/records";
import { paginate, paginateIds } from "../../repository/pagination";
import type {
  FilterByType,
  MaybePromise,
  Ordering,
  OrderDirection,
  OrderField,
  Page,
  PageArgs,
} from "../../repository/repository";
import type { GraphContext } from "./context";
import type { ListArgsShape } from "./list.args";

/** The record an id points at, or null. */
export function ref<K extends NodeTypename>(
  ctx: GraphContext,
  type: K,
  id: string | null,
): MaybePromise<RecordByType[K] | null> {
  return ctx.loaders.get(type, id);
}

/** The records a list of ids points at, in order, skipping none (ids are checked at load). */
export function refs<K extends NodeTypename>(
  ctx: GraphContext,
  type: K,
  ids: readonly string[],
): MaybePromise<Array<RecordByType[K]>> {
  return ctx.loaders.getAll(type, ids);
}

/** A page of the records a list of ids points at, in the list's order; only the page's records are fetched. */
export function refsPage<K extends NodeTypename>(
  ctx: GraphContext,
  type: K,
  ids: readonly string[],
  page: PageArgs,
): MaybePromise<Page<RecordByType[K]>> {
  return paginateIds(ids, page, pageIds => ctx.loaders.getAll(type, pageIds));
}

export function toOrdering(order: { field: string; direction: string } | null | undefined): Ordering | null {
  return order ? { field: order.field as OrderField, direction: order.direction as OrderDirection } : null;
}

/** Filter keys whose values are ISO country codes, which compare without regard to case. */
const COUNTRY_KEYS = new Set(["country", "party", "actorCountry", "between"]);

function sameValue(key: string, a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => {
    const values = (Array.isArray(v) ? v : [v]).map(x => (COUNTRY_KEYS.has(key) ? String(x).toUpperCase() : String(x)));
    return values.sort().join("|");
  };
  return norm(a) === norm(b);
}

/** A list of records of `type`, with the user's arguments, a fixed filter and the defaults applied. */
export function list<K extends NodeTypename>(
  ctx: GraphContext,
  type: K,
  args: ListArgsShape<object, { field: string; direction: string }>,
  fixed: Partial<FilterByType[K]> = {},
): MaybePromise<Page<RecordByType[K]>> {
  const filter: Record<string, unknown> = { ...(args.filter ?? {}) };
  for (const [key, value] of Object.entries(fixed)) {
    const given = filter[key];
    // The user asked for something the relation excludes: the answer is an empty page.
    if (given !== null && given !== undefined && !sameValue(key, given, value)) return paginate([], args);
    filter[key] = value;
  }
  return ctx.loaders.list(type, {
    filter: filter,
    orderBy: toOrdering(args.orderBy),
    page: args,
  });
}
