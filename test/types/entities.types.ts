/**
 * Type-level tests: each omission that once compiled and failed only at run time (or silently) is a
 * compile error now. Each `@ts-expect-error` marks code that must not compile; should a guarantee
 * vanish, the directive goes unused, which is itself a compile error. Jest does not run this file
 * (no `.test.` in its name); `npm test` runs `tsc -p .` first, which checks it. The seed rows (a
 * DTO field renamed while its mapping reads the old key; a type dropped from the seed table) are in
 * seed.types.ts; a missing start-up piece (type-graphql metadata) is in test/schema/entity-check.test.ts.
 */
import { InputType } from "type-graphql";

import type { Assert, Same } from "../../src/common/types";
import { type AwardRecord, COLLECTIONS, type NodeTypename } from "../../src/domain/records";
import { Award } from "../../src/graphql/award/award.type";
import { AwardFilter } from "../../src/graphql/award/award.args";
import { ListArgs } from "../../src/graphql/base/list.args";
import { NameOrder } from "../../src/graphql/base/order.input";
import { ENTITY_TYPES, type EntityFieldChecks, type OnlyRecordFields } from "../../src/graphql/entity-types";
import { SearchType } from "../../src/graphql/search/search.type";
import type { TypeSpecs } from "../../src/repository/in-memory/type-specs";
import { SEARCH_FIELDS, type SearchFields } from "../../src/repository/search-fields";

// 1. A filter input gains a field the repository filter does not know (it answered a masked
//    INTERNAL_SERVER_ERROR): ListArgs refuses the input class, naming the field.
@InputType("AwardFilterWithSector")
class AwardFilterWithSector extends AwardFilter {
  sector?: string | null;
}
// @ts-expect-error -- "sector" is not a field of the repository's AwardFilter
export class _AwardListArgsWithSector extends ListArgs("Award", AwardFilterWithSector, NameOrder, "awards") {}
// ... and the input may not lack one either: AwardFilter as the leaders' filter lacks `between`.
// @ts-expect-error -- the repository's LeaderFilter has `between`, AwardFilter does not
export class _CityListArgsWithAwardFilter extends ListArgs("Leader", AwardFilter, NameOrder, "leaders") {}

// 2. The repository's spec of a type is missing (the list answered totalCount 0, no error).
declare const specs: TypeSpecs;
const { Award: _award, ...specsWithoutAward } = specs;
// @ts-expect-error -- the in-memory store must have the spec of every type
export const _missingSpec: TypeSpecs = specsWithoutAward;
// ... nor may a type's spec lack one of its filters.
const { filters: awardFilters } = specs.Award;
const { nameContains: _nameContains, ...awardFiltersWithoutName } = awardFilters;
// @ts-expect-error -- every filter of the repository's AwardFilter needs its spec
export const _missingFilter: TypeSpecs["Award"]["filters"] = awardFiltersWithoutName;

// 3. The type is missing from SearchType (it could not be chosen in `search(types:)`).
// @ts-expect-error -- search.type.ts asserts this for the real enum: without Award it does not hold
export type _SearchTypeWithoutAward = Assert<Same<Exclude<`${SearchType}`, "Award">, NodeTypename>>;

// 4. The type's entry is missing from search's fields (its text was silently not searchable).
const { Award: _awardFields, ...fieldsWithoutAward } = SEARCH_FIELDS;
// @ts-expect-error -- search must say what it reads of every type
export const _missingSearchFields: SearchFields = fieldsWithoutAward;

// 5. The GraphQL class gains a field its record lacks (found only by tests).
class AwardWithSector extends Award {
  sector!: string;
}
// @ts-expect-error -- AwardRecord has no `sector`
export type _AwardWithSector = Assert<OnlyRecordFields<AwardWithSector, AwardRecord>>;
// ... and the registry applies the same check to every entity class.
type TypesWithSector = Omit<typeof ENTITY_TYPES, "Award"> & { readonly Award: typeof AwardWithSector };
// @ts-expect-error -- the registry's check fails for a class with a field its record lacks
export type _RegistryWithSector = Assert<EntityFieldChecks<TypesWithSector>[NodeTypename]>;

// 6. The type is dropped from the collections (the seed files' keys, and GraphData's lists).
const { Award: _awards, ...collectionsWithoutAward } = COLLECTIONS;
// @ts-expect-error -- every type has its collection (COLLECTIONS is declared with this type)
export const _missingCollection: { readonly [K in NodeTypename]: string } = collectionsWithoutAward;
