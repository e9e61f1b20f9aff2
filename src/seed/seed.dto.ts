/**
 * The seed file format: one JSON object per file, each top-level key a collection, a list of
 * records. class-validator checks each record's shape against its DTO (seed.dto.common.ts,
 * seed.dto.entities.ts, seed.dto.relations.ts); the loader then checks what a shape cannot (ids
 * unique across files, references resolve, quotes equal the source text at their offsets).
 *
 * References are ids of other records (`"country": "country:KZ"`), never nested objects,
 * so that several files merge into one graph. The collections, and the DTO of each, are declared
 * once per record type in seed.entities.ts; this module names them for scripts and tests.
 */
export { SEED_COLLECTIONS } from "./seed.entities";
