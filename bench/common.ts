/**
 * Helpers shared by the benchmarks: statistics, environment settings, machine description and
 * load, markdown output, a JSON POST, and the GraphQL context of a request run in-process.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

import { createContext, type GraphContext } from "../src/graphql/base/context";
import type { GraphRepository } from "../src/repository/repository";

/** The checkout's root (this file runs from dist/bench/). */
export const ROOT = join(__dirname, "..", "..");

/** A sorted copy, in ascending order. */
export const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const ascending = sorted(values);
  const mid = ascending.length >> 1;
  return ascending.length % 2 === 1
    ? (ascending[mid] as number)
    : ((ascending[mid - 1] as number) + (ascending[mid] as number)) / 2;
}

/** Nearest-rank percentile of an already sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** A number from the environment: positive, or from `range.min` to `range.max` when a range is given. */
export function envNumber(name: string, fallback: number, range?: { min: number; max: number }): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (range) {
    if (Number.isFinite(value) && value >= range.min && value <= range.max) return value;
    throw new Error(`${name} must be a number from ${range.min} to ${range.max}, got "${raw}"`);
  }
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** A comma-separated list from the environment (e.g. BENCH_QUERIES=flat,nested), or null when unset. */
export const envList = (name: string): string[] | null => process.env[name]?.split(",").map(s => s.trim()) ?? null;

export const sleep = (ms: number): Promise<void> => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Bytes in MiB. */
export const mb = (bytes: number): number => bytes / 2 ** 20;

/** POSTs a JSON body to `url`; answers the status and the response's text. */
export async function postJson(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, text: await response.text() };
}

/** The context of a request run outside the service's HTTP layer, over `repository`. */
export const benchContext = (repository: GraphRepository, id = "bench"): GraphContext =>
  createContext(repository, { id, operationName: null, internalError: false });

export function machine(): { cpu: string; cores: number; memoryGb: number; node: string; date: string } {
  let cpu = cpus()[0]?.model ?? "unknown CPU";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find(l => l.startsWith("model name"));
    if (line) cpu = line.split(":")[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A markdown table (prettier aligns it when the file is written). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(c => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Formats markdown with the project's prettier settings, so `npm run format:check` accepts the file. */
export async function prettyMarkdown(markdown: string, filepath: string): Promise<string> {
  try {
    const prettier = await import("prettier");
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    return await prettier.format(markdown, { ...options, filepath, parser: "markdown" });
  } catch {
    return markdown;
  }
}

/** Clock ticks per second of /proc times. */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time of this process's children that have exited and been waited for (the service's loader
 * process among them), in seconds: /proc/self/stat's cutime and cstime. 0 where there is no /proc.
 */
export function exitedChildrenCpu(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command (in parentheses, which may hold spaces): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Busy time per CPU (user, nice, system, steal; not idle, iowait, irq, softirq), in seconds. */
export function busyPerCpu(): number[] {
  try {
    return readFileSync("/proc/stat", "utf8")
      .split("\n")
      .filter(line => /^cpu\d+ /.test(line))
      .map(line => {
        const f = line.split(/\s+/).slice(1).map(Number);
        return ((f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[7] ?? 0)) / CLK_TCK;
      });
  } catch {
    return [];
  }
}

/** CPU used by the whole machine minus `ownSeconds`, over `elapsed` seconds, as a share of one core. */
export function othersShare(
  before: readonly number[],
  after: readonly number[],
  ownSeconds: number,
  elapsed: number,
): number {
  if (before.length === 0 || after.length !== before.length) return NaN;
  const total = after.reduce((sum, v, i) => sum + v - (before[i] as number), 0);
  return Math.max(0, total - ownSeconds) / elapsed;
}

/**
 * Waits (up to `maxSeconds`) until other processes use at most `threshold` of a core over a 1 s
 * sample; returns the last share seen. Call it when this process and its children are idle.
 */
export async function waitForQuiet(
  threshold: number,
  maxSeconds: number,
  log?: (message: string) => void,
): Promise<number> {
  const started = Date.now();
  let warned = false;
  for (;;) {
    const before = busyPerCpu();
    const own = process.cpuUsage();
    await sleep(1000);
    const used = process.cpuUsage(own);
    const share = othersShare(before, busyPerCpu(), (used.user + used.system) / 1e6, 1);
    if (!(share > threshold) || Date.now() - started > maxSeconds * 1000) return share;
    if (!warned) {
      log?.(`waiting for other processes to quiet down (${fmt(share * 100)} % of a core busy)`);
      warned = true;
    }
  }
}

/**
 * A short digest of the compiled service (`dist/src/**\/*.js`), to tell which version of the code a
 * report measured, and whether it changed while the benchmark ran.
 */
export function serviceDigest(): string {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  try {
    walk(join(ROOT, "dist", "src"));
  } catch {
    return "unknown";
  }
  return hash.digest("hex").slice(0, 12);
}
