/**
 * The in-memory repository: immutable records plus Map indexes built once, at construction.
 *
 * - every record by id (one Map for all types, ids are globally unique);
 * - per type, the records sorted by each ordering it supports;
 * - per type and per indexed filter, a Map from key to the records with that key (already in the
 *   type's default order), so a relation field or a filtered list costs the size of its bucket,
 *   never a scan of the whole type;
 * - a token index for search (sorted tokens, so a prefix is a binary search).
 *
 * Every method answers synchronously; the interface allows Promises for stores that need them.
 */
import type { CountryRecord, GraphData, NodeRecord, NodeTypename, RecordByType } from "../domain/records";
import { InvalidArgumentError } from "./errors";
import { paginate, paginateWindow } from "./pagination";
import {
  type CountryPair,
  type DateRange,
  type FilterByType,
  type GraphRepository,
  type ListQuery,
  OrderDirection,
  OrderField,
  type Ordering,
  type Page,
  type PageArgs,
  type SearchHit,
  type SearchQuery,
} from "./repository";
import { SearchIndex } from "./search-index";

/** How one filter field selects records: by index keys, or by a predicate. */
type FilterSpec<R> =
  | { readonly keys: (record: R) => Iterable<string>; readonly toKey: (value: never) => string }
  | { readonly test: (record: R, value: never) => boolean };

interface TypeSpec<K extends NodeTypename> {
  readonly records: readonly RecordByType[K][];
  readonly name?: (record: RecordByType[K]) => string;
  readonly date?: (record: RecordByType[K]) => string | null;
  readonly defaultOrder: Ordering;
  readonly filters: { readonly [F in keyof FilterByType[K]]-?: FilterSpec<RecordByType[K]> };
}

interface TypeIndex<K extends NodeTypename> {
  readonly spec: TypeSpec<K>;
  readonly sorted: ReadonlyMap<string, readonly RecordByType[K][]>;
  readonly buckets: ReadonlyMap<string, ReadonlyMap<string, readonly RecordByType[K][]>>;
}

const countryKey = (code: string): string => `country:${code.toUpperCase()}`;
const pairKey = ([a, b]: CountryPair): string => [countryKey(a), countryKey(b)].sort().join("|");
const orderKey = ({ field, direction }: Ordering): string => `${field}:${direction}`;

function pairsOf(countryIds: Iterable<string>): string[] {
  const ids = [...new Set(countryIds)].sort();
  const pairs: string[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push(`${ids[i]}|${ids[j]}`);
  return pairs;
}

function inRange(date: string | null, range: DateRange): boolean {
  if (date === null) return false;
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLocaleLowerCase("en").includes(needle.toLocaleLowerCase("en"));
}

/** An indexed filter: the keys a record is filed under, and how a filter value becomes a key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byKey = <R>(keys: (r: R) => Iterable<string>, toKey: (v: any) => string = (v: string) => v) => ({ keys, toKey });
const one =
  <R>(get: (r: R) => string | null) =>
  (r: R): string[] => {
    const value = get(r);
    return value === null ? [] : [value];
  };

export class InMemoryRepository implements GraphRepository {
  private readonly byId = new Map<string, NodeRecord>();
  private readonly byCode = new Map<string, CountryRecord>();
  private readonly types = new Map<NodeTypename, TypeIndex<NodeTypename>>();
  private readonly citingBySource = new Map<string, NodeRecord[]>();
  private readonly searchIndex: SearchIndex;

  constructor(data: GraphData) {
    for (const list of Object.values(data) as NodeRecord[][]) for (const r of list) this.byId.set(r.id, r);
    for (const c of data.countries) this.byCode.set(c.code, c);

    const get = <K extends NodeTypename>(_type: K, id: string | null): RecordByType[K] | null =>
      id === null ? null : ((this.byId.get(id) as RecordByType[K] | undefined) ?? null);
    const countryOfLeader = (id: string) => get("Leader", id)?.countryId ?? null;
    const countryOfCity = (id: string) => get("City", id)?.countryId ?? null;
    const meetingCountries = (id: string | null): string[] => {
      const m = get("Meeting", id);
      if (!m) return [];
      return [m.hostCountryId, ...m.participantIds.map(countryOfLeader).filter((c): c is string => c !== null)];
    };
    const actorCountry = (actorId: string): string | null => {
      const actor = this.byId.get(actorId);
      if (!actor) return null;
      if (actor.__typename === "Country") return actor.id;
      if (actor.__typename === "Leader" || actor.__typename === "Company" || actor.__typename === "Delegation")
        return actor.countryId;
      return null;
    };
    const positionsByArea = new Map<string, RecordByType["Position"][]>();
    for (const p of data.positions) append(positionsByArea, p.areaId, p);
    const areaPositions = (areaId: string) => positionsByArea.get(areaId) ?? [];
    const nameContains = { test: (r: { name: string }, v: string) => contains(r.name, v) };
    const byName: Ordering = { field: OrderField.NAME, direction: OrderDirection.ASC };
    const byDate: Ordering = { field: OrderField.DATE, direction: OrderDirection.ASC };
    const country = byKey(
      one((r: { countryId: string }) => r.countryId),
      countryKey,
    );
    const meeting = byKey(one((r: { meetingId: string | null }) => r.meetingId));
    const named = { name: (r: { name: string }) => r.name, defaultOrder: byName };

    this.register("Source", {
      records: data.sources,
      name: r => r.title,
      date: r => r.publishedOn,
      defaultOrder: byDate,
      filters: {
        kind: byKey(one(r => r.kind)),
        published: { test: (r, v: DateRange) => inRange(r.publishedOn, v) },
      },
    });
    this.register("Country", {
      records: data.countries,
      ...named,
      filters: {
        nameContains,
        region: byKey(
          one(r => r.region.toLowerCase()),
          (v: string) => v.toLowerCase(),
        ),
      },
    });
    this.register("City", { records: data.cities, ...named, filters: { country, nameContains } });
    const leaderPairs = new Map<string, Set<string>>();
    for (const m of data.meetings) {
      const pairs = pairsOf(meetingCountries(m.id));
      for (const id of m.participantIds) {
        const set = leaderPairs.get(id) ?? new Set<string>();
        for (const p of pairs) set.add(p);
        leaderPairs.set(id, set);
      }
    }
    const areasByCompany = new Map<string, string[]>();
    for (const a of data.cooperationAreas) {
      for (const c of a.companyIds) append(areasByCompany, c, a.id);
    }
    this.register("Leader", {
      records: data.leaders,
      ...named,
      filters: { country, nameContains, between: byKey(r => leaderPairs.get(r.id) ?? [], pairKey) },
    });
    this.register("Company", {
      records: data.companies,
      ...named,
      filters: {
        country,
        nameContains,
        sector: byKey(one(r => r.sector)),
        area: byKey(r => areasByCompany.get(r.id) ?? []),
      },
    });
    this.register("Meeting", {
      records: data.meetings,
      name: r => r.title,
      date: r => r.date,
      defaultOrder: byDate,
      filters: {
        country: byKey(r => meetingCountries(r.id), countryKey),
        participant: byKey(r => r.participantIds),
        city: byKey(one(r => r.cityId)),
        continues: byKey(one(r => r.continuesId)),
        date: { test: (r, v: DateRange) => inRange(r.date, v) },
        between: byKey(r => pairsOf(meetingCountries(r.id)), pairKey),
      },
    });
    this.register("Delegation", {
      records: data.delegations,
      ...named,
      filters: { country, meeting, between: byKey(r => pairsOf(meetingCountries(r.meetingId)), pairKey) },
    });
    this.register("CooperationArea", {
      records: data.cooperationAreas,
      ...named,
      filters: {
        nameContains,
        category: byKey(one(r => r.category)),
        company: byKey(r => r.companyIds),
        actor: byKey(r => areaPositions(r.id).map(p => p.actorId)),
        actorCountry: byKey(r => areaPositions(r.id).flatMap(p => one(actorCountry)(p.actorId)), countryKey),
        stance: byKey(r => areaPositions(r.id).map(p => p.stance)),
        meeting: byKey(r => areaPositions(r.id).map(p => p.meetingId)),
        between: byKey(r => areaPositions(r.id).flatMap(p => pairsOf(meetingCountries(p.meetingId))), pairKey),
      },
    });
    this.register("Position", {
      records: data.positions,
      defaultOrder: { field: OrderField.ID, direction: OrderDirection.ASC },
      filters: {
        area: byKey(one(r => r.areaId)),
        actor: byKey(one(r => r.actorId)),
        actorCountry: byKey(
          one(r => actorCountry(r.actorId)),
          countryKey,
        ),
        stance: byKey(one(r => r.stance)),
        meeting,
        between: byKey(r => pairsOf(meetingCountries(r.meetingId)), pairKey),
      },
    });
    this.register("Commitment", {
      records: data.commitments,
      name: r => r.title,
      defaultOrder: byName,
      filters: {
        party: byKey(r => r.partyIds, countryKey),
        kind: byKey(one(r => r.kind)),
        status: byKey(one(r => r.status)),
        area: byKey(one(r => r.areaId)),
        meeting,
        currency: byKey(
          one(r => r.value?.currency ?? null),
          (v: string) => v.toUpperCase(),
        ),
        between: byKey(
          r =>
            pairsOf([
              ...r.partyIds,
              ...one((c: string | null) => c)(r.beneficiaryId),
              ...meetingCountries(r.meetingId),
            ]),
          pairKey,
        ),
      },
    });
    const routeCountries = (r: RecordByType["FlightRoute"]) =>
      [countryOfCity(r.originId), countryOfCity(r.destinationId)].filter((c): c is string => c !== null);
    this.register("FlightRoute", {
      records: data.flightRoutes,
      name: r => `${get("City", r.originId)?.name ?? ""} – ${get("City", r.destinationId)?.name ?? ""}`,
      date: r => (r.plannedYear === null ? null : String(r.plannedYear)),
      defaultOrder: byName,
      filters: {
        operator: byKey(one(r => r.operatorId)),
        area: byKey(one(r => r.areaId)),
        city: byKey(r => [r.originId, r.destinationId]),
        country: byKey(routeCountries, countryKey),
        status: byKey(one(r => r.status)),
        between: byKey(r => pairsOf(routeCountries(r)), pairKey),
      },
    });
    this.register("Award", { records: data.awards, ...named, filters: { country, nameContains } });
    const conferralCountries = (r: RecordByType["AwardConferral"]) =>
      [countryOfLeader(r.conferredById), countryOfLeader(r.recipientId)].filter((c): c is string => c !== null);
    this.register("AwardConferral", {
      records: data.awardConferrals,
      date: r => r.date,
      name: r => get("Award", r.awardId)?.name ?? r.id,
      defaultOrder: byDate,
      filters: {
        award: byKey(one(r => r.awardId)),
        recipient: byKey(one(r => r.recipientId)),
        conferredBy: byKey(one(r => r.conferredById)),
        meeting,
        country: byKey(conferralCountries, countryKey),
        date: { test: (r, v: DateRange) => inRange(r.date, v) },
        between: byKey(r => pairsOf(conferralCountries(r)), pairKey),
      },
    });
    this.register("SharedValue", {
      records: data.sharedValues,
      ...named,
      filters: {
        country: byKey(r => r.countryIds, countryKey),
        notedBy: byKey(one(r => r.notedById)),
        meeting,
        between: byKey(r => pairsOf(r.countryIds), pairKey),
      },
    });
    this.register("Statement", {
      records: data.statements,
      defaultOrder: { field: OrderField.ID, direction: OrderDirection.ASC },
      filters: {
        speaker: byKey(r => r.speakerIds),
        meeting,
        kind: byKey(one(r => r.kind)),
        between: byKey(r => pairsOf(meetingCountries(r.meetingId)), pairKey),
      },
    });

    for (const record of [...this.byId.values()].sort((a, b) => compareStrings(a.id, b.id))) {
      const cited = new Set<string>();
      const citations = [
        ...record.citations,
        ...(record.__typename === "Meeting" ? record.formats.flatMap(f => f.citations) : []),
      ];
      for (const c of citations) cited.add(c.sourceId);
      for (const sourceId of cited) append(this.citingBySource, sourceId, record);
    }
    this.searchIndex = new SearchIndex([...this.byId.values()]);
  }

  private register<K extends NodeTypename>(typename: K, spec: TypeSpec<K>): void {
    const sorted = new Map<string, RecordByType[K][]>();
    const orderings: Ordering[] = [];
    for (const field of [
      OrderField.ID,
      ...(spec.name ? [OrderField.NAME] : []),
      ...(spec.date ? [OrderField.DATE] : []),
    ])
      for (const direction of [OrderDirection.ASC, OrderDirection.DESC]) orderings.push({ field, direction });
    for (const ordering of orderings) sorted.set(orderKey(ordering), sortedBy(spec, ordering, spec.records));

    const inDefaultOrder = sorted.get(orderKey(spec.defaultOrder)) ?? [];
    const buckets = new Map<string, Map<string, RecordByType[K][]>>();
    for (const [field, filter] of Object.entries<FilterSpec<RecordByType[K]>>(spec.filters)) {
      if (!("keys" in filter)) continue;
      const index = new Map<string, RecordByType[K][]>();
      for (const record of inDefaultOrder) {
        for (const key of new Set(filter.keys(record))) append(index, key, record);
      }
      buckets.set(field, index);
    }
    this.types.set(typename, { spec, sorted, buckets } as never);
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

  list<K extends NodeTypename>(type: K, query: ListQuery<K>): Page<RecordByType[K]> {
    const index = this.types.get(type) as TypeIndex<K> | undefined;
    if (!index) return paginate([], query.page);
    const { spec } = index;
    const ordering = query.orderBy ?? spec.defaultOrder;
    if ((ordering.field === OrderField.NAME && !spec.name) || (ordering.field === OrderField.DATE && !spec.date)) {
      throw new InvalidArgumentError("orderBy", `${type} records cannot be ordered by ${ordering.field}.`);
    }

    const active = Object.entries(query.filter ?? {}).filter(
      ([, value]) => value !== null && value !== undefined,
    ) as Array<[string, never]>;
    // Start from the smallest index bucket among the filters, or from the whole type already sorted.
    let base: readonly RecordByType[K][] | null = null;
    let baseField: string | null = null;
    for (const [field, value] of active) {
      const filter = spec.filters[field as keyof FilterByType[K]];
      if (!("keys" in filter)) continue;
      const bucket = index.buckets.get(field)?.get(filter.toKey(value)) ?? [];
      if (base === null || bucket.length < base.length) {
        base = bucket;
        baseField = field;
      }
    }
    let items = base ?? index.sorted.get(orderKey(ordering)) ?? [];
    const rest = active.filter(([field]) => field !== baseField);
    if (rest.length > 0) {
      const checks = rest.map(([field, value]) => {
        const filter = spec.filters[field as keyof FilterByType[K]];
        if ("test" in filter) return (r: RecordByType[K]) => filter.test(r, value);
        const key = filter.toKey(value);
        return (r: RecordByType[K]) => [...filter.keys(r)].includes(key);
      });
      items = items.filter(r => checks.every(check => check(r)));
    }
    if (base !== null && orderKey(ordering) !== orderKey(spec.defaultOrder)) {
      items = sortedBy(spec, ordering, items);
    }
    return paginate(items, query.page);
  }

  citing(sourceId: string, page: PageArgs): Page<NodeRecord> {
    return paginate(this.citingBySource.get(sourceId) ?? [], page);
  }

  search(query: SearchQuery): Page<SearchHit> {
    const matches = this.searchIndex.match(query.text, query.types ?? null);
    return paginateWindow(matches.count, query.page, (start, end) => matches.hits(start, end));
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The records in `ordering`: by the ordering's key (lower-cased name, or date; records without a
 * date last in either direction), then id. Each record's key is computed once, not per comparison.
 */
function sortedBy<K extends NodeTypename>(
  spec: TypeSpec<K>,
  { field, direction }: Ordering,
  records: readonly RecordByType[K][],
): RecordByType[K][] {
  const sign = direction === OrderDirection.ASC ? 1 : -1;
  const key =
    field === OrderField.NAME
      ? (r: RecordByType[K]) => spec.name?.(r).toLocaleLowerCase("en") ?? ""
      : field === OrderField.DATE
        ? (r: RecordByType[K]) => spec.date?.(r) ?? null
        : null;
  if (!key) return [...records].sort((a, b) => sign * compareStrings(a.id, b.id));
  const keyed = records.map(record => ({ record, key: key(record) }));
  keyed.sort((a, b) => {
    const [ka, kb] = [a.key, b.key];
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      return sign * compareStrings(ka, kb);
    }
    return sign * compareStrings(a.record.id, b.record.id);
  });
  return keyed.map(k => k.record);
}
