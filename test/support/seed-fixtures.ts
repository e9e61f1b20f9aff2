/**
 * The seed fixture folders (test/fixtures/seed/<case>/) and how tests load them, with file names in
 * problems relative to the fixtures folder; the citation and claim records tests expect; and the
 * loaded graph with its evidence read as claims.
 */
import { join, relative } from "node:path";

import type { EvidenceMethod } from "../../src/domain/enums";
import { type ClaimRecord, claimsOf } from "../../src/domain/evidence";
import { FACT_FIELDS, SESSION_FACT_FIELDS } from "../../src/domain/facts";
import type {
  CitationRecord,
  Evidenced,
  GraphData,
  MeetingFormatRecord,
  MeetingRecord,
  NodeRecord,
} from "../../src/domain/records";
import { loadSeed, SeedValidationError } from "../../src/seed/seed.loader";

export const FIXTURES_DIR = join(__dirname, "..", "fixtures", "seed");

/** Loads a seed folder, naming files in problems relative to the fixtures folder. */
export function load(seedDir: string): GraphData {
  return loadSeed({ seedDir, displayPath: p => relative(FIXTURES_DIR, p) });
}

export function loadFixture(name: string): GraphData {
  return load(join(FIXTURES_DIR, name));
}

/** Loads a fixture that must fail, and returns the error it fails with. */
export function failureOf(name: string): SeedValidationError {
  try {
    loadFixture(name);
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error(`the fixture ${name} loaded without error`);
}

/** The citation of `quote` at code point `start`, in `sentence` (the quote itself when not given). */
export const cite = (sourceId: string, start: number, quote: string, sentence = quote): CitationRecord => ({
  sourceId,
  start,
  end: start + Array.from(quote).length,
  quote,
  sentence,
});

/** The claim about `field`, backed by `citations`. */
export const claim = (
  field: string,
  method: EvidenceMethod,
  basis: string | null,
  ...citations: CitationRecord[]
): ClaimRecord => ({ field, method, basis, citations });

/** A record with its evidence as clients see it: claims (`evidence`) instead of the compact masks and bases. */
type Claimed<R extends Evidenced> = Omit<R, "supports" | "inferred"> & { readonly evidence: ClaimRecord[] };
type ClaimedRecord<R extends Evidenced> = R extends MeetingRecord
  ? Omit<Claimed<R>, "formats"> & { readonly formats: ReadonlyArray<Claimed<MeetingFormatRecord>> }
  : Claimed<R>;
export type ClaimedData = { readonly [C in keyof GraphData]: ReadonlyArray<ClaimedRecord<GraphData[C][number]>> };

function claimed<R extends Evidenced>(record: R, facts: readonly string[]): Claimed<R> {
  const { supports: _supports, inferred: _inferred, ...rest } = record;
  return { ...rest, evidence: claimsOf(record, facts) };
}

/**
 * The loaded graph with each record's (and meeting format's) evidence read as claims
 * (src/domain/evidence.ts), so that tests assert claims, whose citations are the record's own objects.
 */
export function withClaims(data: GraphData): ClaimedData {
  const out: Record<string, unknown[]> = {};
  for (const [collection, records] of Object.entries(data) as Array<[string, readonly NodeRecord[]]>) {
    out[collection] = records.map(record =>
      record.__typename === "Meeting"
        ? {
            ...claimed(record, FACT_FIELDS.Meeting),
            formats: record.formats.map(format => claimed(format, SESSION_FACT_FIELDS)),
          }
        : claimed(record, FACT_FIELDS[record.__typename]),
    );
  }
  return out as unknown as ClaimedData;
}
