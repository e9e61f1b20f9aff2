/**
 * The seed fixture folders (test/fixtures/seed/<case>/) and how tests load them, with file names in
 * problems relative to the fixtures folder; and the citation and claim records tests expect.
 */
import { join, relative } from "node:path";

import type { EvidenceMethod } from "../../src/domain/enums";
import type { CitationRecord, ClaimRecord, GraphData } from "../../src/domain/records";
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
