/**
 * The immutable records the repository serves. Relations are stored as ids (`countryId`), never as
 * nested objects; resolvers follow them through the repository. Each record carries its GraphQL
 * `__typename`, which is what the `Node` interface and the `SearchResult` union resolve on.
 */
import type {
  AreaCategory,
  CommitmentKind,
  CommitmentStatus,
  CompanySector,
  MeetingFormat,
  RouteStatus,
  SourceKind,
  Stance,
  StatementKind,
} from "./enums";

export interface CitationRecord {
  readonly sourceId: string;
  /** Offset of the first character of the quote, in Unicode code points. */
  readonly start: number;
  /** Offset just past the last character of the quote, in Unicode code points. */
  readonly end: number;
  readonly quote: string;
  /** The whole sentence of the source that contains the quote's start. */
  readonly sentence: string;
}

/**
 * A record with sources: its citations, and what each of them backs — compactly, since every
 * record has them (the claims a client asks for are built from these: src/domain/evidence.ts).
 */
export interface Evidenced {
  readonly citations: readonly CitationRecord[];
  /**
   * One mask per citation (same index): bit i set when the citation backs the value of the type's
   * i-th fact field (src/domain/facts.ts), and `REFERENCE_BIT` when it quotes a `REFERENCE` source.
   */
  readonly supports: readonly number[];
  /** The basis, in words, of each fact field whose value is inferred; null when none is. */
  readonly inferred: Readonly<Record<string, string>> | null;
}

interface Base<T extends string> extends Evidenced {
  readonly __typename: T;
  readonly id: string;
}

export interface SourceRecord extends Base<"Source"> {
  readonly title: string;
  readonly kind: SourceKind;
  readonly file: string;
  readonly text: string;
  readonly publishedOn: string;
  readonly datelineCityId: string | null;
  readonly reportedBy: string | null;
  readonly publisher: string | null;
  readonly language: string;
}

export interface CountryRecord extends Base<"Country"> {
  readonly code: string;
  readonly name: string;
  readonly officialName: string;
  readonly aliases: readonly string[];
  readonly capitalId: string;
  readonly region: string;
  readonly demonym: string;
}

export interface CityRecord extends Base<"City"> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly countryId: string;
}

export interface LeaderRecord extends Base<"Leader"> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly office: string;
  readonly countryId: string;
}

export interface CompanyRecord extends Base<"Company"> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly countryId: string;
  readonly sector: CompanySector;
  readonly description: string;
}

/** A format of a meeting's talks, and what the report places in it (all of the same meeting). */
export interface MeetingFormatRecord extends Evidenced {
  readonly format: MeetingFormat;
  readonly description: string;
  readonly participantIds: readonly string[];
  readonly delegationIds: readonly string[];
  readonly positionIds: readonly string[];
  readonly statementIds: readonly string[];
  readonly commitmentIds: readonly string[];
}

export interface MeetingRecord extends Base<"Meeting"> {
  readonly title: string;
  readonly description: string;
  readonly date: string | null;
  readonly cityId: string;
  readonly hostCountryId: string;
  readonly participantIds: readonly string[];
  readonly invitedById: string | null;
  readonly continuesId: string | null;
  readonly formats: readonly MeetingFormatRecord[];
}

export interface DelegationRecord extends Base<"Delegation"> {
  readonly name: string;
  readonly countryId: string;
  readonly meetingId: string;
}

export interface CooperationAreaRecord extends Base<"CooperationArea"> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly category: AreaCategory;
  readonly description: string;
  readonly companyIds: readonly string[];
}

export interface PositionRecord extends Base<"Position"> {
  readonly areaId: string;
  readonly actorId: string;
  readonly stance: Stance;
  readonly meetingId: string;
  readonly summary: string;
}

export interface MoneyRecord {
  readonly amount: number;
  readonly currency: string;
}

export interface QuantityRecord {
  readonly value: number;
  readonly unit: string;
}

export interface CommitmentRecord extends Base<"Commitment"> {
  readonly title: string;
  readonly description: string;
  readonly kind: CommitmentKind;
  readonly status: CommitmentStatus;
  readonly partyIds: readonly string[];
  readonly beneficiaryId: string | null;
  /** Who made it (countries, leaders, companies or delegations); empty when the report does not say. */
  readonly madeByIds: readonly string[];
  readonly areaId: string;
  readonly meetingId: string;
  readonly value: MoneyRecord | null;
  readonly quantity: QuantityRecord | null;
}

export interface FlightRouteRecord extends Base<"FlightRoute"> {
  readonly operatorId: string;
  readonly originId: string;
  readonly destinationId: string;
  readonly direct: boolean;
  readonly status: RouteStatus;
  readonly plannedYear: number | null;
  readonly plannedYearBasis: string | null;
  readonly areaId: string;
  readonly expectedBenefits: readonly string[];
}

export interface AwardRecord extends Base<"Award"> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly countryId: string;
  readonly description: string;
}

export interface AwardConferralRecord extends Base<"AwardConferral"> {
  readonly awardId: string;
  readonly conferredById: string;
  readonly recipientId: string;
  readonly date: string;
  readonly cityId: string;
  readonly meetingId: string | null;
  readonly reason: string;
  readonly recipientResponse: string | null;
}

export interface SharedValueRecord extends Base<"SharedValue"> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly countryIds: readonly string[];
  readonly notedById: string;
  readonly meetingId: string;
}

export interface StatementRecord extends Base<"Statement"> {
  readonly speakerIds: readonly string[];
  readonly meetingId: string;
  readonly kind: StatementKind;
  readonly summary: string;
}

/**
 * The registry of entity types: each record type by its GraphQL typename. This is the one place an
 * entity type is declared; everything else keyed by type (seed entities, repository filters and
 * indexes, search fields, GraphQL types and root fields) is a mapped type over these keys, so a type
 * added here does not compile until every one of them has it (see "Adding an entity type" in the README).
 */
export interface RecordByType {
  Source: SourceRecord;
  Country: CountryRecord;
  City: CityRecord;
  Leader: LeaderRecord;
  Company: CompanyRecord;
  Meeting: MeetingRecord;
  Delegation: DelegationRecord;
  CooperationArea: CooperationAreaRecord;
  Position: PositionRecord;
  Commitment: CommitmentRecord;
  FlightRoute: FlightRouteRecord;
  Award: AwardRecord;
  AwardConferral: AwardConferralRecord;
  SharedValue: SharedValueRecord;
  Statement: StatementRecord;
}

export type NodeTypename = keyof RecordByType;

export type NodeRecord = RecordByType[NodeTypename];

/** The name of each type's collection, in seed files and in `GraphData`, in load order. */
export const COLLECTIONS = {
  Source: "sources",
  Country: "countries",
  City: "cities",
  Leader: "leaders",
  Company: "companies",
  Meeting: "meetings",
  Delegation: "delegations",
  CooperationArea: "cooperationAreas",
  Position: "positions",
  Commitment: "commitments",
  FlightRoute: "flightRoutes",
  Award: "awards",
  AwardConferral: "awardConferrals",
  SharedValue: "sharedValues",
  Statement: "statements",
} as const satisfies { readonly [K in NodeTypename]: string };

export type CollectionName = (typeof COLLECTIONS)[NodeTypename];

/** Every typename, in the order of `COLLECTIONS`. */
export const NODE_TYPENAMES = Object.keys(COLLECTIONS) as NodeTypename[];

/** Records that may take a position on a cooperation area. */
export type ActorRecord = CountryRecord | LeaderRecord | CompanyRecord | DelegationRecord;

/** The typenames of `ActorRecord`: what a position's actor or a commitment's maker may be. */
export const ACTOR_TYPENAMES = [
  "Country",
  "Leader",
  "Company",
  "Delegation",
] as const satisfies readonly ActorRecord["__typename"][];

/** Everything the loader hands the repository: validated, cross-checked, frozen, one list per type. */
export type GraphData = {
  readonly [K in NodeTypename as (typeof COLLECTIONS)[K]]: readonly RecordByType[K][];
};
