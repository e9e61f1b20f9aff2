/**
 * The filters of the repository contract, one per type, and what each condition means.
 *
 * For every type: all given conditions must hold; a condition that is null or absent is no
 * condition. Records are named by id, countries by ISO 3166-1 alpha-2 code in any case. "The countries of a meeting" are its host country and the country of each
 * participant. `between: [A, B]` names two different countries and keeps the records that involve
 * both, in either order (what "involve" means is said per type below). Text conditions
 * (`nameContains`) match a case-insensitive substring; date ranges are inclusive ISO dates and never
 * match an undated record.
 */
import type { Assert, SameKeys } from "../common/types";
import type {
  AreaCategory,
  CommitmentKind,
  CommitmentStatus,
  CompanySector,
  RouteStatus,
  SourceKind,
  Stance,
  StatementKind,
} from "../domain/enums";
import type { RecordByType } from "../domain/records";

/** Two ISO codes: keeps records that involve both countries. */
export type CountryPair = readonly [string, string];

export interface DateRange {
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface SourceFilter {
  readonly kind?: SourceKind | null;
  /** Published within the range. */
  readonly published?: DateRange | null;
}
export interface CountryFilter {
  /** Its name contains this text, ignoring case. */
  readonly nameContains?: string | null;
  /** Its region equals this text, ignoring case. */
  readonly region?: string | null;
}
export interface CityFilter {
  /** Its country is this one. */
  readonly country?: string | null;
  /** Its name contains this text, ignoring case. */
  readonly nameContains?: string | null;
}
export interface LeaderFilter {
  /** Its country is this one. */
  readonly country?: string | null;
  /** Its name contains this text, ignoring case. */
  readonly nameContains?: string | null;
  /** The leader took part in a meeting whose countries include both. */
  readonly between?: CountryPair | null;
}
export interface CompanyFilter {
  /** Its country is this one. */
  readonly country?: string | null;
  readonly sector?: CompanySector | null;
  /** The cooperation area (by id) lists the company. */
  readonly area?: string | null;
  /** Its name contains this text, ignoring case. */
  readonly nameContains?: string | null;
}
export interface MeetingFilter {
  /** One of the meeting's countries. */
  readonly country?: string | null;
  /** A leader (by id) who took part. */
  readonly participant?: string | null;
  /** Where it was held (city id). */
  readonly city?: string | null;
  /** The meeting (by id) it continues. */
  readonly continues?: string | null;
  /** Held within the range. */
  readonly date?: DateRange | null;
  /** Both are among the meeting's countries. */
  readonly between?: CountryPair | null;
}
export interface DelegationFilter {
  /** Its country is this one. */
  readonly country?: string | null;
  /** The meeting (by id) it attended. */
  readonly meeting?: string | null;
  /** Both are among the countries of the meeting it attended. */
  readonly between?: CountryPair | null;
}
/**
 * Conditions on an area's positions (actor, actorCountry, stance, meeting, between) each hold when
 * some position on the area meets it; two conditions may be met by different positions.
 */
export interface CooperationAreaFilter {
  readonly category?: AreaCategory | null;
  /** An actor (country, leader, company or delegation, by id) took a position on it. */
  readonly actor?: string | null;
  /** An actor of this country took a position on it (a country is its own actor's country). */
  readonly actorCountry?: string | null;
  /** A position on it has this stance. */
  readonly stance?: Stance | null;
  /** The area lists the company (by id). */
  readonly company?: string | null;
  /** A position on it was taken at the meeting (by id). */
  readonly meeting?: string | null;
  /** Its name contains this text, ignoring case. */
  readonly nameContains?: string | null;
  /** A position on it was taken at a meeting whose countries include both. */
  readonly between?: CountryPair | null;
}
export interface PositionFilter {
  /** On the cooperation area (by id). */
  readonly area?: string | null;
  /** Taken by the actor (by id). */
  readonly actor?: string | null;
  /** Taken by an actor of this country: the country itself, or a leader, company or delegation of it. */
  readonly actorCountry?: string | null;
  readonly stance?: Stance | null;
  /** Taken at the meeting (by id). */
  readonly meeting?: string | null;
  /** Taken at a meeting whose countries include both. */
  readonly between?: CountryPair | null;
}
export interface CommitmentFilter {
  /** One of its parties (a country). */
  readonly party?: string | null;
  readonly kind?: CommitmentKind | null;
  readonly status?: CommitmentStatus | null;
  /** In the cooperation area (by id). */
  readonly area?: string | null;
  /** Made at the meeting (by id). */
  readonly meeting?: string | null;
  /** Its value is in this ISO 4217 currency, ignoring case. */
  readonly currency?: string | null;
  /** Both are among its parties, its beneficiary and the countries of its meeting. */
  readonly between?: CountryPair | null;
}
export interface FlightRouteFilter {
  /** Flown by the company (by id). */
  readonly operator?: string | null;
  /** In the cooperation area (by id). */
  readonly area?: string | null;
  /** Starts or ends in the city (by id). */
  readonly city?: string | null;
  /** Starts or ends in this country. */
  readonly country?: string | null;
  readonly status?: RouteStatus | null;
  /** Links the two countries (one at each end). */
  readonly between?: CountryPair | null;
}
export interface AwardFilter {
  /** Its country is this one. */
  readonly country?: string | null;
  /** Its name contains this text, ignoring case. */
  readonly nameContains?: string | null;
}
export interface AwardConferralFilter {
  /** Of the award (by id). */
  readonly award?: string | null;
  /** Received by the leader (by id). */
  readonly recipient?: string | null;
  /** Conferred by the leader (by id). */
  readonly conferredBy?: string | null;
  /** Conferred at the meeting (by id). */
  readonly meeting?: string | null;
  /** The country of the leader who conferred it or of the one who received it. */
  readonly country?: string | null;
  /** Conferred within the range. */
  readonly date?: DateRange | null;
  /** The conferring and receiving leaders' countries are the two. */
  readonly between?: CountryPair | null;
}
export interface SharedValueFilter {
  /** One of the countries that share it. */
  readonly country?: string | null;
  /** Noted by the leader (by id). */
  readonly notedBy?: string | null;
  /** Noted at the meeting (by id). */
  readonly meeting?: string | null;
  /** Both share it. */
  readonly between?: CountryPair | null;
}
export interface StatementFilter {
  /** Made by the leader (by id), alone or jointly. */
  readonly speaker?: string | null;
  /** Made at the meeting (by id). */
  readonly meeting?: string | null;
  readonly kind?: StatementKind | null;
  /** Made at a meeting whose countries include both. */
  readonly between?: CountryPair | null;
}

/** The filter of each type; the GraphQL filter inputs must have exactly these keys. */
export interface FilterByType {
  Source: SourceFilter;
  Country: CountryFilter;
  City: CityFilter;
  Leader: LeaderFilter;
  Company: CompanyFilter;
  Meeting: MeetingFilter;
  Delegation: DelegationFilter;
  CooperationArea: CooperationAreaFilter;
  Position: PositionFilter;
  Commitment: CommitmentFilter;
  FlightRoute: FlightRouteFilter;
  Award: AwardFilter;
  AwardConferral: AwardConferralFilter;
  SharedValue: SharedValueFilter;
  Statement: StatementFilter;
}
/** Every type has a filter, and every filter is of a type. */
export type _FilterForEveryType = Assert<SameKeys<FilterByType, RecordByType>>;
