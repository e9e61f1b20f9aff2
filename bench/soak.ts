/**
 * Soak test: the real service (production mode, real seed, logging to /dev/null, METRICS_TOKEN set,
 * HEADERS_TIMEOUT_MS 2000 unless given) in this process on 127.0.0.1, loaded for SOAK_SECONDS
 * (default 60, from 14 to 75; a watchdog ends the process within SOAK_SECONDS + 40 s, never past 118
 * s) from a child process (loopback only), so the load generator shares neither the service's event
 * loop nor its memory.
 *
 * The load runs in phases: a warm-up of valid traffic, then six phases (the rest of SOAK_SECONDS,
 * split evenly), each the same valid traffic (named operations with variables, on SOAK_CONNECTIONS
 * autocannon connections, default 8) with one hostile class beside it, every class found to stall or
 * bloat the service before it was fixed:
 *
 * - mix: the older hostile requests (over depth, cost, aliases, tokens; malformed JSON; a body over
 *   MAX_BODY_BYTES; bad arguments and variables; a text/plain POST);
 * - unique-variables: a changing comment in the document and a unique ~95 kB undeclared variable
 *   (body just under MAX_BODY_BYTES): the normal answer, exactly;
 * - long-names: a ~45,000-character operationName on a document that does not parse and on one that
 *   fails validation (400), and valid operations with unique 200-character names (200);
 * - many-keys: a `CountryFilter` variable with ~9,000 unknown keys: 400 BAD_USER_INPUT, 10 errors;
 * - deep-nesting: an undeclared variable nested 4,200 arrays deep: 400 BAD_REQUEST;
 * - slow-senders: SOAK_SLOW_SENDERS (default 50) raw TCP connections trickling partial headers a few
 *   bytes a second, each to be answered 408 and closed by the server within HEADERS_TIMEOUT_MS plus
 *   node's check interval and a second; reconnecting until the phase ends.
 *
 * Every response is checked: valid requests get 200 and exactly the body the service gave before the
 * load; hostile ones the expected status and `extensions.code` on every error (and error count). A
 * request is tagged with its class (`x-soak-class`, read here by a listener on the server: worst
 * server-side latency and largest response per class) and a request id carrying its class and send
 * time, so a response is told apart by what it answers, not by autocannon's bookkeeping (which loses
 * step when the server closes a connection, as it does after a 413). Before and after each phase the
 * live heap is sampled after a full GC (run with --expose-gc). After the run, `/metrics` is scraped.
 *
 * PASS needs: no 5xx; no connection error or timeout on the autocannon traffic; every answer as
 * expected; the valid traffic's client-side p99 over all phases at most SOAK_P99_MS (default 250);
 * live-heap growth from the first phase's start to the last phase's end at most SOAK_HEAP_GROWTH_MB
 * (default 32); every slow sender closed by the server with 408 in time (none left open); `/metrics`
 * under 200 kB with no label longer than 64 characters; a normal answer after the load. Otherwise
 * the process exits non-zero.
 *
 * Run: `npm run soak` (tsc, then `node --expose-gc dist/bench/soak.js`).
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { connect } from "node:net";
import { performance } from "node:perf_hooks";

import type autocannon from "autocannon";

import type { Limits } from "../src/config/config";
import { envNumber, fmt, mb, percentile, postJson, sleep, sorted } from "./common";

/** What one class of request must get back. */
interface Expectation {
  readonly status: number;
  /** The exact body (requests answered normally). */
  readonly body?: string;
  /** The code every error must carry. */
  readonly code?: string;
  /** How many errors exactly. */
  readonly errors?: number;
}

interface RequestClass {
  readonly name: string;
  /** "valid": the normal traffic of every phase; "hostile": the class a phase adds beside it. */
  readonly kind: "valid" | "hostile";
  /** The body; when `unique`, every VARY in it is replaced by a number of its own for each request. */
  readonly body: string;
  readonly unique?: boolean;
  readonly contentType?: string;
  readonly expect: Expectation;
}

interface Phase {
  readonly name: string;
  readonly seconds: number;
  /** The hostile classes sent beside the valid traffic. */
  readonly classes: RequestClass[];
  /** Slow senders at a time (the slow-senders phase), and how long each may stay open. */
  readonly slow?: { readonly count: number; readonly deadlineMs: number };
}

/** What the load process saw of one class in one phase. */
interface ClassLoad {
  readonly name: string;
  readonly kind: "valid" | "hostile";
  responses: number;
  wrong: number;
  serverErrors: number;
  readonly statuses: Record<string, number>;
  readonly examples: string[];
  /** Client-side latencies, ms. */
  readonly latencies: number[];
}

interface SlowReport {
  opened: number;
  closed408: number;
  closedOtherwise: number;
  openPastDeadline: number;
  readonly examples: string[];
  /** From connecting to the server's close, ms. */
  readonly closeTimes: number[];
}

interface PhaseLoad {
  readonly classes: ClassLoad[];
  readonly total: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationS: number;
  readonly slow: SlowReport | null;
}

type ToLoad = { readonly type: "phase"; readonly url: string; readonly connections: number; readonly phase: Phase };

/** What the service's side saw of one class in one phase. */
interface ServerSide {
  requests: number;
  serverErrors: number;
  maxMs: number;
  maxBytes: number;
}

/** Replaced by a per-request number in the body of a `unique` class. */
const VARY = "@@SOAK@@";
/** Width of that number (zero-padded, so bodies keep their size). */
const VARY_DIGITS = 9;
const fixedId = (n: number): string => String(n).padStart(VARY_DIGITS, "0");
/** Longest metric label value allowed, in characters. */
const MAX_LABEL = 64;
const MAX_METRICS_BYTES = 200_000;

// ---------------------------------------------------------------------------------------------
// The request mix
// ---------------------------------------------------------------------------------------------

const op = (query: string, variables?: Record<string, unknown>, operationName?: string): string =>
  JSON.stringify({ query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) });

const LEADERS_OF_JORDAN = `query LeadersOfJordan($code: CountryCode!) {
        country(code: $code) { name capital { name } leaders { totalCount nodes { name title } } }
      }`;

const VALID: ReadonlyArray<{ name: string; body: string }> = [
  { name: "LeadersOfJordan", body: op(LEADERS_OF_JORDAN, { code: "JO" }) },
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

type ClassSpec = Omit<RequestClass, "kind">;

/** The older hostile requests, each just over the service's configured limits (the "mix" phase). */
const hostileMix = (limits: Limits, maxBodyBytes: number): ClassSpec[] => [
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
    name: "repeated-fields",
    body: op(
      `query Copies { ${Array.from({ length: limits.maxFieldRepeats + 250 }, () => 'country(code: "KZ") { name }').join(" ")} }`,
    ),
    expect: { status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  },
  {
    name: "csrf-text-plain",
    body: op("query Count { countries { totalCount } }"),
    contentType: "text/plain",
    expect: { status: 400, code: "BAD_REQUEST" },
  },
];

/** A unique document (a changing comment) with a unique undeclared variable; the body just under the limit. */
function uniqueVariables(maxBodyBytes: number): ClassSpec {
  const body = (padChars: number) =>
    op(`# ${VARY}\n${LEADERS_OF_JORDAN}`, { code: "JO", pad: `${VARY}${"x".repeat(padChars)}` });
  const size = (padChars: number) => body(padChars).split(VARY).join(fixedId(0)).length;
  return { name: "unique-variables", unique: true, body: body(maxBodyBytes - 4096 - size(0)), expect: { status: 200 } };
}

/** Operation names of ~45,000 characters on broken documents, and unique 200-character names on a valid one. */
function longNames(): ClassSpec[] {
  const long = `${"N".repeat(45_000)}${VARY}`;
  const named = `${"L".repeat(200 - VARY_DIGITS)}${VARY}`;
  return [
    {
      name: "long-name-unparsed",
      unique: true,
      body: op(`query ${long} {`, undefined, long),
      expect: { status: 400, code: "GRAPHQL_PARSE_FAILED" },
    },
    {
      name: "long-name-invalid",
      unique: true,
      body: op(`query ${long} { nope }`, undefined, long),
      expect: { status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
    },
    {
      name: "long-name-valid",
      unique: true,
      body: op(`query ${named} { __typename }`, undefined, named),
      expect: { status: 200 },
    },
  ];
}

/** A CountryFilter with as many unknown keys as fit just under the body limit. */
function manyKeys(maxBodyBytes: number, maxErrors: number): ClassSpec {
  const query = "query Countries($filter: CountryFilter) { countries(filter: $filter) { totalCount } }";
  const body = (keys: number) =>
    op(query, { filter: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, ""])) });
  let keys = Math.floor(maxBodyBytes / 11);
  while (keys > 1 && body(keys).length > maxBodyBytes - 500) keys -= 25;
  return { name: "many-keys", body: body(keys), expect: { status: 400, code: "BAD_USER_INPUT", errors: maxErrors } };
}

const deepNesting: ClassSpec = {
  name: "deep-nesting",
  body: `{"query":"query Q { __typename }","variables":{"x":${"[".repeat(4200)}${"]".repeat(4200)}}}`,
  expect: { status: 400, code: "BAD_REQUEST" },
};

/** Two valid requests, then one of the phase's, until each is in; valid ones cycle to the end (or alone). */
function sequence(valid: readonly RequestClass[], hostile: readonly RequestClass[]): RequestClass[] {
  const out: RequestClass[] = [];
  let v = 0;
  for (const h of hostile) {
    out.push(valid[v++ % valid.length] as RequestClass, valid[v++ % valid.length] as RequestClass, h);
  }
  while (v % valid.length !== 0) out.push(valid[v++ % valid.length] as RequestClass);
  return out.length > 0 ? out : [...valid];
}

// ---------------------------------------------------------------------------------------------
// The load process: autocannon and the slow senders, every response checked and timed per class
// ---------------------------------------------------------------------------------------------

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
  if (klass.expect.errors !== undefined && codes.length !== klass.expect.errors) {
    return `${codes.length} errors, expected ${klass.expect.errors}`;
  }
  const wrong = codes.filter(code => code !== klass.expect.code);
  return wrong.length === 0 ? null : `codes ${JSON.stringify(wrong)}, expected ${klass.expect.code}`;
}

const newClassLoad = (name: string, kind: "valid" | "hostile"): ClassLoad => ({
  name,
  kind,
  responses: 0,
  wrong: 0,
  serverErrors: 0,
  statuses: {},
  examples: [],
  latencies: [],
});

/**
 * The autocannon traffic of one phase. Each request carries `x-request-id: <class>:<n>:<sent at>`,
 * which the service echoes: the response is checked against that class and timed from that instant.
 */
async function runCannon(url: string, connections: number, seconds: number, ordered: readonly RequestClass[]) {
  const { default: cannon } = (await import("autocannon")) as unknown as { default: typeof autocannon };
  const classes = [...new Set(ordered)];
  const loads = classes.map(klass => newClassLoad(klass.name, klass.kind));
  const untagged = newClassLoad("(untagged response)", "hostile");
  const counters = classes.map(() => 0);
  let sent = 0;
  const onResponse = (status: number, body: string, _context: object, headers?: IncomingHttpHeaders) => {
    const id = headers?.["x-request-id"];
    const [index, , sentAt] = typeof id === "string" && /^\d+:\d+:[\d.]+$/.test(id) ? id.split(":") : [];
    const klass = index === undefined ? undefined : classes[Number(index)];
    const load = klass ? (loads[Number(index)] as ClassLoad) : untagged;
    load.responses++;
    load.statuses[status] = (load.statuses[status] ?? 0) + 1;
    if (status >= 500) load.serverErrors++;
    const problem = klass ? problemWith(klass, status, String(body)) : "no x-request-id";
    if (problem !== null) {
      load.wrong++;
      if (load.examples.length < 3) load.examples.push(`${problem}: ${String(body).slice(0, 300)}`);
    }
    if (klass) load.latencies.push(performance.now() - Number(sentAt));
  };
  const requests: autocannon.Request[] = ordered.map(klass => {
    const index = classes.indexOf(klass);
    const parts = klass.unique ? klass.body.split(VARY) : null;
    const fixed = Buffer.from(klass.body);
    return {
      method: "POST",
      path: new URL(url).pathname,
      headers: {
        "content-type": klass.contentType ?? "application/json",
        accept: "application/json",
        "x-soak-class": klass.name,
      },
      body: fixed,
      setupRequest: (request: autocannon.Request) => {
        const n = (counters[index] = (counters[index] ?? 0) + 1);
        return {
          ...request,
          headers: { ...request.headers, "x-request-id": `${index}:${++sent}:${performance.now().toFixed(3)}` },
          body: parts ? parts.join(fixedId(n)) : fixed,
        };
      },
      onResponse,
    };
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    cannon({ url, connections, duration: seconds, timeout: 10, requests }, (error: unknown, done: autocannon.Result) =>
      error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(done),
    );
  });
  return {
    classes: untagged.responses > 0 ? [...loads, untagged] : loads,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
  };
}

/** A byte of header every SLOW_BYTE_MS once the first partial lines are sent: 4 bytes a second. */
const SLOW_BYTE_MS = 250;

/** One slow sender: partial headers, then a byte at a time, until the server closes it or the deadline passes. */
function slowSender(port: number, deadlineMs: number, report: SlowReport): Promise<void> {
  return new Promise(resolve => {
    const started = performance.now();
    const socket = connect({ port, host: "127.0.0.1" });
    report.opened++;
    let text = "";
    let pastDeadline = false;
    const trickle = setInterval(() => socket.write("a"), SLOW_BYTE_MS);
    const deadline = setTimeout(() => {
      pastDeadline = true;
      report.openPastDeadline++;
      socket.destroy();
    }, deadlineMs);
    socket.setNoDelay(true);
    socket.once("connect", () =>
      socket.write("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Soak-Class: slow-senders\r\nX-Slow: "),
    );
    socket.on("data", (chunk: Buffer) => {
      if (text.length < 1000) text += chunk.toString("latin1");
    });
    // A write racing the server's close may fail; the close below tells what happened.
    socket.on("error", () => undefined);
    socket.once("close", () => {
      clearInterval(trickle);
      clearTimeout(deadline);
      if (!pastDeadline && text.startsWith("HTTP/1.1 408 ")) {
        report.closed408++;
        report.closeTimes.push(performance.now() - started);
      } else if (!pastDeadline) {
        report.closedOtherwise++;
        if (report.examples.length < 3) report.examples.push(JSON.stringify(text.slice(0, 120)));
      }
      resolve();
    });
  });
}

/** `count` slow senders at a time, each reconnecting while a whole try still fits in the phase. */
async function slowSenders(port: number, count: number, seconds: number, deadlineMs: number): Promise<SlowReport> {
  const report: SlowReport = {
    opened: 0,
    closed408: 0,
    closedOtherwise: 0,
    openPastDeadline: 0,
    examples: [],
    closeTimes: [],
  };
  const endAt = performance.now() + seconds * 1000;
  const maxTries = Math.ceil((seconds * 1000) / 500) + 1;
  const slot = async (): Promise<void> => {
    for (let tries = 0; tries < maxTries && (tries === 0 || performance.now() + deadlineMs <= endAt); tries++) {
      await slowSender(port, deadlineMs, report);
      await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: count }, slot));
  return report;
}

type LoadInput = ToLoad & { readonly valid: RequestClass[] };

async function runPhase({ url, connections, valid, phase }: LoadInput): Promise<PhaseLoad> {
  const [cannon, slow] = await Promise.all([
    runCannon(url, connections, phase.seconds, sequence(valid, phase.classes)),
    phase.slow
      ? slowSenders(Number(new URL(url).port), phase.slow.count, phase.seconds, phase.slow.deadlineMs)
      : Promise.resolve(null),
  ]);
  return { ...cannon, slow };
}

// ---------------------------------------------------------------------------------------------
// The main process: the service, baselines, server-side timing, heap samples, the verdict
// ---------------------------------------------------------------------------------------------

/** Times every tagged request on the service's side; `take()` hands over what was seen since the last call. */
function watchServer(server: Server): { take(): Map<string, ServerSide> } {
  let seen = new Map<string, ServerSide>();
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const tag = req.headers["x-soak-class"];
    if (typeof tag !== "string") return;
    const into = seen;
    const started = performance.now();
    let done = false;
    const complete = () => {
      if (done) return;
      done = true;
      let side = into.get(tag);
      if (!side) into.set(tag, (side = { requests: 0, serverErrors: 0, maxMs: 0, maxBytes: 0 }));
      side.requests++;
      if (res.statusCode >= 500) side.serverErrors++;
      side.maxMs = Math.max(side.maxMs, performance.now() - started);
      side.maxBytes = Math.max(side.maxBytes, Number(res.getHeader("content-length") ?? 0));
    };
    res.once("finish", complete);
    res.once("close", complete);
  });
  return {
    take() {
      const taken = seen;
      seen = new Map();
      return taken;
    },
  };
}

/** Sends a phase to the load process and waits for its report. */
function ask(child: ChildProcess, input: LoadInput, timeoutMs: number): Promise<PhaseLoad> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: unknown) => {
      done();
      resolve(message as PhaseLoad);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the load process exited with code ${code}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the load process did not report phase ${input.phase.name} within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send(input);
  });
}

interface MetricsCheck {
  readonly status: number;
  readonly bytes: number;
  readonly longestLabel: number;
  readonly operations: number;
}

async function scrapeMetrics(url: string, token: string | null): Promise<MetricsCheck> {
  const response = await fetch(url, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  const text = await response.text();
  const values = [...text.matchAll(/\w+="((?:[^"\\]|\\.)*)"/g)].map(m => m[1] ?? "");
  const operations = new Set(
    [...text.matchAll(/^graphql_requests_total\{operation="((?:[^"\\]|\\.)*)"/gm)].map(m => m[1]),
  );
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    longestLabel: values.reduce((longest, value) => Math.max(longest, [...value].length), 0),
    operations: operations.size,
  };
}

interface PhaseResult {
  readonly phase: Phase;
  readonly load: PhaseLoad;
  readonly server: Map<string, ServerSide>;
  readonly heapBeforeMB: number;
  readonly heapAfterMB: number;
}

async function main(): Promise<number> {
  const seconds = envNumber("SOAK_SECONDS", 60, { min: 14, max: 75 });
  const connections = Math.round(envNumber("SOAK_CONNECTIONS", 8, { min: 1, max: 256 }));
  const slowCount = Math.round(envNumber("SOAK_SLOW_SENDERS", 50, { min: 1, max: 500 }));
  const p99LimitMs = envNumber("SOAK_P99_MS", 250, { min: 1, max: 60_000 });
  const heapLimitMB = envNumber("SOAK_HEAP_GROWTH_MB", 32, { min: 1, max: 4096 });
  // The watchdog: whatever happens, the process ends by itself, before two minutes.
  setTimeout(
    () => {
      process.stderr.write("soak: hard stop (watchdog)\n");
      process.exit(3);
    },
    Math.min((seconds + 40) * 1000, 118_000),
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
    HEADERS_TIMEOUT_MS: process.env.HEADERS_TIMEOUT_MS ?? "2000",
    METRICS_TOKEN: process.env.METRICS_TOKEN ?? randomBytes(24).toString("hex"),
  });
  const logger = createLogger(config, pino.destination({ dest: "/dev/null", sync: false }));
  const app = await startApp(config, logger);
  const server = watchServer(app.server);
  const gc = (globalThis as { gc?: () => void }).gc;
  const liveHeapMB = async (): Promise<number> => {
    gc?.();
    await new Promise(resolve => setImmediate(resolve));
    gc?.();
    return mb(process.memoryUsage().heapUsed);
  };
  const rssBeforeMB = mb(process.memoryUsage.rss());
  let rssPeakMB = rssBeforeMB;
  const rssTimer = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, mb(process.memoryUsage.rss()))), 500);
  let child: ChildProcess | null = null;
  try {
    // Baselines: what each request to be answered normally gets before any load.
    const withBaseline = async (klass: RequestClass): Promise<RequestClass> => {
      if (klass.expect.status !== 200) return klass;
      const { status, text } = await postJson(app.url, klass.body.split(VARY).join(fixedId(0)));
      if (status !== 200 || text.includes('"errors"')) {
        throw new Error(`the baseline of ${klass.name} failed: ${status} ${text.slice(0, 500)}`);
      }
      return { ...klass, expect: { status: 200, body: text } };
    };
    const all = async (specs: ClassSpec[], kind: "valid" | "hostile") =>
      Promise.all(specs.map(spec => withBaseline({ ...spec, kind })));
    const valid = await all(
      VALID.map(({ name, body }) => ({ name, body, expect: { status: 200 } })),
      "valid",
    );
    const deadlineMs = config.connections.headersTimeoutMs + Math.min(1000, config.connections.headersTimeoutMs) + 1000;
    const warmUpS = Math.max(2, Math.round(seconds / 12));
    const each = Math.floor(((seconds - warmUpS) / 6) * 100) / 100;
    const phases: Phase[] = [
      { name: "warm-up", seconds: warmUpS, classes: [] },
      { name: "mix", seconds: each, classes: await all(hostileMix(config.limits, config.maxBodyBytes), "hostile") },
      {
        name: "unique-variables",
        seconds: each,
        classes: await all([uniqueVariables(config.maxBodyBytes)], "hostile"),
      },
      { name: "long-names", seconds: each, classes: await all(longNames(), "hostile") },
      {
        name: "many-keys",
        seconds: each,
        classes: await all([manyKeys(config.maxBodyBytes, config.limits.maxVariableErrors)], "hostile"),
      },
      { name: "deep-nesting", seconds: each, classes: await all([deepNesting], "hostile") },
      { name: "slow-senders", seconds: each, classes: [], slow: { count: slowCount, deadlineMs } },
    ];

    child = fork(__filename, [], { env: { ...process.env, SOAK_ROLE: "load" }, serialization: "advanced" });
    const results: PhaseResult[] = [];
    for (const phase of phases) {
      const heapBeforeMB = await liveHeapMB();
      server.take();
      const input: LoadInput = { type: "phase", url: app.url, connections, valid, phase };
      const load = await ask(child, input, (phase.seconds + 20) * 1000 + deadlineMs);
      // Responses still being written when the load stopped.
      await sleep(200);
      results.push({ phase, load, server: server.take(), heapBeforeMB, heapAfterMB: await liveHeapMB() });
    }
    child.disconnect();

    const metricsUrl = app.metricsUrl ?? app.url.replace(/\/graphql$/, "/metrics");
    const metrics = await scrapeMetrics(metricsUrl, config.metrics.token);
    const still = await postJson(app.url, valid[0]?.body ?? "");
    const stillOk = still.status === 200 && still.text === valid[0]?.expect.body;
    clearInterval(rssTimer);
    const memory = { rssBeforeMB, rssPeakMB, rssAfterMB: mb(process.memoryUsage.rss()) };
    const limits = { p99LimitMs, heapLimitMB, deadlineMs, headersTimeoutMs: config.connections.headersTimeoutMs };
    return report({ seconds, connections, gc: gc !== undefined, ...limits }, results, metrics, memory, stillOk);
  } finally {
    clearInterval(rssTimer);
    child?.kill();
    await app.stop();
  }
}

/** Several classes' loads as one (the valid traffic of a phase, or one operation over all phases). */
function merged(name: string, kind: "valid" | "hostile", loads: readonly ClassLoad[]): ClassLoad {
  const out = newClassLoad(name, kind);
  for (const load of loads) {
    out.responses += load.responses;
    out.wrong += load.wrong;
    out.serverErrors += load.serverErrors;
    for (const [status, count] of Object.entries(load.statuses))
      out.statuses[status] = (out.statuses[status] ?? 0) + count;
    out.examples.push(...load.examples.slice(0, Math.max(0, 3 - out.examples.length)));
    for (const latency of load.latencies) out.latencies.push(latency);
  }
  return out;
}

function mergedServer(sides: ReadonlyArray<ServerSide | undefined>): ServerSide | undefined {
  const present = sides.filter((side): side is ServerSide => side !== undefined);
  if (present.length === 0) return undefined;
  return {
    requests: present.reduce((sum, s) => sum + s.requests, 0),
    serverErrors: present.reduce((sum, s) => sum + s.serverErrors, 0),
    maxMs: Math.max(...present.map(s => s.maxMs)),
    maxBytes: Math.max(...present.map(s => s.maxBytes)),
  };
}

const signed = (mb: number): string => `${mb >= 0 ? "+" : ""}${fmt(mb, 1)}`;

function report(
  settings: {
    seconds: number;
    connections: number;
    gc: boolean;
    p99LimitMs: number;
    heapLimitMB: number;
    deadlineMs: number;
    headersTimeoutMs: number;
  },
  results: readonly PhaseResult[],
  metrics: MetricsCheck,
  memory: { rssBeforeMB: number; rssPeakMB: number; rssAfterMB: number },
  stillOk: boolean,
): number {
  const out: string[] = [];
  const line = (text = "") => out.push(text);
  const failures: string[] = [];
  const columns: Array<[string, number]> = [
    ["phase", -17],
    ["class", -21],
    ["kind", -8],
    ["responses", 9],
    ["wrong", 6],
    ["5xx", 5],
    ["p50 ms", 8],
    ["p99 ms", 8],
    ["srv max ms", 11],
    ["max bytes", 10],
    ["heap Δ MB", 10],
  ];
  const row = (cells: readonly string[]) =>
    line(
      cells
        .map((cell, i) => (columns[i]![1] < 0 ? cell.padEnd(-columns[i]![1]) : cell.padStart(columns[i]![1])))
        .join(" ")
        .trimEnd(),
    );
  const classRow = (phase: string, load: ClassLoad, side: ServerSide | undefined, heap: string) => {
    const latencies = sorted(load.latencies);
    row([
      phase,
      load.name,
      load.kind,
      fmt(load.responses),
      fmt(load.wrong),
      fmt(Math.max(load.serverErrors, side?.serverErrors ?? 0)),
      fmt(percentile(latencies, 50), 1),
      fmt(percentile(latencies, 99), 1),
      side ? fmt(side.maxMs, 1) : "–",
      side ? fmt(side.maxBytes) : "–",
      heap,
    ]);
    for (const example of load.examples) line(`    e.g. ${example}`);
    if (load.wrong > 0) failures.push(`${phase}: ${load.wrong} ${load.name} responses were not as expected`);
    if (load.responses === 0) failures.push(`${phase}: no ${load.name} request was answered`);
    const fives = Math.max(load.serverErrors, side?.serverErrors ?? 0);
    if (fives > 0) failures.push(`${phase}: ${fives} ${load.name} responses with a 5xx status`);
  };

  const loaded = results.filter(r => r.phase.name !== "warm-up");
  const first = loaded[0];
  const last = loaded[loaded.length - 1];
  const total = results.reduce((sum, r) => sum + r.load.total, 0);
  const seconds = results.reduce((sum, r) => sum + r.load.durationS, 0);
  const errors = results.reduce((sum, r) => sum + r.load.errors, 0);
  const timeouts = results.reduce((sum, r) => sum + r.load.timeouts, 0);
  line(
    `soak: ${fmt(seconds, 0)} s in ${results.length} phases (warm-up, then ${loaded.length} with a hostile class ` +
      `each beside valid traffic), ${settings.connections} autocannon connections, loopback, production mode, ` +
      `GC ${settings.gc ? "exposed (live heap after a full GC)" : "NOT exposed: run with --expose-gc"}`,
  );
  line(
    `autocannon requests: ${fmt(total)} (${fmt(total / seconds, 0)}/s); connection errors ${errors}, timeouts ${timeouts}`,
  );
  line();
  row(columns.map(([name]) => name));
  for (const result of results) {
    const { phase, load, server } = result;
    const heap = signed(result.heapAfterMB - result.heapBeforeMB);
    const valid = load.classes.filter(c => c.kind === "valid");
    classRow(
      phase.name,
      merged(`valid (${valid.length} ops)`, "valid", valid),
      mergedServer(valid.map(c => server.get(c.name))),
      heap,
    );
    for (const klass of load.classes.filter(c => c.kind === "hostile")) {
      classRow(phase.name, klass, server.get(klass.name), heap);
    }
    const slow = load.slow;
    if (slow) {
      const times = sorted(slow.closeTimes);
      row([
        phase.name,
        "slow-senders",
        "hostile",
        fmt(slow.closed408),
        fmt(slow.closedOtherwise + slow.openPastDeadline),
        "–",
        fmt(percentile(times, 50), 1),
        fmt(percentile(times, 99), 1),
        "–",
        "–",
        heap,
      ]);
      for (const example of slow.examples) line(`    e.g. closed without a 408: ${example}`);
      line(
        `    ${phase.slow?.count ?? 0} at a time, trickling ${1000 / SLOW_BYTE_MS} header bytes a second; opened ${fmt(slow.opened)}, closed by the server with 408 ${fmt(slow.closed408)} ` +
          `(after ${fmt(percentile(times, 0), 0)}–${fmt(percentile(times, 100), 0)} ms; HEADERS_TIMEOUT_MS ` +
          `${settings.headersTimeoutMs}, deadline ${settings.deadlineMs} ms), closed otherwise ${slow.closedOtherwise}, ` +
          `still open past the deadline ${slow.openPastDeadline}`,
      );
      if (slow.closed408 === 0) failures.push("no slow sender was closed with 408");
      if (slow.closedOtherwise > 0) failures.push(`${slow.closedOtherwise} slow senders were closed without a 408`);
      if (slow.openPastDeadline > 0) {
        failures.push(
          `${slow.openPastDeadline} slow senders were still open ${settings.deadlineMs} ms after connecting`,
        );
      }
    }
  }
  line();
  // Each valid operation over the phases with hostile traffic beside it.
  for (const name of [
    ...new Set(loaded.flatMap(r => r.load.classes.filter(c => c.kind === "valid").map(c => c.name))),
  ]) {
    const loads = loaded.flatMap(r => r.load.classes.filter(c => c.name === name));
    classRow("all phases", merged(name, "valid", loads), mergedServer(loaded.map(r => r.server.get(name))), "");
  }
  line();

  const valid = sorted(loaded.flatMap(r => r.load.classes.filter(c => c.kind === "valid").flatMap(c => c.latencies)));
  const p99 = percentile(valid, 99);
  line(
    `valid traffic beside the hostile classes: ${fmt(valid.length)} responses, p50 ${fmt(percentile(valid, 50), 1)} ms, ` +
      `p99 ${fmt(p99, 1)} ms (limit ${settings.p99LimitMs} ms), max ${fmt(percentile(valid, 100), 1)} ms (client-side)`,
  );
  if (!(p99 <= settings.p99LimitMs)) failures.push(`valid p99 ${fmt(p99, 1)} ms is over ${settings.p99LimitMs} ms`);
  const growth = (last?.heapAfterMB ?? 0) - (first?.heapBeforeMB ?? 0);
  line(
    `live heap after GC: ${fmt(first?.heapBeforeMB ?? NaN, 1)} MB at the start of the first phase, ` +
      `${fmt(last?.heapAfterMB ?? NaN, 1)} MB at the end of the last: ${signed(growth)} MB (limit +${settings.heapLimitMB} MB); ` +
      `RSS ${fmt(memory.rssBeforeMB, 0)} MB before, peak ${fmt(memory.rssPeakMB, 0)} MB, ${fmt(memory.rssAfterMB, 0)} MB after`,
  );
  if (!settings.gc) failures.push("GC not exposed: the live heap was not measured (run with --expose-gc)");
  if (growth > settings.heapLimitMB) failures.push(`the live heap grew ${fmt(growth, 1)} MB`);
  line(
    `/metrics after the run: status ${metrics.status}, ${fmt(metrics.bytes)} bytes (limit ${fmt(MAX_METRICS_BYTES)}), ` +
      `longest label ${metrics.longestLabel} characters (limit ${MAX_LABEL}), ${metrics.operations} operation labels`,
  );
  if (metrics.status !== 200) failures.push(`/metrics answered ${metrics.status}`);
  if (metrics.bytes >= MAX_METRICS_BYTES) failures.push(`/metrics is ${fmt(metrics.bytes)} bytes`);
  if (metrics.longestLabel > MAX_LABEL) failures.push(`a metrics label is ${metrics.longestLabel} characters long`);
  if (errors > 0 || timeouts > 0)
    failures.push(`${errors} connection errors (${timeouts} timeouts) on the autocannon traffic`);
  if (!stillOk) failures.push("the service did not answer a normal query normally after the load");
  line();
  line(failures.length === 0 ? "PASS" : `FAIL:\n${failures.map(f => `  - ${f}`).join("\n")}`);
  process.stdout.write(`${out.join("\n")}\n`);
  return failures.length === 0 ? 0 : 1;
}

const fail = (error: unknown): never => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
};

if (process.env.SOAK_ROLE === "load") {
  // The load process: one phase at a time from the parent, one report back each; ends with the parent.
  process.on("message", input => {
    runPhase(input as LoadInput).then(result => process.send?.(result), fail);
  });
  process.once("disconnect", () => process.exit(0));
} else {
  main().then(code => process.exit(code), fail);
}
