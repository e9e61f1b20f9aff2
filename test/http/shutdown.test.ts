/**
 * Graceful shutdown, proved with a slow request: the compiled service (src/process.ts, exactly as
 * `npm start` and the Docker image run it, in production mode) over a repository whose country
 * list takes SLOW_MS. `npm test` builds dist/ before jest runs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { ROOT, SEED_DIR } from "../support/harness";
import { openSocket, readAll } from "../support/sockets";

const SLOW_SERVICE = join(ROOT, "dist", "test", "support", "slow-service.js");
const SLOW_QUERY = JSON.stringify({ query: "query Slow { countries { totalCount } }" });

beforeAll(() => {
  if (!existsSync(SLOW_SERVICE)) {
    throw new Error(`${SLOW_SERVICE} is missing: run \`npm run build\` (npm test does) before jest`);
  }
});

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Date.now() when the process exited. */
  readonly at: number;
}

interface Service {
  readonly child: ChildProcess;
  readonly exit: Promise<Exit>;
  /** The JSON log (stdout). */
  readonly output: () => string;
  readonly stderr: () => string;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function start(env: Record<string, string>): Service {
  const child = spawn(process.execPath, [SLOW_SERVICE], {
    // Production mode, as in the Docker image: Apollo Server's own signal handling is active there.
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      SEED_DIR,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<Exit>(resolve =>
    child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, exit, output: () => output, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor(output: () => string, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  for (let i = 0; i < 400; i++) {
    const match = pattern.exec(output());
    if (match) return match;
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  throw new Error(`the service did not report ${what}; output so far:\n${output()}`);
}

/** Waits until the slow request is inside the repository, then ~200 ms more. */
async function waitUntilInFlight(service: Service): Promise<void> {
  await waitFor(service.stderr, /slow-service: listing countries/, "the slow request");
  await sleep(200);
}

const logLines = (output: string): Array<Record<string, unknown>> =>
  output
    .split("\n")
    .filter(line => line.startsWith("{"))
    .map(line => JSON.parse(line) as Record<string, unknown>);

describe("graceful shutdown", () => {
  test("SIGTERM lets an in-flight request finish, refuses new connections, reports not ready, exits 0", async () => {
    const service = start({ SLOW_MS: "1500", SHUTDOWN_GRACE_MS: "10000" });
    const url = new URL((await waitFor(service.output, /"url":"([^"]+)"/, "its URL"))[1] ?? "");
    const port = Number(url.port);

    // A connection whose request has begun (headers not finished) is not idle, so it survives
    // server.close(); finishing it after SIGTERM shows what /health/ready answers while stopping.
    const health = await openSocket(port);
    const healthResponse = readAll(health);
    health.write("GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");

    const slow = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: SLOW_QUERY });
    await waitUntilInFlight(service);
    service.child.kill("SIGTERM");
    await waitFor(service.output, /"msg":"shutting down: finishing in-flight requests"/, "that it is shutting down");

    await expect(openSocket(port)).rejects.toThrow("ECONNREFUSED");

    health.end("\r\n");
    const ready = await healthResponse;
    expect({ status: ready.split("\r\n")[0], body: ready.split("\r\n\r\n")[1] }).toEqual({
      status: "HTTP/1.1 503 Service Unavailable",
      body: '{"status":"stopping"}',
    });

    const response = await slow;
    expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
      status: 200,
      body: { data: { countries: { totalCount: 2 } }, extensions: { cost: { requested: 3, actual: 2, limit: 25000 } } },
    });

    const exit = await service.exit;
    expect([exit.code, exit.signal]).toEqual([0, null]);
    // Everything logged after start-up, in order.
    const logged = logLines(service.output());
    const lines = logged
      .slice(logged.findIndex(line => String(line.msg).startsWith("bilateral-graph serving GraphQL at ")) + 1)
      .map(({ msg, signal, graceMs, path, status, operationName }) => ({
        msg,
        signal,
        graceMs,
        path,
        status,
        operationName,
      }));
    expect(lines).toEqual([
      { msg: "shutting down: finishing in-flight requests", signal: "SIGTERM", graceMs: 10000 },
      { msg: "request", path: "/health/ready", status: 503, operationName: null },
      { msg: "request", path: "/graphql", status: 200, operationName: "Slow" },
      { msg: "stopped" },
    ]);
  });

  test("a request longer than SHUTDOWN_GRACE_MS is cut off and the process still exits 0 within the grace period", async () => {
    const service = start({ SLOW_MS: "3000", SHUTDOWN_GRACE_MS: "300" });
    const url = (await waitFor(service.output, /"url":"([^"]+)"/, "its URL"))[1] ?? "";

    const slow = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: SLOW_QUERY }).then(
      response => `HTTP ${response.status}`,
      (error: Error) => error.message,
    );
    await waitUntilInFlight(service);
    const signalled = Date.now();
    service.child.kill("SIGTERM");

    const exit = await service.exit;
    const elapsed = exit.at - signalled;
    expect([exit.code, exit.signal]).toEqual([0, null]);
    // It waited for the grace period, and not for the request (which would end 2800 ms after SIGTERM).
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(await slow).toBe("fetch failed");
    expect(service.output()).toMatch(
      /"msg":"shutting down: finishing in-flight requests"[^\n]*\n(.*\n)*.*"msg":"stopped"/,
    );
    expect(service.output()).not.toMatch(/"operationName":"Slow"/);
  });

  test("a request that reached an idle keep-alive connection while the process was busy is answered, not reset", async () => {
    const service = start({ BUSY_MS: "1500", SHUTDOWN_GRACE_MS: "10000" });
    const url = new URL((await waitFor(service.output, /"url":"([^"]+)"/, "its URL"))[1] ?? "");
    const port = Number(url.port);

    // An idle keep-alive connection: one request answered, the connection left open.
    const keepAlive = await openSocket(port);
    let received = "";
    keepAlive.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise<void>((resolve, reject) => {
      keepAlive.once("end", resolve);
      keepAlive.once("error", reject);
    });
    keepAlive.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await waitFor(() => received, /\{"status":"ok"\}$/, "the first answer on the keep-alive connection");
    received = "";

    // The process goes busy (its event loop blocked for 1.5 s) …
    const busy = fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Busy { cities { totalCount } }" }),
    });
    await waitFor(service.stderr, /slow-service: busy for 1500 ms/, "the busy request");
    // … and meanwhile SIGTERM comes, then a request on the idle connection. Which of the two the
    // process handles first when its loop frees is up to the kernel; either way the request is
    // answered (test/http/connections.test.ts pins the signal-first order in-process).
    service.child.kill("SIGTERM");
    await sleep(200);
    const body = JSON.stringify({ query: 'query Leader { leader(id: "leader:abdullah-ii") { name } }' });
    keepAlive.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );

    await ended;
    const [head = "", answer] = received.split("\r\n\r\n");
    expect({
      status: head.split("\r\n")[0],
      connection: /^connection: (close|keep-alive)$/im.test(head),
      body: JSON.parse(answer ?? "null") as unknown,
    }).toEqual({
      status: "HTTP/1.1 200 OK",
      connection: true,
      body: {
        data: { leader: { name: "Abdullah II ibn Al Hussein" } },
        extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
      },
    });
    expect((await busy).status).toBe(200);
    const exit = await service.exit;
    expect([exit.code, exit.signal]).toEqual([0, null]);
  });
});
