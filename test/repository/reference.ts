/**
 * The reference model the repository contract checks stores against: what each filter, ordering
 * and citation lookup means, written as plain scans over the loaded `GraphData` (no index, no
 * bucket, no cache), so that it is obviously right and shares no code with any store. It follows
 * the semantics of the in-memory store (src/repository/in-memory.repository.ts) and the filter
 * descriptions of schema.graphql.
 */
import type { GraphData, MeetingRecord, NodeRecord, NodeTypename, RecordByType } from "../../src/domain/records";
import {
  type CountryPair,
  type DateRange,
  type FilterByType,
  OrderDirection,
  OrderField,
  type Ordering,
} from "../../src/repository/repository";

/** The record lists of each type. */
export const RECORDS: { readonly [K in NodeTypename]: (data: GraphData) => readonly RecordByType[K][] } = {
  Source: d => d.sources,
  Country: d => d.countries,
  City: d => d.cities,
  Leader: d => d.leaders,
  Company: d => d.companies,
  Meeting: d => d.meetings,
  Delegation: d => d.delegations,
  CooperationArea: d => d.cooperationAreas,
  Position: d => d.positions,
  Commitment: d => d.commitments,
  FlightRoute: d => d.flightRoutes,
  Award: d => d.awards,
  AwardConferral: d => d.awardConferrals,
  SharedValue: d => d.sharedValues,
  Statement: d => d.statements,
};

export const TYPENAMES = Object.keys(RECORDS) as NodeTypename[];

/** The country an ISO code names, in any case. */
export const countryOf = (code: string): string => `country:${code.toUpperCase()}`;

/** Whether `text` contains `part`, ignoring case. */
const containsText = (text: string, part: string): boolean => text.toLowerCase().includes(part.toLowerCase());

/** Whether a date is in a range, both ends included, either end optional; a missing date is in no range. */
function inRange(date: string | null, { from, to }: DateRange): boolean {
  return date !== null && (!from || date >= from) && (!to || date <= to);
}

/** Whether a set of countries holds both countries of a pair; a pair must name two different countries. */
function involvesBoth(countries: ReadonlyArray<string | null>, [a, b]: CountryPair): boolean {
  return countryOf(a) !== countryOf(b) && countries.includes(countryOf(a)) && countries.includes(countryOf(b));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What each filter field keeps: a record and a (non-null) filter value in, keep or not out. */
type Predicates<K extends NodeTypename> = {
  readonly [F in keyof FilterByType[K]]-?: (record: RecordByType[K], value: NonNullable<FilterByType[K][F]>) => boolean;
};

/** The sort keys of a type: its name (or title) and its date, where it has them. */
interface SortKeys<K extends NodeTypename> {
  readonly name?: (record: RecordByType[K]) => string;
  readonly date?: (record: RecordByType[K]) => string | null;
  /** The order of a list when no ordering is asked for. */
  readonly defaultOrder: Ordering;
}

const ASC = OrderDirection.ASC;
const byId: Ordering = { field: OrderField.ID, direction: ASC };
const byName: Ordering = { field: OrderField.NAME, direction: ASC };
const byDate: Ordering = { field: OrderField.DATE, direction: ASC };

export class Reference {
  private readonly byId = new Map<string, NodeRecord>();
  readonly filters: { readonly [K in NodeTypename]: Predicates<K> };
  readonly sortKeys: { readonly [K in NodeTypename]: SortKeys<K> };

  constructor(readonly data: GraphData) {
    for (const type of TYPENAMES) for (const r of RECORDS[type](data)) this.byId.set(r.id, r);

    const named = { name: (r: { name: string }) => r.name, defaultOrder: byName };
    this.sortKeys = {
      Source: { name: r => r.title, date: r => r.publishedOn, defaultOrder: byDate },
      Country: named,
      City: named,
      Leader: named,
      Company: named,
      Meeting: { name: r => r.title, date: r => r.date, defaultOrder: byDate },
      Delegation: named,
      CooperationArea: named,
      Position: { defaultOrder: byId },
      Commitment: { name: r => r.title, defaultOrder: byName },
      FlightRoute: {
        // "<origin city> – <destination city>", and the planned year
        name: r => `${this.nameOf(r.originId)} – ${this.nameOf(r.destinationId)}`,
        date: r => (r.plannedYear === null ? null : String(r.plannedYear)),
        defaultOrder: byName,
      },
      Award: named,
      // the award's name, and the date of the conferral
      AwardConferral: { name: r => this.nameOf(r.awardId), date: r => r.date, defaultOrder: byDate },
      SharedValue: named,
      Statement: { defaultOrder: byId },
    };

    const nameContains = (r: { name: string }, part: string) => containsText(r.name, part);
    const inCountry = (r: { countryId: string }, code: string) => r.countryId === countryOf(code);
    this.filters = {
      Source: {
        kind: (r, kind) => r.kind === kind,
        published: (r, range) => inRange(r.publishedOn, range),
      },
      Country: {
        nameContains,
        region: (r, region) => r.region.toLowerCase() === region.toLowerCase(),
      },
      City: { country: inCountry, nameContains },
      Leader: {
        country: inCountry,
        nameContains,
        // some meeting the leader took part in involves both countries
        between: (r, pair) =>
          this.data.meetings.some(m => m.participantIds.includes(r.id) && involvesBoth(this.meetingCountries(m), pair)),
      },
      Company: {
        country: inCountry,
        sector: (r, sector) => r.sector === sector,
        area: (r, areaId) => this.data.cooperationAreas.some(a => a.id === areaId && a.companyIds.includes(r.id)),
        nameContains,
      },
      Meeting: {
        // the host country or the country of a participant
        country: (r, code) => this.meetingCountries(r).includes(countryOf(code)),
        participant: (r, leaderId) => r.participantIds.includes(leaderId),
        city: (r, cityId) => r.cityId === cityId,
        continues: (r, meetingId) => r.continuesId === meetingId,
        date: (r, range) => inRange(r.date, range),
        between: (r, pair) => involvesBoth(this.meetingCountries(r), pair),
      },
      Delegation: {
        country: inCountry,
        meeting: (r, meetingId) => r.meetingId === meetingId,
        between: (r, pair) => involvesBoth(this.meetingCountries(this.meeting(r.meetingId)), pair),
      },
      // each condition on positions holds for some position on the area (not necessarily the same one)
      CooperationArea: {
        category: (r, category) => r.category === category,
        actor: (r, actorId) => this.positionsOn(r.id).some(p => p.actorId === actorId),
        actorCountry: (r, code) => this.positionsOn(r.id).some(p => this.actorCountry(p.actorId) === countryOf(code)),
        stance: (r, stance) => this.positionsOn(r.id).some(p => p.stance === stance),
        company: (r, companyId) => r.companyIds.includes(companyId),
        meeting: (r, meetingId) => this.positionsOn(r.id).some(p => p.meetingId === meetingId),
        nameContains,
        between: (r, pair) =>
          this.positionsOn(r.id).some(p => involvesBoth(this.meetingCountries(this.meeting(p.meetingId)), pair)),
      },
      Position: {
        area: (r, areaId) => r.areaId === areaId,
        actor: (r, actorId) => r.actorId === actorId,
        actorCountry: (r, code) => this.actorCountry(r.actorId) === countryOf(code),
        stance: (r, stance) => r.stance === stance,
        meeting: (r, meetingId) => r.meetingId === meetingId,
        between: (r, pair) => involvesBoth(this.meetingCountries(this.meeting(r.meetingId)), pair),
      },
      Commitment: {
        party: (r, code) => r.partyIds.includes(countryOf(code)),
        kind: (r, kind) => r.kind === kind,
        status: (r, status) => r.status === status,
        area: (r, areaId) => r.areaId === areaId,
        meeting: (r, meetingId) => r.meetingId === meetingId,
        currency: (r, currency) => r.value !== null && r.value.currency.toUpperCase() === currency.toUpperCase(),
        // parties, beneficiary and the meeting's countries together
        between: (r, pair) =>
          involvesBoth([...r.partyIds, r.beneficiaryId, ...this.meetingCountries(this.meeting(r.meetingId))], pair),
      },
      FlightRoute: {
        operator: (r, companyId) => r.operatorId === companyId,
        area: (r, areaId) => r.areaId === areaId,
        city: (r, cityId) => r.originId === cityId || r.destinationId === cityId,
        country: (r, code) => this.routeCountries(r).includes(countryOf(code)),
        status: (r, status) => r.status === status,
        between: (r, pair) => involvesBoth(this.routeCountries(r), pair),
      },
      Award: { country: inCountry, nameContains },
      AwardConferral: {
        award: (r, awardId) => r.awardId === awardId,
        recipient: (r, leaderId) => r.recipientId === leaderId,
        conferredBy: (r, leaderId) => r.conferredById === leaderId,
        meeting: (r, meetingId) => r.meetingId === meetingId,
        // the giver's or the recipient's country
        country: (r, code) => this.conferralCountries(r).includes(countryOf(code)),
        date: (r, range) => inRange(r.date, range),
        between: (r, pair) => involvesBoth(this.conferralCountries(r), pair),
      },
      SharedValue: {
        country: (r, code) => r.countryIds.includes(countryOf(code)),
        notedBy: (r, leaderId) => r.notedById === leaderId,
        meeting: (r, meetingId) => r.meetingId === meetingId,
        between: (r, pair) => involvesBoth(r.countryIds, pair),
      },
      Statement: {
        speaker: (r, leaderId) => r.speakerIds.includes(leaderId),
        meeting: (r, meetingId) => r.meetingId === meetingId,
        kind: (r, kind) => r.kind === kind,
        between: (r, pair) => involvesBoth(this.meetingCountries(this.meeting(r.meetingId)), pair),
      },
    };
  }

  records<K extends NodeTypename>(type: K): readonly RecordByType[K][] {
    return RECORDS[type](this.data);
  }

  /** The orderings a type supports: by id always, by name and date where it has them. */
  orderings(type: NodeTypename): Ordering[] {
    const keys = this.sortKeys[type] as SortKeys<NodeTypename>;
    const fields = [OrderField.ID, ...(keys.name ? [OrderField.NAME] : []), ...(keys.date ? [OrderField.DATE] : [])];
    return fields.flatMap(field => [OrderDirection.ASC, OrderDirection.DESC].map(direction => ({ field, direction })));
  }

  /**
   * The ids of the records of a type that meet every non-null condition of `filter`, in `orderBy`
   * (or the type's default order): by id; by name ignoring case; or by date with undated records
   * last in either direction. Ties break by id, in the same direction.
   */
  list<K extends NodeTypename>(
    type: K,
    filter: FilterByType[K] | null = null,
    orderBy: Ordering | null = null,
  ): string[] {
    const predicates = this.filters[type] as Record<string, (record: RecordByType[K], value: unknown) => boolean>;
    const conditions = Object.entries(filter ?? {}).filter(([, value]) => value !== null && value !== undefined);
    const kept = this.records(type).filter(r => conditions.every(([field, value]) => predicates[field]!(r, value)));

    const keys = this.sortKeys[type] as SortKeys<K>;
    const { field, direction } = orderBy ?? keys.defaultOrder;
    const sign = direction === OrderDirection.ASC ? 1 : -1;
    const keyOf = (r: RecordByType[K]): string | null =>
      field === OrderField.NAME ? keys.name!(r).toLowerCase() : field === OrderField.DATE ? keys.date!(r) : r.id;
    return [...kept]
      .sort((a, b) => {
        const [ka, kb] = [keyOf(a), keyOf(b)];
        if (ka === null && kb !== null) return 1;
        if (kb === null && ka !== null) return -1;
        return sign * (compareStrings(ka ?? "", kb ?? "") || compareStrings(a.id, b.id));
      })
      .map(r => r.id);
  }

  /** The ids of every record (of any type) one of whose citations, or a meeting format's, quotes the source; by id. */
  citing(sourceId: string): string[] {
    const cites = (r: NodeRecord) =>
      r.citations.some(c => c.sourceId === sourceId) ||
      (r.__typename === "Meeting" && r.formats.some(f => f.citations.some(c => c.sourceId === sourceId)));
    return [...this.byId.values()]
      .filter(cites)
      .map(r => r.id)
      .sort(compareStrings);
  }

  private meeting(id: string | null): MeetingRecord | null {
    return this.data.meetings.find(m => m.id === id) ?? null;
  }

  /** The host country and the countries of the participants. */
  private meetingCountries(meeting: MeetingRecord | null): string[] {
    if (meeting === null) return [];
    return [meeting.hostCountryId, ...meeting.participantIds.map(id => this.countryIdOf(id))].filter(
      (c): c is string => c !== null,
    );
  }

  private positionsOn(areaId: string) {
    return this.data.positions.filter(p => p.areaId === areaId);
  }

  /** A country acts as itself; a leader, company or delegation for its country. */
  private actorCountry(actorId: string): string | null {
    const actor = this.byId.get(actorId);
    return actor?.__typename === "Country" ? actor.id : this.countryIdOf(actorId);
  }

  private routeCountries(r: RecordByType["FlightRoute"]): Array<string | null> {
    return [this.countryIdOf(r.originId), this.countryIdOf(r.destinationId)];
  }

  private conferralCountries(r: RecordByType["AwardConferral"]): Array<string | null> {
    return [this.countryIdOf(r.conferredById), this.countryIdOf(r.recipientId)];
  }

  /** The `countryId` of a city, leader, company or delegation. */
  private countryIdOf(id: string): string | null {
    const record = this.byId.get(id);
    return record && "countryId" in record ? record.countryId : null;
  }

  private nameOf(id: string): string {
    const record = this.byId.get(id);
    return record && "name" in record ? record.name : id;
  }
}
