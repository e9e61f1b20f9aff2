/**
 * HTTP benchmark of the service against a hand-written baseline, on loopback.
 *
 *   npm run bench            (tsc -p . && node dist/bench/bench.js)
 *
 * Each server variant runs alone, in a child process pinned to core 1 (`taskset -c 1`), on the same
 * port in turn; this process re-executes itself pinned to core 0 and drives the load with
 * autocannon. Variants: `raw` (hand-written handlers over the same repository, the baseline),
 * `static` (precomputed bytes, the ceiling), `naive` (type-graphql's schema as built, on Apollo Server
 * defaults with `startStandaloneServer`: the service before compiled execution), the peers a user
 * would pick instead on the same type-graphql schema and repository (`yoga`: GraphQL Yoga;
 * `mercurius`: Mercurius on Fastify with graphql-jit), and `service` (`node dist/src/main.js` as `npm start` runs it, with
 * logging silenced and with its default `info` logging).
 *
 * Before any load, every server's answer to every operation must equal the service's; during load,
 * every response must be a 2xx with the expected body. Otherwise nothing is reported and the exit
 * code is 1.
 *
 * On a shared machine, a round during which other processes used more than BENCH_MAX_FOREIGN (0.1)
 * of a core (from /proc/stat) is run again, after waiting up to BENCH_WAIT_QUIET (120) seconds for
 * quiet, BENCH_RETRIES (4) times at most; the report shows how much others used. The report also
 * names the compiled service it measured (a digest of dist/src) and says if it changed mid-run.
 *
 * Environment: BENCH_SECONDS (5) per round, BENCH_ROUNDS (3), BENCH_WARMUP (3 s), BENCH_CONNECTIONS
 * (32), BENCH_QUERIES (flat,nested,bilateral,search,entities) / BENCH_VARIANTS (raw,static,naive,
 * yoga,mercurius,service,service-info; raw always runs) to run a subset, BENCH_PROFILE (1: also profile the service
 * under the nested-walk load with --cpu-prof; 0: skip), BENCH_PROFILE_SECONDS (10), BENCH_OUT
 * (bench/results.md), BENCH_MAX_FOREIGN, BENCH_WAIT_QUIET, BENCH_RETRIES (above).
 */
import "reflect-metadata";

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

import autocannon from "autocannon";

import { InMemoryRepository } from "../src/repository/in-memory.repository";
import { loadSeed } from "../src/seed/seed.loader";
import {
  busyPerCpu,
  CLK_TCK,
  envList,
  envNumber,
  fmt,
  machine,
  median,
  othersShare,
  percentile,
  postJson,
  prettyMarkdown,
  ROOT,
  serviceDigest,
  sleep,
  table,
  waitForQuiet,
} from "./common";
import { profileMarkdown, summariseProfile } from "./profile";
import { type BenchQuery, benchQueries, requestBody } from "./queries";

const SECONDS = envNumber("BENCH_SECONDS", 5);
const ROUNDS = Math.round(envNumber("BENCH_ROUNDS", 3));
const WARMUP = envNumber("BENCH_WARMUP", 3);
const CONNECTIONS = Math.round(envNumber("BENCH_CONNECTIONS", 32));
const PROFILE = process.env.BENCH_PROFILE !== "0";
/** A round during which other processes used more than this share of a core is run again (RETRIES times at most). */
const MAX_FOREIGN = envNumber("BENCH_MAX_FOREIGN", 0.1);
const RETRIES = Math.round(envNumber("BENCH_RETRIES", 4));
/** How long to wait, at most, for other processes to quiet down before a round is run again. */
const WAIT_QUIET = envNumber("BENCH_WAIT_QUIET", 120);
const PROFILE_SECONDS = envNumber("BENCH_PROFILE_SECONDS", 10);
const OUT = process.env.BENCH_OUT ?? join(ROOT, "bench", "results.md");
const SERVER_CORE = "1";
const CLIENT_CORE = "0";

// ---------------------------------------------------------------------------------------------
// Pinning: run the driver on core 0, servers on core 1.

function tasksetWorks(): boolean {
  try {
    execFileSync("taskset", ["-c", SERVER_CORE, "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const PINNED = tasksetWorks();

function reexecPinned(): boolean {
  if (!PINNED || process.env.BENCH_PINNED_CLIENT === "1") return false;
  const child = spawn("taskset", ["-c", CLIENT_CORE, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_PINNED_CLIENT: "1" },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Server variants, each a child process.

interface Variant {
  readonly key: string;
  readonly title: string;
  /** Whether its response must equal the service's `extensions` too (naive has no cost plugin). */
  readonly fullResponse: boolean;
  command(port: number, staticMap: string): { args: string[]; env: NodeJS.ProcessEnv };
}

function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("BENCH_") || key === "ROUTER_SECRET" || key === "LOG_LEVEL" || key === "PORT") continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: "production", ...extra };
}

const childScript = join(__dirname, "server-child.js");
const serviceMain = join(ROOT, "dist", "src", "main.js");

/**
 * The node flags `npm start` runs the service with: those of package.json's `start:prod`
 * (`node <flags> dist/src/main.js`), so the service rows run as deployed.
 */
function startFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts;
  const words = (scripts["start:prod"] ?? "").trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "dist/src/main.js") {
    throw new Error(`package.json's start:prod is not "node <flags> dist/src/main.js": ${scripts["start:prod"]}`);
  }
  return words.slice(1, -1);
}
const serviceArgs = [...startFlags(), serviceMain];
const serviceFlags =
  serviceArgs
    .slice(0, -1)
    .map(flag => "`" + flag + "`")
    .join(" ") || "none";
const serviceEnv = (port: number, logLevel?: string) =>
  childEnv({ PORT: String(port), HOST: "127.0.0.1", ...(logLevel ? { LOG_LEVEL: logLevel } : {}) });

const VARIANTS: readonly Variant[] = [
  {
    key: "raw",
    title: "raw (hand-written node:http)",
    fullResponse: true,
    command: port => ({ args: [childScript, "raw", String(port)], env: childEnv({}) }),
  },
  {
    key: "static",
    title: "static (precomputed bytes)",
    fullResponse: true,
    command: (port, map) => ({ args: [childScript, "static", String(port), map], env: childEnv({}) }),
  },
  {
    key: "naive",
    title: "naive (Apollo defaults, standalone)",
    fullResponse: false,
    command: port => ({ args: [childScript, "naive", String(port)], env: childEnv({}) }),
  },
  {
    key: "yoga",
    title: "peer: GraphQL Yoga",
    fullResponse: false,
    command: port => ({ args: [childScript, "yoga", String(port)], env: childEnv({}) }),
  },
  {
    key: "mercurius",
    title: "peer: Mercurius + graphql-jit",
    fullResponse: false,
    command: port => ({ args: [childScript, "mercurius", String(port)], env: childEnv({}) }),
  },
  {
    key: "service",
    title: "service (LOG_LEVEL=silent)",
    fullResponse: true,
    command: port => ({ args: serviceArgs, env: serviceEnv(port, "silent") }),
  },
  {
    key: "service-info",
    title: "service (npm start, info logs)",
    fullResponse: true,
    command: port => ({ args: serviceArgs, env: serviceEnv(port) }),
  },
];

interface Running {
  readonly pid: number;
  stderr(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = new Socket();
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.connect(port, "127.0.0.1");
  });
}

async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  nodeFlags: string[] = [],
): Promise<Running> {
  const command = PINNED ? "taskset" : process.execPath;
  const argv = PINNED ? ["-c", SERVER_CORE, process.execPath, ...nodeFlags, ...args] : [...nodeFlags, ...args];
  // stdout (the service's JSON log lines) goes to /dev/null; stderr is kept for error messages.
  const child: ChildProcess = spawn(command, argv, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  let exited = false;
  const exit = new Promise<void>(resolve =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const started = Date.now();
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`server ${args.join(" ")} exited before listening:\n${stderr}`);
    if (Date.now() - started > 30_000) {
      child.kill("SIGKILL");
      throw new Error(`server ${args.join(" ")} did not listen within 30 s:\n${stderr}`);
    }
    await sleep(50);
  }
  // The service listens while its seed still loads (503 "loading"): wait until it is ready. Servers
  // without a readiness route answer it with anything but 503.
  while ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 503) {
    if (exited) throw new Error(`server ${args.join(" ")} exited while loading:\n${stderr}`);
    if (Date.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`server ${args.join(" ")} was not ready within 60 s:\n${stderr}`);
    }
    await sleep(50);
  }
  return {
    pid: child.pid as number,
    stderr: () => stderr,
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      const killed = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed) {
        child.kill("SIGKILL");
        await exit;
      }
      // Let the port be released before the next server binds it.
      for (let i = 0; i < 100 && (await canConnect(port)); i++) await sleep(50);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU time of a child, from /proc (user + system, all threads, clock ticks).

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command: state is field 3, utime field 14, stime field 15 (1-based, man 5 proc).
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/**
 * CPU used by processes other than the server and this load generator during a round, as a share
 * of one core: on the server's core and on the client's when pinned, else over the whole machine.
 * Other work on a shared machine lowers req/s (the server waits for its core) while leaving CPU per
 * request mostly intact; rounds with more than MAX_FOREIGN are run again.
 */
function foreignShare(before: number[], after: number[], server: number, client: number, elapsed: number): number {
  const [serverCore, clientCore] = [Number(SERVER_CORE), Number(CLIENT_CORE)];
  if (PINNED && after.length === before.length && before.length > Math.max(serverCore, clientCore)) {
    const onServerCore = (after[serverCore] as number) - (before[serverCore] as number) - server;
    const onClientCore = (after[clientCore] as number) - (before[clientCore] as number) - client;
    return Math.max(0, onServerCore, onClientCore) / elapsed;
  }
  return othersShare(before, after, server + client, elapsed);
}

// ---------------------------------------------------------------------------------------------
// Validity.

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: { data?: unknown; errors?: unknown; extensions?: unknown };
}

async function answers(port: number, queries: readonly BenchQuery[]): Promise<Map<string, Answer>> {
  const out = new Map<string, Answer>();
  for (const q of queries) {
    const { status, text } = await postJson(`http://127.0.0.1:${port}/graphql`, requestBody(q));
    let json: Answer["json"] = {};
    try {
      json = JSON.parse(text) as Answer["json"];
    } catch {
      // compared below: an unparsable answer never equals the service's
    }
    out.set(q.key, { status, text, json });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Load.

interface Round {
  readonly requests: number;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuPerReqUs: number;
  readonly serverCpuShare: number;
  readonly clientCpuShare: number;
  readonly foreignShare: number;
  readonly problems: string[];
}

async function load(
  port: number,
  query: BenchQuery,
  expectBody: string,
  seconds: number,
  pid: number | null,
): Promise<Round> {
  const latencies: number[] = [];
  let minBytes = Infinity;
  let maxBytes = 0;
  const cpuBefore = pid === null ? 0 : cpuSeconds(pid);
  const busyBefore = busyPerCpu();
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: requestBody(query),
        connections: CONNECTIONS,
        pipelining: 1,
        duration: seconds,
        expectBody,
      },
      (error: unknown, res: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(res),
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      if (resBytes < minBytes) minBytes = resBytes;
      if (resBytes > maxBytes) maxBytes = resBytes;
    });
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const client = process.cpuUsage(clientBefore);
  await sleep(100); // requests cut off at the end finish on the server; count their CPU too
  const cpu = pid === null ? NaN : cpuSeconds(pid) - cpuBefore;
  const clientSeconds = (client.user + client.system) / 1e6;
  const foreign = foreignShare(busyBefore, busyPerCpu(), cpu, clientSeconds, elapsed + 0.1);
  const problems: string[] = [];
  const ok = result["2xx"];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
  if (result.mismatches > 0) problems.push(`${result.mismatches} responses whose body differs from the validated one`);
  if (ok === 0) problems.push("no successful response");
  if (ok > 0 && minBytes !== maxBytes) problems.push(`response sizes vary from ${minBytes} to ${maxBytes} bytes`);
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: ok,
    reqPerSec: ok / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuPerReqUs: (cpu / ok) * 1e6,
    serverCpuShare: cpu / elapsed,
    foreignShare: foreign,
    clientCpuShare: clientSeconds / elapsed,
    problems,
  };
}

interface Cell {
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuPerReqUs: number;
  readonly serverCpuShare: number;
  readonly clientCpuShare: number;
  readonly requests: number;
  /** (max − min) / median of the rounds' req/s. */
  readonly spread: number;
  /** The most CPU other processes used during a kept round, as a share of a core. */
  readonly foreign: number;
}

function summarise(rounds: readonly Round[]): Cell {
  const m = (get: (r: Round) => number) => median(rounds.map(get));
  return {
    reqPerSec: m(r => r.reqPerSec),
    p50: m(r => r.p50),
    p99: m(r => r.p99),
    cpuPerReqUs: m(r => r.cpuPerReqUs),
    serverCpuShare: m(r => r.serverCpuShare),
    clientCpuShare: m(r => r.clientCpuShare),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    foreign: Math.max(...rounds.map(r => r.foreignShare)),
    spread:
      (Math.max(...rounds.map(r => r.reqPerSec)) - Math.min(...rounds.map(r => r.reqPerSec))) /
      median(rounds.map(r => r.reqPerSec)),
  };
}

// ---------------------------------------------------------------------------------------------
// Profile of the service under load.

async function profileService(
  port: number,
  query: BenchQuery,
  expectBody: string,
  variant: Variant,
  measured: Cell | undefined,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bench-cpuprof-"));
  try {
    const { args, env } = variant.command(port, "");
    const server = await startServer(args, env, port, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
    let round: Round;
    let fromUs: number;
    let toUs: number;
    try {
      await load(port, query, expectBody, Math.min(3, WARMUP), server.pid);
      fromUs = Number(process.hrtime.bigint() / 1000n);
      round = await load(port, query, expectBody, PROFILE_SECONDS, server.pid);
      toUs = Number(process.hrtime.bigint() / 1000n);
    } finally {
      await server.stop();
    }
    if (round.problems.length > 0) throw new Error(`profile run invalid: ${round.problems.join("; ")}`);
    const file = readdirSync(dir).find(f => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`no .cpuprofile written (stderr: ${server.stderr()})`);
    const summary = summariseProfile(join(dir, file), { fromUs, toUs });
    return [
      `### ${variant.title}, ${query.title}: ${fmt(round.reqPerSec)} req/s under \`--cpu-prof\``,
      "",
      profileMarkdown(summary, 30, measured ? { us: measured.cpuPerReqUs, unit: "request" } : undefined),
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const queryKeys = envList("BENCH_QUERIES");
  const variantKeys = envList("BENCH_VARIANTS");
  const repository = new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") }));
  const queries = (await benchQueries(repository)).filter(q => !queryKeys || queryKeys.includes(q.key));
  const variants = VARIANTS.filter(v => !variantKeys || variantKeys.includes(v.key) || v.key === "raw");
  const reference = VARIANTS.find(v => v.key === "service") as Variant;
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), "bench-http-"));
  const staticMap = join(work, "static-answers.json");
  const started = Date.now();
  const log = (message: string) =>
    console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

  try {
    const digests = new Set<string>([serviceDigest()]);
    await waitForQuiet(MAX_FOREIGN, WAIT_QUIET, log);
    // 1. Validity: the service's answers are the reference; every server must give the same.
    log(`validity: reference answers from the service (port ${port}, servers pinned: ${PINNED})`);
    const problems: string[] = [];
    const service = await startServer(reference.command(port, "").args, reference.command(port, "").env, port);
    const expected = await answers(port, queries).finally(() => service.stop());
    for (const q of queries) {
      const a = expected.get(q.key) as Answer;
      if (a.status !== 200 || a.json.errors !== undefined || a.json.data === undefined) {
        problems.push(`service / ${q.key}: status ${a.status}, body ${a.text.slice(0, 300)}`);
      }
    }
    writeFileSync(
      staticMap,
      JSON.stringify(Object.fromEntries(queries.map(q => [requestBody(q), (expected.get(q.key) as Answer).text]))),
    );
    const bodies = new Map<string, Map<string, string>>(); // variant -> query -> exact body
    for (const v of variants) {
      log(`validity: ${v.key}`);
      const { args, env } = v.command(port, staticMap);
      const server = await startServer(args, env, port);
      const got = await answers(port, queries).finally(() => server.stop());
      const own = new Map<string, string>();
      for (const q of queries) {
        const a = got.get(q.key) as Answer;
        const e = expected.get(q.key) as Answer;
        const same = v.fullResponse ? isDeepStrictEqual(a.json, e.json) : isDeepStrictEqual(a.json.data, e.json.data);
        const extra = v.fullResponse ? [] : Object.keys(a.json).filter(k => k !== "data");
        if (a.status !== 200 || !same || extra.length > 0) {
          problems.push(
            `${v.key} / ${q.key}: status ${a.status}, ${same ? `unexpected keys ${extra.join(", ")}` : "answer differs from the service's"}: ${a.text.slice(0, 300)}`,
          );
        }
        own.set(q.key, a.text);
      }
      bodies.set(v.key, own);
    }
    if (problems.length > 0) {
      console.error(`Validity failed; no figures are reported:\n${problems.map(p => `  - ${p}`).join("\n")}`);
      process.exitCode = 1;
      return;
    }

    // 2. Load: one server at a time; per query a warm-up, then rounds.
    const cells = new Map<string, Cell>(); // `${variant}/${query}`
    const loadProblems: string[] = [];
    for (const v of variants) {
      const { args, env } = v.command(port, staticMap);
      digests.add(serviceDigest());
      const server = await startServer(args, env, port);
      try {
        for (const q of queries) {
          const body = bodies.get(v.key)?.get(q.key) as string;
          log(`load: ${v.key} / ${q.key}: warm-up ${WARMUP} s, ${ROUNDS} × ${SECONDS} s`);
          const warm = await load(port, q, body, WARMUP, server.pid);
          const rounds: Round[] = [];
          for (let r = 0; r < ROUNDS; r++) {
            let round = await load(port, q, body, SECONDS, server.pid);
            for (let retry = 0; round.foreignShare > MAX_FOREIGN && retry < RETRIES; retry++) {
              log(`  round ${r + 1}: other processes used ${fmt(round.foreignShare * 100)} % of a core; again`);
              loadProblems.push(...round.problems.map(p => `${v.key} / ${q.key}: ${p}`));
              await waitForQuiet(MAX_FOREIGN, WAIT_QUIET, log);
              round = await load(port, q, body, SECONDS, server.pid);
            }
            rounds.push(round);
            log(
              `  round ${r + 1}: ${fmt(round.reqPerSec)} req/s, p99 ${fmt(round.p99, 2)} ms, ${fmt(round.cpuPerReqUs)} µs CPU/req, others ${fmt(round.foreignShare * 100)} %`,
            );
          }
          for (const round of [warm, ...rounds]) {
            for (const p of round.problems) loadProblems.push(`${v.key} / ${q.key}: ${p}`);
          }
          cells.set(`${v.key}/${q.key}`, summarise(rounds));
        }
      } finally {
        await server.stop();
      }
    }
    if (loadProblems.length > 0) {
      console.error(`Load validity failed; no figures are reported:\n${loadProblems.map(p => `  - ${p}`).join("\n")}`);
      process.exitCode = 1;
      return;
    }

    // 3. Profile of the service during the nested-walk load.
    const profiles: string[] = [];
    const nested = queries.find(q => q.key === "nested");
    if (PROFILE && nested) {
      for (const key of ["service", "service-info"]) {
        const v = VARIANTS.find(x => x.key === key) as Variant;
        log(`profile: ${v.key} / nested, ${PROFILE_SECONDS} s under --cpu-prof`);
        profiles.push(
          await profileService(
            port,
            nested,
            bodies.get(v.key)?.get("nested") ?? expected.get("nested")?.text ?? "",
            v,
            cells.get(`${v.key}/nested`),
          ),
        );
      }
    }

    // 4. Report.
    digests.add(serviceDigest());
    if (digests.size > 1)
      log(`WARNING: the compiled service (dist/src) changed during the run: ${[...digests].join(" → ")}`);
    const report = render(queries, variants, cells, expected, profiles, [...digests]);
    const pretty = await prettyMarkdown(report, OUT);
    writeFileSync(OUT, pretty);
    console.log(pretty);
    log(`written to ${OUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What 0.8× raw means for the nested walk, in CPU per request. */
function budget(cells: ReadonlyMap<string, Cell>): string {
  const raw = cells.get("raw/nested");
  const service = cells.get("service/nested");
  if (!raw || !service) return "";
  const allowed = raw.cpuPerReqUs / 0.8;
  return `The server core is saturated in every service row, so req/s ≈ 1 / CPU per request: 0.8× raw on the nested walk means at most ≈ ${fmt(allowed)} µs of CPU per request (raw uses ${fmt(raw.cpuPerReqUs)}, static ${fmt(cells.get("static/nested")?.cpuPerReqUs ?? NaN)} — node:http alone); the service uses ${fmt(service.cpuPerReqUs)}, so ${fmt(service.cpuPerReqUs - allowed)} µs per request (${fmt((1 - allowed / service.cpuPerReqUs) * 100)} % of its CPU) would have to go.`;
}

function render(
  queries: readonly BenchQuery[],
  variants: readonly Variant[],
  cells: ReadonlyMap<string, Cell>,
  expected: ReadonlyMap<string, Answer>,
  profiles: readonly string[],
  digests: readonly string[],
): string {
  const m = machine();
  const header = [
    "Variant",
    "req/s",
    "× raw",
    "p50 ms",
    "p99 ms",
    "server CPU µs/req",
    "CPU/req × raw",
    "server CPU",
    "client CPU",
    "round spread",
    "others' CPU",
  ];
  const sections: string[] = [];
  for (const q of queries) {
    const raw = cells.get(`raw/${q.key}`) as Cell;
    const rows = variants.map(v => {
      const c = cells.get(`${v.key}/${q.key}`) as Cell;
      return [
        v.title,
        fmt(c.reqPerSec),
        fmt(c.reqPerSec / raw.reqPerSec, 2),
        fmt(c.p50, 2),
        fmt(c.p99, 2),
        fmt(c.cpuPerReqUs, 0),
        fmt(c.cpuPerReqUs / raw.cpuPerReqUs, 2),
        `${fmt(c.serverCpuShare * 100, 0)} %`,
        `${fmt(c.clientCpuShare * 100, 0)} %`,
        `${fmt(c.spread * 100, 0)} %`,
        `${fmt(c.foreign * 100, 0)} %${c.foreign > MAX_FOREIGN ? " ⚠" : ""}`,
      ];
    });
    const bytes = Buffer.byteLength((expected.get(q.key) as Answer).text);
    sections.push(`### ${q.title} — \`${q.operationName}\`, ${fmt(bytes)} B response\n\n${table(header, rows)}`);
  }
  const summary = table(
    ["Query", ...variants.filter(v => v.key !== "raw").map(v => `${v.key} × raw (req/s)`)],
    queries.map(q => {
      const raw = cells.get(`raw/${q.key}`) as Cell;
      return [
        q.title,
        ...variants
          .filter(v => v.key !== "raw")
          .map(v => fmt((cells.get(`${v.key}/${q.key}`) as Cell).reqPerSec / raw.reqPerSec, 2)),
      ];
    }),
  );
  return [
    "# HTTP benchmark: bilateral-graph",
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM. Node ${m.node}. Date ${m.date}.`,
    `Settings: ${CONNECTIONS} connections, pipelining 1, warm-up ${WARMUP} s, ${ROUNDS} rounds × ${SECONDS} s per variant and query (medians reported). Servers pinned to core ${SERVER_CORE}, load generator to core ${CLIENT_CORE}: ${PINNED ? "yes (taskset)" : "no (taskset unavailable)"}.`,
    "",
    digests.length === 1
      ? `Service code measured: \`dist/src\` digest \`${digests[0]}\` (sha256 of the compiled files, unchanged during the run).`
      : `**The compiled service changed during the run** (\`dist/src\` digests ${digests.map(d => `\`${d}\``).join(" → ")}): naive and service rows may mix versions; run again.`,
    "",
    "Produced by `npm run bench` (`bench/bench.ts`). Regenerate rather than edit.",
    "",
    "## How measured",
    "",
    `Every variant runs alone in a child process pinned to one core, on the same loopback port, over the same in-memory repository built from \`seed/\`; autocannon runs in the parent, pinned to the other core, with the same request body (a named operation with variables) on every request. **raw** is a plain \`node:http\` handler that parses the JSON body and builds the same JSON by hand from the repository (the baseline of all ratios); **static** writes precomputed response bytes (the ceiling; usually limited by the load generator, see its client CPU); **naive** is type-graphql's schema as it builds it (\`buildReferenceSchema()\`: its resolver wrappers validating arguments on every call, i.e. the service before compiled execution) on \`new ApolloServer({ schema })\` with defaults and \`startStandaloneServer\`; the **peers** serve the same type-graphql schema (abstract types resolved from \`__typename\`, which graphql-jit needs) over the same repository: **GraphQL Yoga** (\`createYoga\` on \`node:http\`, defaults) and **Mercurius** on Fastify with \`jit: 1\` (graphql-jit compiles every operation from its first run); **service** is \`node dist/src/main.js\` exactly as \`npm start\` runs it (with the node flags of \`start:prod\`: ${serviceFlags}; \`NODE_ENV=production\`, no \`ROUTER_SECRET\`), once with \`LOG_LEVEL=silent\` and once with its default \`info\` logging (one JSON line per request, stdout to \`/dev/null\`, so that row shows pino's cost, not a log shipper's). Before any load, every server's answer to every operation is checked deep-equal to the service's — \`extensions.cost\` included (raw computes it and static replays it); only naive and the peers are compared on \`data\` alone, since they have no cost plugin and their answers no \`extensions\`. During load every response must be a 2xx, byte-equal to the validated body (autocannon \`expectBody\`) and of constant size; any failure prints no figures and exits 1. Each variant and query gets a warm-up, then rounds whose medians are reported: req/s is 2xx responses over wall time; p50/p99 are from every response's latency (sub-millisecond, from autocannon's \`response\` event); server CPU per request is the child's user+system time (all threads, from \`/proc/<pid>/stat\`) over the round divided by its responses; server/client CPU is the share of one core used by the server child and by the load generator (near 100 % client CPU means the client, not the server, is the limit); round spread is (max − min) / median of the rounds' req/s; others' CPU is the most CPU that other processes on the machine used during a kept round (on the server's or the client's core, from \`/proc/stat\`, as a share of one core) — a round above ${fmt(MAX_FOREIGN * 100)} % is run again (up to ${RETRIES} times), and ⚠ marks a figure taken under such contention anyway. On a shared machine req/s and latency suffer first; CPU per request much less. Plain \`npm start\` without \`NODE_ENV\` runs in development mode (debug logging, IDE and introspection on); these rows use production, as deployed.`,
    "",
    "## Service ÷ raw, req/s",
    "",
    summary,
    "",
    "## Results per query",
    "",
    sections.join("\n\n"),
    ...(profiles.length > 0
      ? [
          "",
          "## CPU profile of the service under the nested-walk load",
          "",
          `\`node --cpu-prof\` on the service child (pinned like the runs above) during a ${PROFILE_SECONDS} s nested-walk load after a warm-up; only samples inside the load window are counted. Self time is charged to the frame running; native frames (regexes, builtins) to the layer that called them.`,
          "",
          budget(cells),
          "",
          profiles.join("\n\n"),
        ]
      : []),
    "",
  ].join("\n");
}

if (!reexecPinned()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
