/**
 * The in-memory repository: immutable records plus Map indexes built once, at construction.
 *
 * - every record by id (one Map for all types, ids are globally unique);
 * - per type, the records sorted by each ordering it supports;
 * - per type and per indexed filter, from key to the records with that key (already in the type's
 *   default order), so a relation field or a filtered list costs the size of its bucket, never a
 *   scan of the whole type. Orderings and buckets are runs of record positions (in-memory/record-runs.ts);
 * - a token index for search (sorted tokens, so a prefix is a binary search);
 * - the list bounds of the contract: per type and filter, the size of its largest bucket (a filter
 *   answered by a test can match the whole type), and the most records citing one source.
 *
 * What each type is ordered and filtered by is in in-memory/type-specs.ts; this file is the engine.
 * Every method answers synchronously (`synchronous: true`), so per-request loaders call it directly.
 */
import { compareStrings } from "../common/compare";
import {
  COLLECTIONS,
  type CountryRecord,
  type GraphData,
  type NodeRecord,
  type NodeTypename,
  NODE_TYPENAMES,
  type RecordByType,
} from "../domain/records";
import { InvalidArgumentError } from "./errors";
import { orderingsOf, orderKey, sortedBy, sortedPositions, supports } from "./in-memory/ordering";
import { RecordRuns, type RunsState } from "./in-memory/record-runs";
import { type FilterSpec, type TypeSpec, typeSpecs } from "./in-memory/type-specs";
import { paginate, paginateWindow } from "./pagination";
import type {
  CitingQuery,
  GraphRepository,
  ListFilterKey,
  ListQuery,
  Page,
  PageOrError,
  SearchHit,
  SearchQuery,
} from "./repository";
import { SearchIndex, type SearchIndexState } from "./search-index";

interface TypeIndex<K extends NodeTypename> {
  readonly spec: TypeSpec<K>;
  /** The type's records in each ordering it supports, by `orderKey`. */
  readonly sorted: RecordRuns<RecordByType[K]>;
  /** Per indexed filter, its buckets by key. */
  readonly buckets: ReadonlyMap<string, RecordRuns<RecordByType[K]>>;
  /** Per indexed filter, the size of its largest bucket. */
  readonly largest: ReadonlyMap<string, number>;
}

type TypeIndexes = { readonly [K in NodeTypename]: TypeIndex<K> };

/**
 * What a type's index is made of besides its spec (which holds closures): its orderings and
 * buckets, as runs of positions in the type's records.
 */
export interface TypeIndexState {
  readonly sorted: RunsState;
  readonly buckets: Readonly<Record<string, RunsState>>;
}

/**
 * Everything the constructor builds from the records that is not a closure: maps and arrays of the
 * records themselves, and the search index's arrays. `indexes()` gives it; a repository constructed
 * with it over the same records (the same objects, e.g. both restored from one serialisation) is
 * the same repository, without sorting or tokenising anything (a warm start: src/seed/snapshot.ts).
 */
export interface InMemoryIndexes {
  readonly types: { readonly [K in NodeTypename]: TypeIndexState };
  /** The records citing each source, by source id: positions in all the records, in `NODE_TYPENAMES` order. */
  readonly citingBySource: RunsState;
  readonly search: SearchIndexState;
}

type AnyFilter<K extends NodeTypename> = FilterSpec<RecordByType[K], unknown>;

export class InMemoryRepository implements GraphRepository {
  readonly synchronous = true;
  private readonly byId = new Map<string, NodeRecord>();
  private readonly byCode = new Map<string, CountryRecord>();
  private readonly types: TypeIndexes;
  private readonly citingBySource: RecordRuns<NodeRecord>;
  private readonly mostCiting: number;
  private readonly searchIndex: SearchIndex;

  /** Indexes `data`; or, given the `indexes` of a repository over the same records, restores them. */
  constructor(
    readonly data: GraphData,
    indexes?: InMemoryIndexes,
  ) {
    // Every record, in `NODE_TYPENAMES` order: the positions the citing runs and the search index hold.
    const all = NODE_TYPENAMES.flatMap(type => data[COLLECTIONS[type]] as readonly NodeRecord[]);
    for (const r of all) this.byId.set(r.id, r);
    for (const c of data.countries) this.byCode.set(c.code, c);
    const specs = typeSpecs(data, this.byId);
    this.types = Object.fromEntries(
      NODE_TYPENAMES.map(<K extends NodeTypename>(typename: K) => [
        typename,
        indexes ? restoredType<K>(specs[typename], indexes.types[typename]) : indexType<K>(specs[typename]),
      ]),
    ) as unknown as TypeIndexes;
    this.citingBySource = indexes
      ? new RecordRuns(all, indexes.citingBySource)
      : RecordRuns.fromPositions(all, citingBySource(all));
    this.mostCiting = this.citingBySource.largest();
    this.searchIndex = new SearchIndex(all, id => this.byId.get(id), indexes?.search);
  }

  /** What the constructor built, to restore later over the same records (see `InMemoryIndexes`). */
  indexes(): InMemoryIndexes {
    const types = Object.fromEntries(
      NODE_TYPENAMES.map(typename => {
        const { sorted, buckets } = this.types[typename];
        const state: TypeIndexState = {
          sorted: sorted.state(),
          buckets: Object.fromEntries([...buckets].map(([field, runs]) => [field, runs.state()])),
        };
        return [typename, state];
      }),
    ) as unknown as InMemoryIndexes["types"];
    return { types, citingBySource: this.citingBySource.state(), search: this.searchIndex.state() };
  }

  getMany<K extends NodeTypename>(type: K, ids: readonly string[]): ReadonlyArray<RecordByType[K] | null> {
    return ids.map(id => {
      const record = this.byId.get(id);
      return record && record.__typename === type ? (record as RecordByType[K]) : null;
    });
  }

  nodes(ids: readonly string[]): ReadonlyArray<NodeRecord | null> {
    return ids.map(id => this.byId.get(id) ?? null);
  }

  countriesByCode(codes: readonly string[]): ReadonlyArray<CountryRecord | null> {
    return codes.map(code => this.byCode.get(code.toUpperCase()) ?? null);
  }

  list<K extends NodeTypename>(
    type: K,
    queries: ReadonlyArray<ListQuery<K>>,
  ): ReadonlyArray<PageOrError<RecordByType[K]>> {
    const index = this.types[type] as TypeIndex<K>;
    return queries.map(query => refused(() => listOne(type, index, query)));
  }

  citing(queries: readonly CitingQuery[]): ReadonlyArray<PageOrError<NodeRecord>> {
    const runs = this.citingBySource;
    return queries.map(({ sourceId, page }) =>
      refused(() => paginateWindow(runs.size(sourceId), page, (start, end) => runs.slice(sourceId, start, end))),
    );
  }

  largestList<K extends NodeTypename>(type: K, filterKey: ListFilterKey<K> | null): number {
    const index = this.types[type] as TypeIndex<K>;
    return (filterKey === null ? undefined : index.largest.get(filterKey)) ?? index.spec.records.length;
  }

  largestCiting(): number {
    return this.mostCiting;
  }

  search(query: SearchQuery): Page<SearchHit> {
    const matches = this.searchIndex.match(query.text, query.types ?? null);
    return paginateWindow(matches.count, query.page, (start, end) => matches.hits(start, end));
  }
}

/** A type's records sorted by each ordering it supports, and its indexed filters' buckets. */
function indexType<K extends NodeTypename>(spec: TypeSpec<K>): TypeIndex<K> {
  const orderings = new Map(
    orderingsOf(spec).map(ordering => [orderKey(ordering), sortedPositions(spec, ordering, spec.records)]),
  );
  const inDefaultOrder = orderings.get(orderKey(spec.defaultOrder)) ?? [];
  const buckets = new Map<string, RecordRuns<RecordByType[K]>>();
  for (const [field, filter] of Object.entries(filtersOf(spec))) {
    if (!("keys" in filter)) continue;
    const index = new Map<string, number[]>();
    for (const at of inDefaultOrder) {
      for (const key of new Set(filter.keys(spec.records[at] as RecordByType[K]))) append(index, key, at);
    }
    buckets.set(field, RecordRuns.fromPositions(spec.records, index));
  }
  return typeIndex(spec, RecordRuns.fromPositions(spec.records, orderings), buckets);
}

/** A type's index from its state, after checking that each ordering holds every record of the type. */
function restoredType<K extends NodeTypename>(spec: TypeSpec<K>, state: TypeIndexState): TypeIndex<K> {
  const sorted = new RecordRuns(spec.records, state.sorted);
  for (const key of sorted.keys()) {
    if (sorted.size(key) !== spec.records.length) {
      throw new Error(`restored ordering ${key} holds ${sorted.size(key)} records of ${spec.records.length}`);
    }
  }
  const buckets = new Map(
    Object.entries(state.buckets).map(([field, runs]) => [field, new RecordRuns(spec.records, runs)] as const),
  );
  return typeIndex(spec, sorted, buckets);
}

function typeIndex<K extends NodeTypename>(
  spec: TypeSpec<K>,
  sorted: RecordRuns<RecordByType[K]>,
  buckets: ReadonlyMap<string, RecordRuns<RecordByType[K]>>,
): TypeIndex<K> {
  const largest = new Map([...buckets].map(([field, runs]) => [field, runs.largest()]));
  return { spec, sorted, buckets, largest };
}

/** Per source id, the records citing it (a meeting also through its formats), in id order: positions in `records`. */
function citingBySource(records: readonly NodeRecord[]): Map<string, number[]> {
  const citing = new Map<string, number[]>();
  const idOf = (at: number) => (records[at] as NodeRecord).id;
  const byId = records.map((_, at) => at).sort((a, b) => compareStrings(idOf(a), idOf(b)));
  for (const at of byId) {
    const record = records[at] as NodeRecord;
    const citations = [
      ...record.citations,
      ...(record.__typename === "Meeting" ? record.formats.flatMap(f => f.citations) : []),
    ];
    for (const sourceId of new Set(citations.map(c => c.sourceId))) append(citing, sourceId, at);
  }
  return citing;
}

/** One page of a type's records matching a filter: from the smallest index bucket, then tested. */
function listOne<K extends NodeTypename>(type: K, index: TypeIndex<K>, query: ListQuery<K>): Page<RecordByType[K]> {
  const { spec } = index;
  const ordering = query.orderBy ?? spec.defaultOrder;
  if (!supports(spec, ordering)) {
    throw new InvalidArgumentError("orderBy", `${type} records cannot be ordered by ${ordering.field}.`);
  }
  const filters = filtersOf(spec);
  // One pass without per-field arrays or closures when one filter (or none) is given, as a
  // relation's list is asked: a nested query lists once per parent record.
  const given = (query.filter ?? {}) as Readonly<Record<string, unknown>>;
  const fields = Object.keys(given);
  let active = 0;
  // Start from the smallest index bucket among the filters, or from the whole type already sorted.
  let base: { runs: RecordRuns<RecordByType[K]>; key: string; field: string } | null = null;
  for (const field of fields) {
    const value = given[field];
    if (value === null || value === undefined) continue;
    active++;
    const filter = filters[field];
    const runs = index.buckets.get(field);
    if (!filter || !("keys" in filter) || !runs) continue;
    const key = filter.toKey(value);
    if (base === null || runs.size(key) < base.runs.size(base.key)) base = { runs, key, field };
  }
  // The filters other than the starting bucket's, each a check per record (none in the usual case).
  const checks: Array<(r: RecordByType[K], position: number) => boolean> = [];
  const others = active - (base === null ? 0 : 1);
  for (const field of others > 0 ? fields : []) {
    const value = given[field];
    if (value === null || value === undefined || field === base?.field) continue;
    const filter = filters[field];
    if (!filter) throw new Error(`${type} has no filter "${field}"`);
    if ("test" in filter) {
      checks.push(r => filter.test(r, value));
      continue;
    }
    const key = filter.toKey(value);
    const member = index.buckets.get(field)?.membership(key);
    checks.push(member ? (_r, position) => member(position) : r => [...filter.keys(r)].includes(key));
  }
  const reordered = base !== null && orderKey(ordering) !== orderKey(spec.defaultOrder);
  const { runs, key } = base ?? { runs: index.sorted, key: orderKey(ordering) };
  if (checks.length === 0 && !reordered) {
    return paginateWindow(runs.size(key), query.page, (start, end) => runs.slice(key, start, end));
  }
  let items =
    checks.length > 0
      ? runs.select(key, (r, position) => checks.every(check => check(r, position)))
      : runs.slice(key, 0, runs.size(key));
  if (reordered) items = sortedBy(spec, ordering, items);
  return paginate(items, query.page);
}

/** A type's filters by name, their values unknown (the engine passes them on as given). */
function filtersOf<K extends NodeTypename>(spec: TypeSpec<K>): Readonly<Record<string, AnyFilter<K>>> {
  return spec.filters as unknown as Readonly<Record<string, AnyFilter<K>>>;
}

/** What `page()` returns, or the InvalidArgumentError it throws, in its place. */
function refused<T>(page: () => Page<T>): PageOrError<T> {
  try {
    return page();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
