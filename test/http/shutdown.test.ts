/**
 * Graceful shutdown, proved with a slow request: the compiled service (src/process.ts, exactly as
 * `npm start` and the Docker image run it, in production mode) over a repository whose country
 * list takes SLOW_MS. `npm test` builds dist/ before jest runs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";

import { ROOT, SEED_DIR } from "../support/harness";

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

/** Opens a TCP connection: resolves with the socket, or rejects with the error code (e.g. ECONNREFUSED). */
function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket));
    socket.once("error", (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
  });
}

/** Everything the server sends until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
    socket.once("end", () => resolve(text));
    socket.once("error", reject);
  });
}

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
      body: { data: { countries: { totalCount: 2 } }, extensions: { cost: { requested: 21, limit: 25000 } } },
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
});
