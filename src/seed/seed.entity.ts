/**
 * What each record type declares on the seed side (`SeedEntity`): the DTO that checks their shape, its reference fields, and how a validated DTO becomes its
 * graph record; with the fields most mappings share. The declarations are in seed.entities.ts.
 */
import type { Evidenced, NodeTypename, RecordByType } from "../domain/records";
import type { Cited, Named } from "./seed.dto.common";
import type {
  SeedAward,
  SeedCity,
  SeedCompany,
  SeedCooperationArea,
  SeedCountry,
  SeedDelegation,
  SeedLeader,
  SeedSharedValue,
  SeedSource,
} from "./seed.dto.entities";
import type {
  SeedAwardConferral,
  SeedCommitment,
  SeedFlightRoute,
  SeedMeeting,
  SeedPosition,
  SeedStatement,
} from "./seed.dto.relations";

/** The DTO that checks the shape of each type's seed records: the instance type of its entity's `dto`. */
export interface SeedDtoByType {
  Source: SeedSource;
  Country: SeedCountry;
  City: SeedCity;
  Leader: SeedLeader;
  Company: SeedCompany;
  Meeting: SeedMeeting;
  Delegation: SeedDelegation;
  CooperationArea: SeedCooperationArea;
  Position: SeedPosition;
  Commitment: SeedCommitment;
  FlightRoute: SeedFlightRoute;
  Award: SeedAward;
  AwardConferral: SeedAwardConferral;
  SharedValue: SeedSharedValue;
  Statement: SeedStatement;
}

/** The fields of a DTO that can hold references: an id, or a list of ids (the record's own `id` aside). */
export type ReferenceField<D> = Exclude<
  { [F in keyof D]-?: D[F] extends string | readonly string[] | null | undefined ? F : never }[keyof D],
  "id"
>;

/** What mapping a record may ask of the loader. */
export interface RecordContext {
  /**
   * The citations of `seed`, found `at` (e.g. `.formats[0]`) below the record's JSON path, checked
   * against their sources, and the evidence of its fact fields: those of the record's type, or
   * `facts` (seed.evidence.ts).
   */
  readonly evidenced: (seed: Cited, at?: string, facts?: readonly string[]) => Evidenced;
  /** The text of the source with this id ("" when its file could not be read). */
  readonly sourceText: (id: string) => string;
}

/** The seed side of the record type K. */
export interface SeedEntity<K extends NodeTypename> {
  /** The class-validator DTO each record's shape is checked against. */
  readonly dto: new () => SeedDtoByType[K];
  /** Each reference field, and the types of record it may point at. */
  readonly references: { readonly [F in ReferenceField<SeedDtoByType[K]>]?: readonly NodeTypename[] };
  /** The graph record of a record whose shape checked. */
  readonly toRecord: (dto: SeedDtoByType[K], ctx: RecordContext) => RecordByType[K];
}

/** One entity for every record type. */
export type SeedEntityTable = { readonly [K in NodeTypename]: SeedEntity<K> };

/** The fields every graph record has: its id, its citations checked against their sources, and its evidence. */
export const cited = (dto: Cited & { readonly id: string }, ctx: RecordContext) => ({
  id: dto.id,
  ...ctx.evidenced(dto),
});

/** The name, and the other names, of a named record. */
export const named = (dto: Named) => ({ name: dto.name, aliases: dto.aliases ?? [] });
