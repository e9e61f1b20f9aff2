/**
 * Soak test: the real service (production mode, real seed, logging to /dev/null) in this process on
 * 127.0.0.1, loaded for SOAK_SECONDS (default 60, at most 110; a watchdog ends the process before 2
 * minutes) by autocannon in a child process (loopback only), so the load generator shares neither
 * the service's event loop nor its memory: the RSS measured is the service's. Every connection cycles through the same mix of valid operations (named, with
 * variables) and hostile requests; every response is checked:
 *
 * - valid: 200 and exactly the body the service gave before the load (so no `errors`);
 * - hostile: the expected 4xx status, and every error carrying the expected `extensions.code`.
 *
 * Memory is sampled every SOAK_SAMPLE_MS (default 2000): the process RSS, and the service's heap
 * (the main thread's isolate; after a full GC when run with --expose-gc, so it is the live heap).
 *
 * Exits non-zero when a valid request failed, any 5xx or connection error or timeout happened, a
 * hostile request got another answer than expected, or memory kept growing. "Kept growing": the
 * first quarter of the run (at least 5 s) is warm-up and is ignored; the remaining samples are cut
 * into thirds, and memory kept growing when the medians rise third after third AND the last third's
 * median is more than SOAK_RSS_GROWTH_MB (default 32 MB) above the first third's (the same test on
 * the live heap, with SOAK_HEAP_GROWTH_MB, default 16 MB, when GC is exposed). Medians of thirds
 * ignore single GC sawtooth spikes; the threshold ignores the slow settling of V8 pools and caches
 * after warm-up; a leak of any consequence over a minute is larger than both.
 *
 * Run: `npm run soak` (tsc, then `node --expose-gc dist/bench/soak.js`); SOAK_SECONDS=30 for a
 * shorter run, SOAK_CONNECTIONS (default 8) for more or fewer concurrent connections.
 */
import { fork } from "node:child_process";

import type autocannon from "autocannon";

import type { Limits } from "../src/config/config";

/** What one class of request must get back. */
interface Expectation {
  readonly status: number;
  /** Valid requests: the exact body. */
  readonly body?: string;
  /** Hostile requests: the code every error must carry. */
  readonly code?: string;
}

interface RequestClass {
  readonly name: string;
  readonly valid: boolean;
  readonly body: string;
  readonly contentType?: string;
  readonly expect: Expectation;
}

interface ClassReport {
  readonly name: string;
  readonly valid: boolean;
  responses: number;
  wrong: number;
  serverErrors: number;
  readonly statuses: Record<string, number>;
  readonly examples: string[];
  readonly latencies: number[];
}

/** A class's report as the load process sends it: latencies summarised. */
type ClassSummary = Omit<ClassReport, "latencies"> & { readonly p50: number; readonly p99: number };

interface LoadReport {
  readonly classes: ClassSummary[];
  readonly total: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationS: number;
  readonly rps: number;
  readonly latency: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly status: Record<string, number>;
}

interface LoadInput {
  readonly url: string;
  readonly seconds: number;
  readonly connections: number;
  readonly classes: RequestClass[];
}

const MB = 1024 * 1024;

function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The request mix
// ---------------------------------------------------------------------------------------------

const op = (query: string, variables?: Record<string, unknown>, operationName?: string): string =>
  JSON.stringify({ query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) });

const VALID: ReadonlyArray<{ name: string; body: string }> = [
  {
    name: "LeadersOfJordan",
    body: op(
      `query LeadersOfJordan($code: CountryCode!) {
        country(code: $code) { name capital { name } leaders { totalCount nodes { name title } } }
      }`,
      { code: "JO" },
    ),
  },
  {
    name: "Find",
    body: op(
      `query Find($text: String!, $first: Int) {
        search(text: $text, first: $first) {
          totalCount
          edges { score matchedField node { __typename ... on Company { name country { code } } } }
        }
      }`,
      { text: "jumco", first: 5 },
    ),
  },
  {
    name: "WhoSaysSo",
    body: op(
      `query WhoSaysSo($id: ID!) {
        commitment(id: $id) {
          title
          citations { quote start end sentence source { title publishedOn reportedBy } }
        }
      }`,
      { id: "commitment:trade-turnover-500m" },
    ),
  },
  {
    name: "KazakhstanJordan",
    body: op(
      `query KazakhstanJordan($countries: [CountryCode!]!) {
        bilateralRelations(countries: $countries) {
          latestMeeting { title date city { name } formats { format description } }
          commitments { nodes { title value { amount currency formatted } citations { quote } } }
          positions(filter: { stance: PROPOSED }) {
            nodes { actor { __typename ... on Country { name } } area { name } }
          }
          flightRoutes { nodes { operator { name } origin { name } destination { name } plannedYear } }
        }
      }`,
      { countries: ["KZ", "JO"] },
    ),
  },
  {
    name: "AreasPage",
    body: op(
      `query AreasPage($first: Int, $after: String) {
        cooperationAreas(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id name } }
        }
      }`,
      { first: 5, after: "YXJyYXljb25uZWN0aW9uOjQ=" },
    ),
  },
  {
    name: "NodesById",
    body: op(
      `query NodesById($ids: [ID!]!) {
        nodes(ids: $ids) { id __typename ... on Leader { name country { name } } ... on Country { name } }
      }`,
      { ids: ["leader:abdullah-ii", "country:KZ", "area:nuclear", "nope:nothing"] },
    ),
  },
];

function nested(levels: number): string {
  const path = ['country(code: "KZ")'];
  while (path.length < levels - 1) path.push(path.length % 2 === 1 ? "capital" : "country");
  return `query Deep { ${path.join(" { ")} { name }${" }".repeat(path.length)}`;
}

/** The hostile requests, each just over the service's configured limits. */
const hostile = (limits: Limits, maxBodyBytes: number): ReadonlyArray<Omit<RequestClass, "valid">> => [
  {
    name: "over-depth",
    body: op(nested(limits.maxDepth + 1)),
    expect: { status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  },
  {
    name: "over-cost",
    body: op(
      "query Costly { countries(first: 100) { nodes { leaders(first: 100) { nodes { awardsReceived(first: 100) { totalCount } } } } } }",
    ),
    expect: { status: 400, code: "COST_LIMIT_EXCEEDED" },
  },
  {
    name: "malformed-json",
    body: '{"query": "{ countries { totalCount } }"',
    expect: { status: 400, code: "BAD_REQUEST" },
  },
  {
    name: "huge-body",
    body: JSON.stringify({ query: "query Q { __typename }", variables: { pad: "x".repeat(maxBodyBytes + 50_000) } }),
    expect: { status: 413, code: "PAYLOAD_TOO_LARGE" },
  },
  {
    name: "bad-args",
    body: op("query Areas($first: Int) { cooperationAreas(first: $first) { totalCount } }", { first: 101 }),
    expect: { status: 400, code: "BAD_USER_INPUT" },
  },
  {
    name: "wrong-variable-type",
    body: op("query C($code: CountryCode!) { country(code: $code) { name } }", { code: 5 }),
    expect: { status: 400, code: "BAD_USER_INPUT" },
  },
  {
    name: "alias-flood",
    body: op(
      `query Names { ${Array.from({ length: limits.maxAliases + 1 }, (_, i) => `t${i}: __typename`).join(" ")} }`,
    ),
    expect: { status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  },
  {
    name: "token-flood",
    body: op(`query Tokens { ${"__typename ".repeat(limits.maxTokens)}}`),
    expect: { status: 400, code: "GRAPHQL_PARSE_FAILED" },
  },
  {
    name: "csrf-text-plain",
    body: op("query Count { countries { totalCount } }"),
    contentType: "text/plain",
    expect: { status: 400, code: "BAD_REQUEST" },
  },
];

/** Two valid requests, then one hostile, until every hostile request is in; valid ones cycle. */
function sequence(classes: readonly RequestClass[]): RequestClass[] {
  const valid = classes.filter(c => c.valid);
  const hostile = classes.filter(c => !c.valid);
  const out: RequestClass[] = [];
  let v = 0;
  for (const h of hostile) {
    out.push(valid[v++ % valid.length] as RequestClass, valid[v++ % valid.length] as RequestClass, h);
  }
  while (v % valid.length !== 0) out.push(valid[v++ % valid.length] as RequestClass);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The load process: autocannon, with every response checked and timed per class
// ---------------------------------------------------------------------------------------------

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function problemWith(klass: RequestClass, status: number, body: string): string | null {
  if (status !== klass.expect.status) return `status ${status}, expected ${klass.expect.status}`;
  if (klass.expect.body !== undefined) return body === klass.expect.body ? null : "a body unlike the baseline";
  let codes: unknown[];
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    codes = (parsed.errors ?? []).map(error => error.extensions?.code);
  } catch {
    return "a body that is not JSON";
  }
  if (codes.length === 0) return "no errors";
  const wrong = codes.filter(code => code !== klass.expect.code);
  return wrong.length === 0 ? null : `codes ${JSON.stringify(wrong)}, expected ${klass.expect.code}`;
}

async function runLoad(input: LoadInput): Promise<LoadReport> {
  const { default: cannon } = (await import("autocannon")) as unknown as { default: typeof autocannon };
  const reports = new Map<string, ClassReport>();
  for (const klass of input.classes) {
    reports.set(klass.name, {
      name: klass.name,
      valid: klass.valid,
      responses: 0,
      wrong: 0,
      serverErrors: 0,
      statuses: {},
      examples: [],
      latencies: [],
    });
  }
  // onResponse runs right before the instance's "response" event, synchronously, for the same
  // response: it leaves the class there for the latency.
  let answered: ClassReport | null = null;
  const requests: autocannon.Request[] = sequence(input.classes).map(klass => ({
    method: "POST",
    path: new URL(input.url).pathname,
    headers: { "content-type": klass.contentType ?? "application/json", accept: "application/json" },
    body: klass.body,
    onResponse: (status: number, body: string) => {
      const report = reports.get(klass.name) as ClassReport;
      report.responses++;
      report.statuses[status] = (report.statuses[status] ?? 0) + 1;
      if (status >= 500) report.serverErrors++;
      const problem = problemWith(klass, status, String(body));
      if (problem !== null) {
        report.wrong++;
        if (report.examples.length < 3) report.examples.push(`${problem}: ${String(body).slice(0, 300)}`);
      }
      answered = report;
    },
  }));

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = cannon(
      { url: input.url, connections: input.connections, duration: input.seconds, timeout: 10, requests },
      (error: unknown, done: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      answered?.latencies.push(responseTime);
      answered = null;
    });
  });

  const status: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) status[code] = count ?? 0;
  const summarise = ({ latencies, ...rest }: ClassReport): ClassSummary => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return { ...rest, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  return {
    classes: [...reports.values()].map(summarise),
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
    rps: result.requests.average,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    status,
  };
}

// ---------------------------------------------------------------------------------------------
// The main thread: the service, the baselines, memory samples, the verdict
// ---------------------------------------------------------------------------------------------

interface Sample {
  readonly atS: number;
  readonly rssMB: number;
  readonly heapMB: number;
  /** Memory outside the JS heap held by JS objects (Buffers, ArrayBuffers). */
  readonly externalMB: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Least-squares slope, in MB per minute. */
function slopePerMinute(samples: readonly Sample[], value: (s: Sample) => number): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((sum, s) => sum + s.atS, 0) / n;
  const my = samples.reduce((sum, s) => sum + value(s), 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.atS - mx) * (value(s) - my);
    den += (s.atS - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

interface Trend {
  readonly thirds: [number, number, number];
  readonly growthMB: number;
  readonly slopeMBPerMin: number;
  readonly keptGrowing: boolean;
}

function trend(samples: readonly Sample[], value: (s: Sample) => number, limitMB: number): Trend {
  const third = Math.max(1, Math.floor(samples.length / 3));
  const parts = [samples.slice(0, third), samples.slice(third, samples.length - third), samples.slice(-third)];
  const [m1, m2, m3] = parts.map(part => median(part.map(value))) as [number, number, number];
  const growthMB = m3 - m1;
  return {
    thirds: [m1, m2, m3],
    growthMB,
    slopeMBPerMin: slopePerMinute(samples, value),
    keptGrowing: samples.length >= 3 && m1 < m2 && m2 < m3 && growthMB > limitMB,
  };
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function main(): Promise<number> {
  const seconds = Math.min(envNumber("SOAK_SECONDS", 60, 5, 600), 110);
  const connections = envNumber("SOAK_CONNECTIONS", 8, 1, 256);
  const sampleMs = envNumber("SOAK_SAMPLE_MS", 2000, 250, 10_000);
  const rssLimitMB = envNumber("SOAK_RSS_GROWTH_MB", 32, 1, 4096);
  const heapLimitMB = envNumber("SOAK_HEAP_GROWTH_MB", 16, 1, 4096);
  // The watchdog: whatever happens, the process ends before two minutes.
  setTimeout(
    () => {
      process.stderr.write("soak: hard stop (watchdog)\n");
      process.exit(3);
    },
    Math.min((seconds + 20) * 1000, 118_000),
  ).unref();

  await import("reflect-metadata");
  const { createLogger, startApp } = await import("../src/app");
  const { loadConfig } = await import("../src/config/config");
  const { default: pino } = await import("pino");
  const config = loadConfig({
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? "production",
    HOST: "127.0.0.1",
    PORT: "0",
  });
  const logger = createLogger(config, pino.destination({ dest: "/dev/null", sync: false }));
  const app = await startApp(config, logger);
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = (startedAt: number): Sample => {
    gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    return { atS: (Date.now() - startedAt) / 1000, rssMB: rss / MB, heapMB: heapUsed / MB, externalMB: external / MB };
  };

  try {
    // Baselines: what each valid operation answers before any load.
    const classes: RequestClass[] = [];
    for (const { name, body } of VALID) {
      const response = await fetch(app.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) {
        throw new Error(`the baseline of ${name} failed: ${response.status} ${text.slice(0, 500)}`);
      }
      classes.push({ name, valid: true, body, expect: { status: 200, body: text } });
    }
    for (const h of hostile(config.limits, config.maxBodyBytes)) classes.push({ ...h, valid: false });

    const startedAt = Date.now();
    const before = sample(startedAt);
    const samples: Sample[] = [];
    const timer = setInterval(() => samples.push(sample(startedAt)), sampleMs);
    const input: LoadInput = { url: app.url, seconds, connections, classes };
    const load = await new Promise<LoadReport>((resolve, reject) => {
      const child = fork(__filename, [], { env: { ...process.env, SOAK_ROLE: "load" }, serialization: "advanced" });
      child.once("message", message => resolve(message as LoadReport));
      child.once("error", reject);
      child.once("exit", code => {
        if (code !== 0) reject(new Error(`the load process exited with code ${code}`));
      });
      child.send(input);
    });
    clearInterval(timer);
    const after = sample(startedAt);

    // The service still answers normally after the load.
    const still = await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: classes[0]?.body,
    });
    const stillOk = still.status === 200 && (await still.text()) === classes[0]?.expect.body;

    return report({ seconds, connections, sampleMs, rssLimitMB, heapLimitMB, gc: gc !== undefined }, load, {
      before,
      after,
      samples,
      stillOk,
    });
  } finally {
    await app.stop();
  }
}

function report(
  settings: {
    seconds: number;
    connections: number;
    sampleMs: number;
    rssLimitMB: number;
    heapLimitMB: number;
    gc: boolean;
  },
  load: LoadReport,
  memory: { before: Sample; after: Sample; samples: Sample[]; stillOk: boolean },
): number {
  const out: string[] = [];
  const line = (text = "") => out.push(text);
  line(
    `soak: ${fmt(load.durationS, 0)} s, ${settings.connections} connections, loopback, ` +
      `production mode, GC ${settings.gc ? "exposed (heap sampled after a full GC)" : "not exposed (run with --expose-gc for the live heap)"}`,
  );
  line(
    `requests: ${load.total} (${fmt(load.rps, 0)}/s); connection errors ${load.errors}, timeouts ${load.timeouts}; ` +
      `status ${JSON.stringify(load.status)}`,
  );
  line(
    `latency (all): p50 ${load.latency.p50} ms, p90 ${load.latency.p90} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms`,
  );
  line();
  line("class                   kind     responses   wrong   rate     5xx  p50 ms  p99 ms  statuses");
  for (const c of load.classes) {
    const rate = c.responses === 0 ? 0 : (100 * c.wrong) / c.responses;
    line(
      `${c.name.padEnd(24)}${(c.valid ? "valid" : "hostile").padEnd(9)}${String(c.responses).padStart(9)}` +
        `${String(c.wrong).padStart(8)}${`${fmt(rate, 2)}%`.padStart(8)}${String(c.serverErrors).padStart(6)}` +
        `${fmt(c.p50).padStart(8)}${fmt(c.p99).padStart(8)}  ${JSON.stringify(c.statuses)}`,
    );
    for (const example of c.examples) line(`    e.g. ${example}`);
  }
  line();

  const warmUpS = Math.max(5, settings.seconds / 4);
  const steady = memory.samples.filter(s => s.atS >= warmUpS);
  const rss = trend(steady, s => s.rssMB, settings.rssLimitMB);
  const heap = trend(steady, s => s.heapMB, settings.heapLimitMB);
  const peak = Math.max(...memory.samples.map(s => s.rssMB), memory.after.rssMB);
  line(
    `RSS: before ${fmt(memory.before.rssMB)} MB, after ${fmt(memory.after.rssMB)} MB, peak ${fmt(peak)} MB; ` +
      `${memory.samples.length} samples every ${settings.sampleMs} ms, ${steady.length} after a ${fmt(warmUpS, 0)} s warm-up`,
  );
  line(
    `RSS trend after warm-up: medians of thirds ${rss.thirds.map(m => fmt(m)).join(" → ")} MB ` +
      `(${rss.growthMB >= 0 ? "+" : ""}${fmt(rss.growthMB)} MB; limit +${settings.rssLimitMB} MB), ` +
      `slope ${fmt(rss.slopeMBPerMin)} MB/min${rss.keptGrowing ? " — KEPT GROWING" : ""}`,
  );
  line(
    `service heap: before ${fmt(memory.before.heapMB)} MB, after ${fmt(memory.after.heapMB)} MB; medians of thirds ` +
      `${heap.thirds.map(m => fmt(m)).join(" → ")} MB (${heap.growthMB >= 0 ? "+" : ""}${fmt(heap.growthMB)} MB), ` +
      `slope ${fmt(heap.slopeMBPerMin)} MB/min${settings.gc && heap.keptGrowing ? " — KEPT GROWING" : ""}`,
  );
  line(`external (Buffers): before ${fmt(memory.before.externalMB)} MB, after ${fmt(memory.after.externalMB)} MB`);
  line(`RSS samples (MB): ${memory.samples.map(s => fmt(s.rssMB, 0)).join(" ")}`);
  line(`heap samples (MB): ${memory.samples.map(s => fmt(s.heapMB, 0)).join(" ")}`);
  line();

  const failures = [
    ...load.classes.filter(c => c.valid && c.wrong > 0).map(c => `${c.wrong} valid ${c.name} requests failed`),
    ...load.classes.filter(c => !c.valid && c.wrong > 0).map(c => `${c.wrong} ${c.name} requests got another answer`),
    ...load.classes.filter(c => c.responses === 0).map(c => `no ${c.name} request was answered`),
    ...Object.entries(load.status)
      .filter(([code, count]) => Number(code) >= 500 && count > 0)
      .map(([code, count]) => `${count} responses with status ${code}`),
    load.errors > 0 ? `${load.errors} connection errors (${load.timeouts} timeouts)` : null,
    rss.keptGrowing ? `RSS kept growing (+${fmt(rss.growthMB)} MB after warm-up)` : null,
    settings.gc && heap.keptGrowing ? `the live heap kept growing (+${fmt(heap.growthMB)} MB after warm-up)` : null,
    memory.stillOk ? null : "the service did not answer a normal query normally after the load",
  ].filter((failure): failure is string => failure !== null);
  line(failures.length === 0 ? "PASS" : `FAIL:\n${failures.map(f => `  - ${f}`).join("\n")}`);
  process.stdout.write(`${out.join("\n")}\n`);
  return failures.length === 0 ? 0 : 1;
}

const fail = (error: unknown): never => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
};

if (process.env.SOAK_ROLE === "load") {
  // The load process: one input from the parent, one report back, then exit.
  process.once("message", input => {
    runLoad(input as LoadInput).then(result => process.send?.(result, () => process.exit(0)), fail);
  });
} else {
  main().then(code => process.exit(code), fail);
}
