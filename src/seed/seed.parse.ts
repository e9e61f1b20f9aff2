/**
 * Parse and shape check: reads each seed file as JSON, and checks each record on its own against
 * its type's DTO (class-validator's rules, compiled: seed.shape.ts), so that one bad record hides
 * nothing else. Yields every
 * record that has an id, with where it stands and, when its shape checked, its mapping.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { parseJson } from "../common/json";
import { COLLECTIONS, type NodeRecord, type NodeTypename } from "../domain/records";
import { SEED_COLLECTIONS, SEED_ENTITIES, SEED_TYPENAMES, type SeedCollection } from "./seed.entities";
import type { RecordContext, SeedDtoByType, SeedEntityTable } from "./seed.entity";
import { compileShapeCheck, SHAPE_CHECKS, type ShapeCheck } from "./seed.shape";

/** A record of a seed file. */
export interface SeedEntry {
  readonly file: string;
  /** Its JSON path in the file, e.g. `$.leaders[0]`. */
  readonly path: string;
  readonly typename: NodeTypename;
  readonly collection: SeedCollection;
  readonly id: string;
  /** The record as the file has it, for the checks that run on every record. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Its graph record, mapped from the validated DTO; null when its shape did not check. */
  readonly toRecord: ((ctx: RecordContext) => NodeRecord) | null;
}

export interface ParsedSeed {
  readonly entries: readonly SeedEntry[];
  /** The files that could not be parsed (as `displayPath` shows them). */
  readonly unparsed: readonly string[];
}

/** The table as one entity per type K, the view generic code needs (`satisfies` keeps each entry's own types). */
const ENTITIES: SeedEntityTable = SEED_ENTITIES;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Parses the seed files `names` of `seedDir`, adding every problem found to `problems`; each
 * record's shape is checked by `shapeCheck` (class-validator's rules compiled, by default).
 */
export function parseSeedFiles(
  seedDir: string,
  names: readonly string[],
  displayPath: (absolutePath: string) => string,
  problems: string[],
  shapeCheck: ShapeCheck = SHAPE_CHECKS.compiled,
): ParsedSeed {
  for (const typename of SEED_TYPENAMES) compileShapeCheck(ENTITIES[typename].dto);
  const entries: SeedEntry[] = [];
  const unparsed: string[] = [];
  for (const name of names) {
    const absolute = join(seedDir, name);
    const file = displayPath(absolute);
    let json: unknown;
    try {
      json = parseJson(readFileSync(absolute, "utf8"));
    } catch (error) {
      problems.push(`${file}: $: malformed JSON: ${(error as Error).message}`);
      unparsed.push(file);
      continue;
    }
    if (!isObject(json)) {
      problems.push(`${file}: $: a seed file must hold a JSON object whose keys are collections`);
      unparsed.push(file);
      continue;
    }
    for (const key of Object.keys(json)) {
      if (!SEED_COLLECTIONS.some(collection => collection === key)) {
        problems.push(`${file}: $.${key}: unknown collection (expected one of ${SEED_COLLECTIONS.join(", ")})`);
      }
    }
    for (const typename of SEED_TYPENAMES) {
      const collection = COLLECTIONS[typename];
      const records = json[collection];
      if (records === undefined) continue;
      if (!Array.isArray(records)) {
        problems.push(`${file}: $.${collection}: must be an array of records`);
        continue;
      }
      records.forEach((raw: unknown, index) => {
        const path = `$.${collection}[${index}]`;
        if (!isObject(raw)) {
          problems.push(`${file}: ${path}: must be an object`);
          return;
        }
        const { problems: shapeProblems, toRecord } = checkShape(typename, raw, path, shapeCheck);
        for (const problem of shapeProblems) problems.push(`${file}: ${problem}`);
        const { id } = raw;
        if (typeof id === "string" && id !== "") {
          const valid = shapeProblems.length === 0;
          entries.push({ file, path, typename, collection, id, raw, toRecord: valid ? toRecord : null });
        }
      });
    }
  }
  return { entries, unparsed };
}

/** The record as its type's DTO, checked by `check`; and its mapping, for when it checked. */
function checkShape<K extends NodeTypename>(
  typename: K,
  raw: Record<string, unknown>,
  path: string,
  check: ShapeCheck,
): { problems: string[]; toRecord: (ctx: RecordContext) => NodeRecord } {
  const entity = ENTITIES[typename];
  const { problems, value } = check(entity.dto, raw, path);
  return { problems, toRecord: ctx => entity.toRecord(value as SeedDtoByType[K], ctx) };
}
