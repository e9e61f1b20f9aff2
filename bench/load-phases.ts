/**
 * Where a cold seed load spends its time, step by step: `tsc -p . && node dist/bench/load-phases.js`.
 *
 * For each generated scale (env BENCH_SCALES, default 100,1000; the folders `npm run bench:scale`
 * writes and keeps), and for each shape check (env LOAD_SHAPE_CHECKS, default
 * `class-validator,compiled`), interleaved over LOAD_ROUNDS (3) rounds, times the loader's steps as
 * `loadSeed` runs them: reading + `JSON.parse` of the files (alone, for reference), parse + shape
 * check (`parseSeedFiles`), references, source texts, citations + record mapping (`buildGraph`), and
 * the repository's indexes (`new InMemoryRepository`). Prints the median of each step in ms.
 */
import "reflect-metadata";

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { InMemoryRepository } from "../src/repository/in-memory.repository";
import { citationChecker, readSourceTexts } from "../src/seed/seed.citations";
import { buildGraph } from "../src/seed/seed.mapping";
import { parseSeedFiles } from "../src/seed/seed.parse";
import { checkReferences } from "../src/seed/seed.references";
import { SHAPE_CHECKS, type ShapeCheckName } from "../src/seed/seed.shape";
import { GENERATOR_VERSION, type GenerateResult } from "./generate";

/** The folder `npm run bench:scale` generated for `scale` (its default seed), and its record count. */
function scaleSeed(scale: number): { dir: string; records: number } {
  const dir = join(tmpdir(), "bilateral-graph-bench", `scale-${scale}-v${GENERATOR_VERSION}-s20250827`);
  if (!existsSync(`${dir}.manifest`)) throw new Error(`${dir}: missing; run BENCH_SCALES=${scale} npm run bench:scale`);
  const { records } = JSON.parse(readFileSync(`${dir}.manifest`, "utf8")) as GenerateResult;
  return { dir, records };
}

const STEPS = [
  "JSON.parse",
  "parse + shape",
  "shape (parse + shape − JSON.parse)",
  "references",
  "source texts",
  "citations + records",
  "indexes",
  "load + indexes",
] as const;
type Step = (typeof STEPS)[number];

function timeLoad(dir: string, check: ShapeCheckName): Record<Step, number> {
  const names = readdirSync(dir)
    .filter(name => name.endsWith(".json"))
    .sort();
  let t = performance.now();
  for (const name of names) JSON.parse(readFileSync(join(dir, name), "utf8"));
  const jsonParse = performance.now() - t;
  const problems: string[] = [];
  const times: Partial<Record<Step, number>> = { "JSON.parse": jsonParse };
  const step = <T>(name: Step, run: () => T): T => {
    t = performance.now();
    const result = run();
    times[name] = performance.now() - t;
    return result;
  };
  const { entries, unparsed } = step("parse + shape", () =>
    parseSeedFiles(dir, names, p => p, problems, SHAPE_CHECKS[check]),
  );
  const byId = step("references", () => checkReferences(entries, unparsed, problems));
  const texts = step("source texts", () => readSourceTexts(dir, entries, problems));
  const data = step("citations + records", () =>
    buildGraph(entries, citationChecker(texts, byId, unparsed, problems), texts, byId, problems),
  );
  step("indexes", () => new InMemoryRepository(data));
  if (problems.length > 0) throw new Error(`${dir}: ${problems.length} problems, first: ${problems[0]}`);
  times["shape (parse + shape − JSON.parse)"] = (times["parse + shape"] ?? 0) - jsonParse;
  times["load + indexes"] = STEPS.slice(1, 7)
    .filter(s => !s.startsWith("shape"))
    .reduce((sum, s) => sum + (times[s] ?? 0), 0);
  return times as Record<Step, number>;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

function main(): void {
  const scales = (process.env.BENCH_SCALES ?? "100,1000").split(",").map(s => Number(s.trim()));
  const checks = (process.env.LOAD_SHAPE_CHECKS ?? "class-validator,compiled").split(",") as ShapeCheckName[];
  const rounds = Number(process.env.LOAD_ROUNDS ?? 3);
  for (const scale of scales) {
    const { dir, records } = scaleSeed(scale);
    const runs = new Map<ShapeCheckName, Record<Step, number>[]>(checks.map(c => [c, []]));
    for (let round = 0; round < rounds; round++) {
      for (const check of checks) runs.get(check)?.push(timeLoad(dir, check));
    }
    console.log(`\n×${scale} (${records} records), median of ${rounds} rounds, ms`);
    console.log(`| step | ${checks.join(" | ")} |\n|---|${checks.map(() => "---:").join("|")}|`);
    for (const s of STEPS) {
      const cells = checks.map(c => median((runs.get(c) ?? []).map(r => r[s])).toFixed(0));
      console.log(`| ${s} | ${cells.join(" | ")} |`);
    }
  }
}

main();
