/**
 * The checks across records, once every file is parsed: ids unique across files, each reference
 * resolving to a record of a type its field allows, and the few rules a record's own fields must
 * keep (a country's id ends in its code; a route ends elsewhere than it starts; a meeting does not
 * continue itself). They run on every record with an id, whether or not its shape checked.
 */
import type { NodeTypename } from "../domain/records";
import { SEED_ENTITIES, SESSION_REFERENCES } from "./seed.entities";
import { isObject, type SeedEntry } from "./seed.parse";

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
  /**
   * The record `target` points at, when it is one of the `allowed` types; otherwise reported. It is
   * the `index`th id of `field` of the record at `at` (−1: the field holds one id). Called for every
   * reference of the seed: the path is spelt only for a problem.
   */
  const resolve: Resolve = (file, at, field, index, target, allowed) => {
    if (typeof target !== "string" || target === "") return undefined;
    const found = byId.get(target);
    if (!found) {
      if (unparsed.length > 0) unresolved++;
      else problems.push(`${file}: ${referencePath(at, field, index)}: references unknown id "${target}"`);
      return undefined;
    }
    if (!allowed.includes(found.typename)) {
      problems.push(
        `${file}: ${referencePath(at, field, index)}: "${target}" is a ${found.typename}, expected ${allowed.join(" or ")}`,
      );
      return undefined;
    }
    return found;
  };
  for (const entry of entries) {
    const references: Readonly<Record<string, readonly NodeTypename[]>> = SEED_ENTITIES[entry.typename].references;
    for (const field in references) {
      const allowed = references[field] as readonly NodeTypename[];
      const value = entry.raw[field];
      if (!Array.isArray(value)) resolve(entry.file, entry.path, field, -1, value, allowed);
      else for (let i = 0; i < value.length; i++) resolve(entry.file, entry.path, field, i, value[i], allowed);
    }
    if (entry.typename === "Meeting" && Array.isArray(entry.raw.formats)) checkSessions(entry, resolve, problems);
  }
  if (unresolved > 0) {
    problems.push(
      `${unparsed.join(", ")}: ${unresolved} reference${unresolved === 1 ? "" : "s"} in other files could not be checked until this file parses`,
    );
  }
}

type Resolve = (
  file: string,
  at: string,
  field: string,
  index: number,
  target: unknown,
  allowed: readonly NodeTypename[],
) => SeedEntry | undefined;

/** The JSON path of the `index`th id of `field` of the record at `at` (−1: the field holds one id). */
const referencePath = (at: string, field: string, index: number): string =>
  index < 0 ? `${at}.${field}` : `${at}.${field}[${index}]`;

/**
 * The references of a meeting's formats: each to a record of its type, a leader among the meeting's
 * participants, anything else of the same meeting.
 */
function checkSessions(meeting: SeedEntry, resolve: Resolve, problems: string[]): void {
  const participants = Array.isArray(meeting.raw.participants) ? meeting.raw.participants : [];
  (meeting.raw.formats as unknown[]).forEach((format, i) => {
    if (!isObject(format)) return;
    const at = `${meeting.path}.formats[${i}]`;
    for (const [field, type] of Object.entries(SESSION_REFERENCES)) {
      const value = format[field];
      const targets: readonly unknown[] = Array.isArray(value) ? value : [value];
      targets.forEach((target, j) => {
        const index = Array.isArray(value) ? j : -1;
        const found = resolve(meeting.file, at, field, index, target, [type]);
        if (!found) return;
        if (type === "Leader" && !participants.includes(found.id)) {
          problems.push(
            `${meeting.file}: ${referencePath(at, field, index)}: "${found.id}" is not one of the meeting's participants`,
          );
        } else if (type !== "Leader" && found.raw.meeting !== meeting.id) {
          problems.push(
            `${meeting.file}: ${referencePath(at, field, index)}: "${found.id}" is of meeting ${JSON.stringify(found.raw.meeting)}, not of "${meeting.id}"`,
          );
        }
      });
    }
  });
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
