/**
 * The repository contract the resolvers depend on, and what it means: any store that passes the
 * contract suite (test/repository/contract.ts) can serve the graph without a resolver changing.
 *
 * - Batch-shaped: lookups take many ids and lists take many queries, answered in the order asked,
 *   so per-request loaders (src/repository/loaders.ts) make one call per type and level of a query.
 * - Every answer may be a value or a Promise. A store whose every method answers synchronously says
 *   so with `synchronous: true` and is called directly; any other is batched per request.
 * - Ids are global and stable; filters name records by id, except countries, which users name by
 *   ISO 3166-1 alpha-2 code in any case ("kz" = "KZ").
 * - A list query the store refuses (a cursor it did not issue, an ordering the type lacks) is
 *   answered with an `InvalidArgumentError` in its place, naming the argument; the other queries of
 *   the batch are answered as usual.
 *
 * Filter semantics are in filters.ts, next to the filters.
 *
 * List bounds: `largestList(type, filterKey)` is the largest `totalCount` that one value of that
 * filter can give a list of `type` (with `filterKey` null: how many records of the type there are),
 * and `largestCiting()` the largest number of records citing one source. They are true upper
 * bounds, fixed once the store is loaded, and the cost limit multiplies a connection by the lesser
 * of its page size and its bound (src/graphql/limits.ts). Unlike every other method they must
 * answer synchronously, even on a store that answers the rest with Promises: the cost is computed
 * before execution, from the schema and these numbers, without a round trip. A store that cannot
 * know a bound answers with the size of the whole type (a bound still, if a loose one).
 *
 * Paging semantics: Relay cursor connections. `first`/`after` page forward, `last`/`before` backward;
 * with neither `first` nor `last`, the first DEFAULT_PAGE_SIZE items. Cursors are opaque and checked.
 * `totalCount` counts the whole filtered list; `hasNextPage` and `hasPreviousPage` are exact in both
 * directions. Every ordering ends with the id, so pages are stable; NAME orders case-insensitively by
 * name or title; DATE puts undated records last in either direction.
 */
import type { MaybePromise } from "../common/maybe-promise";
import type { CountryRecord, NodeRecord, NodeTypename, RecordByType } from "../domain/records";
import type { InvalidArgumentError } from "./errors";
import type { FilterByType } from "./filters";

export type * from "./filters";

export type { MaybePromise };

/** Sort keys. Every ordering ends with the id, so pages are stable. */
export enum OrderField {
  ID = "ID",
  NAME = "NAME",
  DATE = "DATE",
}

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

export interface Ordering {
  readonly field: OrderField;
  readonly direction: OrderDirection;
}

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

export interface ListQuery<K extends NodeTypename> {
  readonly filter?: FilterByType[K] | null;
  readonly orderBy?: Ordering | null;
  readonly page: PageArgs;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Page<T> {
  readonly edges: ReadonlyArray<Edge<T>>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

export interface SearchQuery {
  readonly text: string;
  readonly types?: readonly NodeTypename[] | null;
  readonly page: PageArgs;
}

export interface SearchHit {
  readonly node: NodeRecord;
  /** Higher is better; comparable within one search only. */
  readonly score: number;
  /** Which field matched best: "name", "alias", "description", … */
  readonly matchedField: string;
  /** The text of that field. */
  readonly matchedText: string;
}

/** One page of the records citing a source. */
export interface CitingQuery {
  readonly sourceId: string;
  readonly page: PageArgs;
}

/** A page, or the reason the store refused its query. */
export type PageOrError<T> = Page<T> | InvalidArgumentError;

export interface GraphRepository {
  /** True when every method answers synchronously (no round trip to batch): loaders then call it directly. */
  readonly synchronous?: boolean;
  /** Records of one type by id, in the order asked; null where there is none (or it is of another type). */
  getMany<K extends NodeTypename>(type: K, ids: readonly string[]): MaybePromise<ReadonlyArray<RecordByType[K] | null>>;
  /** Records of any type by id, in the order asked; null where there is none. */
  nodes(ids: readonly string[]): MaybePromise<ReadonlyArray<NodeRecord | null>>;
  /** Countries by ISO 3166-1 alpha-2 code (any case), in the order asked; null where there is none. */
  countriesByCode(codes: readonly string[]): MaybePromise<ReadonlyArray<CountryRecord | null>>;
  /** For each query, one page of the records of a type that match its filter, in a stable order. */
  list<K extends NodeTypename>(
    type: K,
    queries: ReadonlyArray<ListQuery<K>>,
  ): MaybePromise<ReadonlyArray<PageOrError<RecordByType[K]>>>;
  /** For each query, one page of the records that cite the source, in id order. */
  citing(queries: readonly CitingQuery[]): MaybePromise<ReadonlyArray<PageOrError<NodeRecord>>>;
  /** Ranked matches across names, aliases, texts, linked names and quotes (see search-fields.ts and search-index.ts). */
  search(query: SearchQuery): MaybePromise<Page<SearchHit>>;
  /**
   * The largest number of records of `type` one value of the filter `filterKey` can match (null: all
   * records of the type). Synchronous, fixed once loaded: see "List bounds" above.
   */
  largestList<K extends NodeTypename>(type: K, filterKey: ListFilterKey<K> | null): number;
  /** The largest number of records citing one source. Synchronous, fixed once loaded. */
  largestCiting(): number;
}

/** A filter key of `type`, as `largestList` takes it. */
export type ListFilterKey<K extends NodeTypename> = keyof FilterByType[K] & string;
