/**
 * Record mapping: each record whose shape checked becomes its graph record, by its type's
 * `toRecord` (seed.entities.ts), with the evidence of its fact fields (seed.evidence.ts), frozen
 * into the loader's `GraphData`.
 */
import { FACT_FIELDS } from "../domain/facts";
import type { GraphData, NodeRecord } from "../domain/records";
import type { CitationsOf, SourceText } from "./seed.citations";
import { SEED_COLLECTIONS, type SeedCollection } from "./seed.entities";
import { evidenceOf, SharedValues } from "./seed.evidence";
import type { SeedEntry } from "./seed.parse";

/**
 * The graph: each record whose shape checked mapped to its frozen graph record. The citations of
 * the records whose shape did not are still checked, so that every problem shows in one run.
 * Evidence problems are added to `problems`; `byId` (the records by id) tells each citation's source kind.
 */
export function buildGraph(
  entries: readonly SeedEntry[],
  citationsOf: CitationsOf,
  texts: ReadonlyMap<string, SourceText>,
  byId: ReadonlyMap<string, SeedEntry>,
  problems: string[],
): GraphData {
  const shared = new SharedValues();
  const kindOf = (sourceId: string): string | undefined => {
    const source = byId.get(sourceId);
    const kind = source?.typename === "Source" ? source.raw.kind : undefined;
    return typeof kind === "string" ? kind : undefined;
  };
  const data = Object.fromEntries(SEED_COLLECTIONS.map(c => [c, [] as NodeRecord[]])) as Record<
    SeedCollection,
    NodeRecord[]
  >;
  for (const entry of entries) {
    if (!entry.toRecord) {
      if (Array.isArray(entry.raw.citations)) citationsOf(entry, entry.path, entry.raw.citations);
      continue;
    }
    const record = entry.toRecord({
      evidenced: (seed, at = "", facts = FACT_FIELDS[entry.typename]) => {
        const path = `${entry.path}${at}`;
        const citations = citationsOf(entry, path, seed.citations);
        const site = { at: `${entry.file}: ${path}`, typename: at ? `${entry.typename}${at}` : entry.typename };
        return evidenceOf(seed, citations, facts, site, kindOf, problems, shared);
      },
      sourceText: id => texts.get(id)?.text ?? "",
    });
    data[entry.collection].push(deepFreeze(record));
  }
  return Object.freeze(data) as unknown as GraphData;
}

/** Freezes `value` and everything it holds, without an array of values per object (once per record and part of one). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown);
    else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
