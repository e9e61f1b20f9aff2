/**
 * Seed loader: reads every `*.json` file of a seed folder, validates each record's shape against
 * its DTO's class-validator rules (compiled once per DTO: seed.shape.ts), merges the files into one graph, then checks what shapes cannot: ids unique
 * across files, references that resolve to a record of the right type, quotes that equal the
 * source text at their offsets. Every problem is collected; if there is any, loading fails with
 * one `SeedValidationError` listing them all as `file: $.json.path: problem`.
 *
 * The steps live in their own modules: seed.parse.ts (files, JSON, shapes), seed.references.ts
 * (ids and references), seed.citations.ts (source texts and quotes) and seed.mapping.ts (graph
 * records, by the per-type declarations of seed.entities.ts).
 */
import { readdirSync } from "node:fs";

import type { GraphData } from "../domain/records";
import { citationChecker, readSourceTexts } from "./seed.citations";
import { buildGraph } from "./seed.mapping";
import { parseSeedFiles } from "./seed.parse";
import { checkReferences } from "./seed.references";

export class SeedValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The seed data is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map(p => `  - ${p}`).join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

export interface LoadOptions {
  /** Folder holding the seed `*.json` files; source text paths are relative to it. */
  readonly seedDir: string;
  /** How file names appear in messages; defaults to their absolute paths. */
  readonly displayPath?: (absolutePath: string) => string;
}

export function loadSeed({ seedDir, displayPath = p => p }: LoadOptions): GraphData {
  const problems: string[] = [];
  const { entries, unparsed } = parseSeedFiles(seedDir, seedFiles(seedDir, displayPath), displayPath, problems);
  const byId = checkReferences(entries, unparsed, problems);
  const texts = readSourceTexts(seedDir, entries, problems);
  const data = buildGraph(entries, citationChecker(texts, byId, unparsed, problems), texts, byId, problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return data;
}

/** The names of the seed files of the folder, sorted; none, or an unreadable folder, fails the load. */
function seedFiles(seedDir: string, displayPath: (absolutePath: string) => string): string[] {
  let files: string[];
  try {
    files = readdirSync(seedDir, { withFileTypes: true })
      .filter(entry => entry.name.endsWith(".json") && !entry.isDirectory())
      .map(entry => entry.name)
      .sort();
  } catch (error) {
    throw new SeedValidationError([
      `${displayPath(seedDir)}: cannot read the seed folder (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    ]);
  }
  if (files.length === 0) throw new SeedValidationError([`${displayPath(seedDir)}: no *.json seed file found`]);
  return files;
}
