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
  /** The record `target` at `path` points at, when it is one of the `allowed` types; otherwise reported. */
  const resolve = (file: string, path: string, target: unknown, allowed: readonly NodeTypename[]) => {
    if (typeof target !== "string" || target === "") return undefined;
    const found = byId.get(target);
    if (!found) {
      if (unparsed.length > 0) unresolved++;
      else problems.push(`${file}: ${path}: references unknown id "${target}"`);
      return undefined;
    }
    if (!allowed.includes(found.typename)) {
      problems.push(`${file}: ${path}: "${target}" is a ${found.typename}, expected ${allowed.join(" or ")}`);
      return undefined;
    }
    return found;
  };
  for (const entry of entries) {
    const references: Readonly<Record<string, readonly NodeTypename[]>> = SEED_ENTITIES[entry.typename].references;
    for (const [field, allowed] of Object.entries(references)) {
      for (const [path, target] of targetsOf(entry.raw, entry.path, field)) resolve(entry.file, path, target, allowed);
    }
    if (entry.typename === "Meeting" && Array.isArray(entry.raw.formats)) {
      checkSessions(entry, (path, target, allowed) => resolve(entry.file, path, target, allowed), problems);
    }
  }
  if (unresolved > 0) {
    problems.push(
      `${unparsed.join(", ")}: ${unresolved} reference${unresolved === 1 ? "" : "s"} in other files could not be checked until this file parses`,
    );
  }
}

/** The ids a reference field of `raw` holds, each with its JSON path. */
function targetsOf(raw: Readonly<Record<string, unknown>>, at: string, field: string): Array<[string, unknown]> {
  const value = raw[field];
  return Array.isArray(value)
    ? value.map((v: unknown, i): [string, unknown] => [`${at}.${field}[${i}]`, v])
    : [[`${at}.${field}`, value]];
}

/**
 * The references of a meeting's formats: each to a record of its type, a leader among the meeting's
 * participants, anything else of the same meeting.
 */
function checkSessions(
  meeting: SeedEntry,
  resolve: (path: string, target: unknown, allowed: readonly NodeTypename[]) => SeedEntry | undefined,
  problems: string[],
): void {
  const participants = Array.isArray(meeting.raw.participants) ? meeting.raw.participants : [];
  (meeting.raw.formats as unknown[]).forEach((format, i) => {
    if (!isObject(format)) return;
    for (const [field, type] of Object.entries(SESSION_REFERENCES)) {
      for (const [path, target] of targetsOf(format, `${meeting.path}.formats[${i}]`, field)) {
        const found = resolve(path, target, [type]);
        if (!found) continue;
        if (type === "Leader" && !participants.includes(found.id)) {
          problems.push(`${meeting.file}: ${path}: "${found.id}" is not one of the meeting's participants`);
        } else if (type !== "Leader" && found.raw.meeting !== meeting.id) {
          problems.push(
            `${meeting.file}: ${path}: "${found.id}" is of meeting ${JSON.stringify(found.raw.meeting)}, not of "${meeting.id}"`,
          );
        }
      }
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
