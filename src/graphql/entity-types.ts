/**
 * The GraphQL object type of every entity, by typename: a table over the registry of record types
 * (src/domain/records.ts), so a type without its GraphQL class does not compile, and each class's
 * fields are checked against its record: a field the record lacks does not compile either (fields
 * computed from other records are resolver methods, not class fields).
 */
import type { Assert } from "../common/types";
import type { NodeTypename, RecordByType } from "../domain/records";
import { AwardConferral } from "./award-conferral/award-conferral.type";
import { Award } from "./award/award.type";
import { City } from "./city/city.type";
import { Commitment } from "./commitment/commitment.type";
import { Company } from "./company/company.type";
import { CooperationArea } from "./cooperation-area/cooperation-area.type";
import { Country } from "./country/country.type";
import { Delegation } from "./delegation/delegation.type";
import { FlightRoute } from "./flight-route/flight-route.type";
import { Leader } from "./leader/leader.type";
import { Meeting } from "./meeting/meeting.type";
import { Position } from "./position/position.type";
import { SharedValue } from "./shared-value/shared-value.type";
import { Source } from "./source/source.type";
import { Statement } from "./statement/statement.type";

export const ENTITY_TYPES = {
  Source,
  Country,
  City,
  Leader,
  Company,
  Meeting,
  Delegation,
  CooperationArea,
  Position,
  Commitment,
  FlightRoute,
  Award,
  AwardConferral,
  SharedValue,
  Statement,
} as const satisfies { readonly [K in NodeTypename]: abstract new () => object };

/**
 * `true` when every field of class C is a field of record R; otherwise the fields R lacks. `Node`'s
 * `evidence` is resolved for every type (src/graphql/evidence/), not read off the record.
 */
export type OnlyRecordFields<C, R> = [Exclude<keyof C, keyof R | "evidence">] extends [never]
  ? true
  : { readonly "fields the record lacks": Exclude<keyof C, keyof R | "evidence"> };

/** Each entity's check, by typename. */
export type EntityFieldChecks<Types extends { readonly [K in NodeTypename]: abstract new () => object }> = {
  readonly [K in NodeTypename]: OnlyRecordFields<InstanceType<Types[K]>, RecordByType[K]>;
};

/** Every entity class declares only fields its record has. */
export type _EntityFieldsAreRecordFields = Assert<EntityFieldChecks<typeof ENTITY_TYPES>[NodeTypename]>;

/** The entity classes, in registry order (the members of `SearchResult`). */
export const ENTITY_CLASSES = Object.values(ENTITY_TYPES);
