/**
 * Type-level tests of the seed entity table (src/seed/seed.entities.ts). Each `@ts-expect-error`
 * marks code that must not compile: a table missing a record type, a `toRecord` reading a field its
 * DTO lacks, a `toRecord` returning a graph record with a field missing, a reference naming a field
 * the DTO lacks or one that cannot hold ids. Should a guarantee vanish, the directive would go
 * unused, which is itself a compile error. Jest does not run this file (no `.test.` in its name);
 * `npm test` runs `tsc -p .` first, and that checks it.
 */
import { SEED_ENTITIES } from "../../src/seed/seed.entities";
import { cited, named, type SeedEntity, type SeedEntityTable } from "../../src/seed/seed.entity";

const { Statement: _statement, ...withoutStatement } = SEED_ENTITIES;
// @ts-expect-error -- the table must declare every record type, and Statement is missing
const _missingType: SeedEntityTable = withoutStatement;

const city = SEED_ENTITIES.City;

const _readsAbsentField: SeedEntity<"City"> = {
  ...city,
  // @ts-expect-error -- SeedCity has `country`, not `countryId` (String() only keeps lint quiet about the unknown)
  toRecord: (dto, ctx) => ({ __typename: "City", ...cited(dto, ctx), ...named(dto), countryId: String(dto.countryId) }),
};

const _missingRecordField: SeedEntity<"City"> = {
  ...city,
  // @ts-expect-error -- a CityRecord needs `countryId`
  toRecord: (dto, ctx) => ({ __typename: "City", ...cited(dto, ctx), ...named(dto) }),
};

const _absentReference: SeedEntity<"City"> = {
  ...city,
  // @ts-expect-error -- SeedCity has no `nation` field to reference from
  references: { nation: ["Country"] },
};

const _citationsAsReference: SeedEntity<"City"> = {
  ...city,
  // @ts-expect-error -- `citations` holds citations, not ids
  references: { citations: ["Source"] },
};
