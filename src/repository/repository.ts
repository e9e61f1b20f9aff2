/**
 * The repository contract the resolvers depend on. It is batch-shaped (lookups take many ids) and
 * every answer may be a value or a Promise: the in-memory repository answers synchronously from Map
 * indexes, a database-backed one can answer with Promises (batched per request) without any resolver
 * changing. Filters name records by id except countries, which users name by ISO code.
 */
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
import type { CountryRecord, NodeRecord, NodeTypename, RecordByType } from "../domain/records";

export type MaybePromise<T> = T | Promise<T>;

/** Two ISO codes: keeps records that involve both countries. */
export type CountryPair = readonly [string, string];

export interface DateRange {
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface SourceFilter {
  readonly kind?: SourceKind | null;
  readonly published?: DateRange | null;
}
export interface CountryFilter {
  readonly nameContains?: string | null;
  readonly region?: string | null;
}
export interface CityFilter {
  readonly country?: string | null;
  readonly nameContains?: string | null;
}
export interface LeaderFilter {
  readonly country?: string | null;
  readonly nameContains?: string | null;
  readonly between?: CountryPair | null;
}
export interface CompanyFilter {
  readonly country?: string | null;
  readonly sector?: CompanySector | null;
  readonly area?: string | null;
  readonly nameContains?: string | null;
}
export interface MeetingFilter {
  readonly country?: string | null;
  readonly participant?: string | null;
  readonly city?: string | null;
  readonly continues?: string | null;
  readonly date?: DateRange | null;
  readonly between?: CountryPair | null;
}
export interface DelegationFilter {
  readonly country?: string | null;
  readonly meeting?: string | null;
  readonly between?: CountryPair | null;
}
export interface CooperationAreaFilter {
  readonly category?: AreaCategory | null;
  readonly actor?: string | null;
  readonly actorCountry?: string | null;
  readonly stance?: Stance | null;
  readonly company?: string | null;
  readonly meeting?: string | null;
  readonly nameContains?: string | null;
  readonly between?: CountryPair | null;
}
export interface PositionFilter {
  readonly area?: string | null;
  readonly actor?: string | null;
  readonly actorCountry?: string | null;
  readonly stance?: Stance | null;
  readonly meeting?: string | null;
  readonly between?: CountryPair | null;
}
export interface CommitmentFilter {
  readonly party?: string | null;
  readonly kind?: CommitmentKind | null;
  readonly status?: CommitmentStatus | null;
  readonly area?: string | null;
  readonly meeting?: string | null;
  readonly currency?: string | null;
  readonly between?: CountryPair | null;
}
export interface FlightRouteFilter {
  readonly operator?: string | null;
  readonly area?: string | null;
  readonly city?: string | null;
  readonly country?: string | null;
  readonly status?: RouteStatus | null;
  readonly between?: CountryPair | null;
}
export interface AwardFilter {
  readonly country?: string | null;
  readonly nameContains?: string | null;
}
export interface AwardConferralFilter {
  readonly award?: string | null;
  readonly recipient?: string | null;
  readonly conferredBy?: string | null;
  readonly meeting?: string | null;
  readonly country?: string | null;
  readonly date?: DateRange | null;
  readonly between?: CountryPair | null;
}
export interface SharedValueFilter {
  readonly country?: string | null;
  readonly notedBy?: string | null;
  readonly meeting?: string | null;
  readonly between?: CountryPair | null;
}
export interface StatementFilter {
  readonly speaker?: string | null;
  readonly meeting?: string | null;
  readonly kind?: StatementKind | null;
  readonly between?: CountryPair | null;
}

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

export interface GraphRepository {
  /** Records of one type by id, in the order asked; null where there is none. */
  getMany<K extends NodeTypename>(type: K, ids: readonly string[]): MaybePromise<ReadonlyArray<RecordByType[K] | null>>;
  /** Records of any type by id, in the order asked; null where there is none. */
  nodes(ids: readonly string[]): MaybePromise<ReadonlyArray<NodeRecord | null>>;
  /** Countries by ISO 3166-1 alpha-2 code (any case), in the order asked; null where there is none. */
  countriesByCode(codes: readonly string[]): MaybePromise<ReadonlyArray<CountryRecord | null>>;
  /** One page of the records of a type that match a filter, in a stable order. */
  list<K extends NodeTypename>(type: K, query: ListQuery<K>): MaybePromise<Page<RecordByType[K]>>;
  /** One page of the records that cite a source, in id order. */
  citing(sourceId: string, page: PageArgs): MaybePromise<Page<NodeRecord>>;
  /** Ranked matches across names, aliases and descriptions. */
  search(query: SearchQuery): MaybePromise<Page<SearchHit>>;
}
