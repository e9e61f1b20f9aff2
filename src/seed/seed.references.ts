/**
 * The checks across records, once every file is parsed: ids unique across files, each reference
 * resolving to a record of a type its field allows, and the few rules a record's own fields must
 * keep (a country's id ends in its code; a route ends elsewhere than it starts; a meeting does not
 * continue itself). They run on every record with an id, whether or not its shape checked.
 */
import type { NodeTypename } from "../domain/records";
import { SEED_ENTITIES } from "./seed.entities";
import type { SeedEntry } from "./seed.parse";

/**
 * Checks the records across files, adding every problem found to `problems`, and returns the
 * records by id (the first, where an id is duplicated).
 */
export function checkReferences(
  entries: readonly SeedEntry[],
  unparsed: readonly string[],
  problems: string[],
): ReadonlyMap<string, SeedEntry> {
  const byId = uniqueIds(entries, problems);
  resolveReferences(entries, byId, unparsed, problems);
  for (const entry of entries) problems.push(...ownFieldProblems(entry));
  return byId;
}

function uniqueIds(entries: readonly SeedEntry[], problems: string[]): Map<string, SeedEntry> {
  const byId = new Map<string, SeedEntry>();
  for (const entry of entries) {
    const first = byId.get(entry.id);
    if (first) {
      problems.push(
        `${entry.file}: ${entry.path}.id: duplicate id "${entry.id}" (first defined in ${first.file} at ${first.path})`,
      );
    } else {
      byId.set(entry.id, entry);
    }
  }
  return byId;
}

/**
 * Each id a reference field holds must point at a record of an allowed type. Values of the wrong
 * JSON type were reported as shape problems. When a file could not be parsed, ids it may define are
 * unknown, so unresolved references are summarised instead of listed one by one.
 */
function resolveReferences(
  entries: readonly SeedEntry[],
  byId: ReadonlyMap<string, SeedEntry>,
  unparsed: readonly string[],
  problems: string[],
): void {
  let unresolved = 0;
  for (const entry of entries) {
    const references: Readonly<Record<string, readonly NodeTypename[]>> = SEED_ENTITIES[entry.typename].references;
    for (const [field, allowed] of Object.entries(references)) {
      const value = entry.raw[field];
      const targets: Array<[string, unknown]> = Array.isArray(value)
        ? value.map((v: unknown, i) => [`${entry.path}.${field}[${i}]`, v])
        : [[`${entry.path}.${field}`, value]];
      for (const [path, target] of targets) {
        if (typeof target !== "string" || target === "") continue;
        const found = byId.get(target);
        if (!found) {
          if (unparsed.length > 0) unresolved++;
          else problems.push(`${entry.file}: ${path}: references unknown id "${target}"`);
        } else if (!allowed.includes(found.typename)) {
          problems.push(`${entry.file}: ${path}: "${target}" is a ${found.typename}, expected ${allowed.join(" or ")}`);
        }
      }
    }
  }
  if (unresolved > 0) {
    problems.push(
      `${unparsed.join(", ")}: ${unresolved} reference${unresolved === 1 ? "" : "s"} in other files could not be checked until this file parses`,
    );
  }
}

/** The problems of a record's fields with each other. */
function ownFieldProblems({ file, path, typename, id, raw }: SeedEntry): string[] {
  if (typename === "Country" && id !== `country:${String(raw.code)}`) {
    return [`${file}: ${path}.code: "${String(raw.code)}" does not match id "${id}"`];
  }
  if (typename === "FlightRoute" && raw.origin === raw.destination) {
    return [`${file}: ${path}.destination: a route cannot end where it starts`];
  }
  if (typename === "Meeting" && raw.continues === id) {
    return [`${file}: ${path}.continues: a meeting cannot continue itself`];
  }
  return [];
}
