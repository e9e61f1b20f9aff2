/**
 * What the in-memory store knows of each type: its records, the keys it orders by, and how each
 * filter of the repository contract (src/repository/repository.ts, where their meaning is stated)
 * selects records — by index keys (a Map from key to records, built once) or by a predicate. The
 * table is a mapped type over every typename and every filter key, so a type or a filter without
 * its spec does not compile.
 */
import type { GraphData, NodeRecord, NodeTypename, RecordByType } from "../../domain/records";
import {
  type CountryPair,
  type DateRange,
  type FilterByType,
  OrderDirection,
  OrderField,
  type Ordering,
} from "../repository";

/** A filter answered from an index: the keys a record is filed under, and the key a filter value asks for. */
export interface IndexedFilter<R, V> {
  readonly keys: (record: R) => Iterable<string>;
  readonly toKey: (value: V) => string;
}

/** A filter answered by testing each candidate record. */
export interface TestedFilter<R, V> {
  readonly test: (record: R, value: V) => boolean;
}

export type FilterSpec<R, V> = IndexedFilter<R, V> | TestedFilter<R, V>;

export interface TypeSpec<K extends NodeTypename> {
  readonly records: ReadonlyArray<RecordByType[K]>;
  /** The key NAME orders by; without it the type cannot be ordered by name. */
  readonly name?: (record: RecordByType[K]) => string;
  /** The key DATE orders by (null: undated); without it the type cannot be ordered by date. */
  readonly date?: (record: RecordByType[K]) => string | null;
  readonly defaultOrder: Ordering;
  readonly filters: {
    readonly [F in keyof FilterByType[K]]-?: FilterSpec<RecordByType[K], NonNullable<FilterByType[K][F]>>;
  };
}

export type TypeSpecs = { readonly [K in NodeTypename]: TypeSpec<K> };

export const countryKey = (code: string): string => `country:${code.toUpperCase()}`;
const pairKey = ([a, b]: CountryPair): string => [countryKey(a), countryKey(b)].sort().join("|");

/** The index keys of every pair of distinct countries among `countryIds`. */
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

/** An indexed filter whose values are the keys themselves unless `toKey` says otherwise. */
function indexed<R, V extends string>(
  keys: (record: R) => Iterable<string>,
  toKey: (value: V) => string = value => value,
): IndexedFilter<R, V> {
  return { keys, toKey };
}

/** An indexed filter on pairs of countries. */
const pairs = <R>(keys: (record: R) => Iterable<string>): IndexedFilter<R, CountryPair> => ({ keys, toKey: pairKey });

/** The one key of a record, or none when it is null. */
const one =
  <R>(get: (record: R) => string | null) =>
  (record: R): string[] => {
    const value = get(record);
    return value === null ? [] : [value];
  };

const notNull = <T>(value: T | null): value is T => value !== null;

/** The spec of every type over `data`; `byId` finds any record by id. */
export function typeSpecs(data: GraphData, byId: ReadonlyMap<string, NodeRecord>): TypeSpecs {
  const get = <K extends NodeTypename>(type: K, id: string | null): RecordByType[K] | null => {
    const record = id === null ? undefined : byId.get(id);
    return record?.__typename === type ? (record as RecordByType[K]) : null;
  };
  const countryOfLeader = (id: string) => get("Leader", id)?.countryId ?? null;
  const countryOfCity = (id: string) => get("City", id)?.countryId ?? null;
  const meetingCountries = (id: string | null): string[] => {
    const m = get("Meeting", id);
    return m ? [m.hostCountryId, ...m.participantIds.map(countryOfLeader).filter(notNull)] : [];
  };
  const actorCountry = (actorId: string): string | null => {
    const actor = byId.get(actorId);
    switch (actor?.__typename) {
      case "Country":
        return actor.id;
      case "Leader":
      case "Company":
      case "Delegation":
        return actor.countryId;
      default:
        return null;
    }
  };
  const positionsByArea = groupBy(data.positions, p => [p.areaId]);
  const areaPositions = (areaId: string) => positionsByArea.get(areaId) ?? [];
  const areasByCompany = groupBy(data.cooperationAreas, a => a.companyIds);
  const leaderPairs = new Map<string, Set<string>>();
  for (const m of data.meetings) {
    const meetingPairs = pairsOf(meetingCountries(m.id));
    for (const id of m.participantIds) {
      const set = leaderPairs.get(id) ?? new Set<string>();
      for (const p of meetingPairs) set.add(p);
      leaderPairs.set(id, set);
    }
  }
  const routeCountries = (r: RecordByType["FlightRoute"]) =>
    [countryOfCity(r.originId), countryOfCity(r.destinationId)].filter(notNull);
  const conferralCountries = (r: RecordByType["AwardConferral"]) =>
    [countryOfLeader(r.conferredById), countryOfLeader(r.recipientId)].filter(notNull);

  const nameContains = { test: (r: { name: string }, v: string) => contains(r.name, v) };
  const country = indexed((r: { countryId: string }) => [r.countryId], countryKey);
  const meeting = indexed(one((r: { meetingId: string | null }) => r.meetingId));
  const atMeeting = pairs((r: { meetingId: string }) => pairsOf(meetingCountries(r.meetingId)));
  const byName: Ordering = { field: OrderField.NAME, direction: OrderDirection.ASC };
  const byDate: Ordering = { field: OrderField.DATE, direction: OrderDirection.ASC };
  const byIdOrder: Ordering = { field: OrderField.ID, direction: OrderDirection.ASC };
  const named = { name: (r: { name: string }) => r.name, defaultOrder: byName };

  return {
    Source: {
      records: data.sources,
      name: r => r.title,
      date: r => r.publishedOn,
      defaultOrder: byDate,
      filters: {
        kind: indexed(r => [r.kind]),
        published: { test: (r, v) => inRange(r.publishedOn, v) },
      },
    },
    Country: {
      records: data.countries,
      ...named,
      filters: {
        nameContains,
        region: indexed(
          r => [r.region.toLowerCase()],
          v => v.toLowerCase(),
        ),
      },
    },
    City: { records: data.cities, ...named, filters: { country, nameContains } },
    Leader: {
      records: data.leaders,
      ...named,
      filters: { country, nameContains, between: pairs(r => leaderPairs.get(r.id) ?? []) },
    },
    Company: {
      records: data.companies,
      ...named,
      filters: {
        country,
        nameContains,
        sector: indexed(r => [r.sector]),
        area: indexed(r => areasByCompany.get(r.id)?.map(a => a.id) ?? []),
      },
    },
    Meeting: {
      records: data.meetings,
      name: r => r.title,
      date: r => r.date,
      defaultOrder: byDate,
      filters: {
        country: indexed(r => meetingCountries(r.id), countryKey),
        participant: indexed(r => r.participantIds),
        city: indexed(r => [r.cityId]),
        continues: indexed(one(r => r.continuesId)),
        date: { test: (r, v) => inRange(r.date, v) },
        between: pairs(r => pairsOf(meetingCountries(r.id))),
      },
    },
    Delegation: { records: data.delegations, ...named, filters: { country, meeting, between: atMeeting } },
    CooperationArea: {
      records: data.cooperationAreas,
      ...named,
      filters: {
        nameContains,
        category: indexed(r => [r.category]),
        company: indexed(r => r.companyIds),
        actor: indexed(r => areaPositions(r.id).map(p => p.actorId)),
        actorCountry: indexed(r => areaPositions(r.id).flatMap(p => one(actorCountry)(p.actorId)), countryKey),
        stance: indexed(r => areaPositions(r.id).map(p => p.stance)),
        meeting: indexed(r => areaPositions(r.id).map(p => p.meetingId)),
        between: pairs(r => areaPositions(r.id).flatMap(p => pairsOf(meetingCountries(p.meetingId)))),
      },
    },
    Position: {
      records: data.positions,
      defaultOrder: byIdOrder,
      filters: {
        area: indexed(r => [r.areaId]),
        actor: indexed(r => [r.actorId]),
        actorCountry: indexed(
          one(r => actorCountry(r.actorId)),
          countryKey,
        ),
        stance: indexed(r => [r.stance]),
        meeting,
        between: atMeeting,
      },
    },
    Commitment: {
      records: data.commitments,
      name: r => r.title,
      defaultOrder: byName,
      filters: {
        party: indexed(r => r.partyIds, countryKey),
        kind: indexed(r => [r.kind]),
        status: indexed(r => [r.status]),
        area: indexed(r => [r.areaId]),
        meeting,
        currency: indexed(
          one(r => r.value?.currency ?? null),
          v => v.toUpperCase(),
        ),
        between: pairs(r =>
          pairsOf([...r.partyIds, ...one((c: string | null) => c)(r.beneficiaryId), ...meetingCountries(r.meetingId)]),
        ),
      },
    },
    FlightRoute: {
      records: data.flightRoutes,
      name: r => `${get("City", r.originId)?.name ?? ""} – ${get("City", r.destinationId)?.name ?? ""}`,
      date: r => (r.plannedYear === null ? null : String(r.plannedYear)),
      defaultOrder: byName,
      filters: {
        operator: indexed(r => [r.operatorId]),
        area: indexed(r => [r.areaId]),
        city: indexed(r => [r.originId, r.destinationId]),
        country: indexed(routeCountries, countryKey),
        status: indexed(r => [r.status]),
        between: pairs(r => pairsOf(routeCountries(r))),
      },
    },
    Award: { records: data.awards, ...named, filters: { country, nameContains } },
    AwardConferral: {
      records: data.awardConferrals,
      date: r => r.date,
      name: r => get("Award", r.awardId)?.name ?? r.id,
      defaultOrder: byDate,
      filters: {
        award: indexed(r => [r.awardId]),
        recipient: indexed(r => [r.recipientId]),
        conferredBy: indexed(r => [r.conferredById]),
        meeting,
        country: indexed(conferralCountries, countryKey),
        date: { test: (r, v) => inRange(r.date, v) },
        between: pairs(r => pairsOf(conferralCountries(r))),
      },
    },
    SharedValue: {
      records: data.sharedValues,
      ...named,
      filters: {
        country: indexed(r => r.countryIds, countryKey),
        notedBy: indexed(r => [r.notedById]),
        meeting,
        between: pairs(r => pairsOf(r.countryIds)),
      },
    },
    Statement: {
      records: data.statements,
      defaultOrder: byIdOrder,
      filters: {
        speaker: indexed(r => r.speakerIds),
        meeting,
        kind: indexed(r => [r.kind]),
        between: atMeeting,
      },
    },
  };
}

/** Records grouped under each of their keys, in the records' order. */
function groupBy<R>(records: readonly R[], keys: (record: R) => readonly string[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const record of records) {
    for (const key of keys(record)) {
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
  }
  return groups;
}
