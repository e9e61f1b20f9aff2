/**
 * Connection hygiene: what a slow, greedy or vanishing client gets, and what it costs the service.
 * Header and receive timeouts, the connection and header caps, an oversized body (the connection is
 * closed, not drained), a client that goes away mid-body (logged once as `aborted`, at info), and a
 * request already received on an idle keep-alive connection when stopping starts (answered).
 */
import type { Socket } from "node:net";

import type { App } from "../../src/app";
import { openSocket, parseResponse, rawRequest, untilClosed } from "../support/sockets";
import { capturingLogger, startTestServer } from "../support/server";

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const portOf = (app: App) => Number(new URL(app.url).port);

const LEADER = JSON.stringify({ query: 'query Leader { leader(id: "leader:abdullah-ii") { name } }' });
const LEADER_ANSWER = {
  data: { leader: { name: "Abdullah II ibn Al Hussein" } },
  extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
};

async function stillServes(app: App): Promise<void> {
  const response = await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: LEADER,
  });
  expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
    status: 200,
    body: LEADER_ANSWER,
  });
}

const opened: Socket[] = [];
const open = async (app: App): Promise<Socket> => {
  const socket = await openSocket(portOf(app));
  opened.push(socket);
  return socket;
};
afterEach(() => {
  for (const socket of opened.splice(0)) socket.destroy();
});

describe("timeouts and caps", () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestServer({
      HEADERS_TIMEOUT_MS: "400",
      RECEIVE_TIMEOUT_MS: "800",
      MAX_CONNECTIONS: "30",
      MAX_HEADER_BYTES: "4096",
      MAX_BODY_BYTES: "2000",
    });
  });
  afterAll(() => app.stop());

  test("twenty connections trickling partial headers are each answered 408 and closed at HEADERS_TIMEOUT_MS", async () => {
    const sockets = await Promise.all(Array.from({ length: 20 }, () => open(app)));
    const ends = sockets.map(untilClosed);
    for (const socket of sockets) socket.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    const results = await Promise.all(ends);
    expect(results.map(r => parseResponse(r.text).status)).toEqual(sockets.map(() => "HTTP/1.1 408 Request Timeout"));
    await stillServes(app);
  });

  test("a body sent too slowly is cut at RECEIVE_TIMEOUT_MS with 408", async () => {
    const socket = await open(app);
    const end = untilClosed(socket);
    socket.write(rawRequest("POST", "/graphql", { "Content-Type": "application/json", "Content-Length": 500 }, '{"q'));
    expect(parseResponse((await end).text).status).toBe("HTTP/1.1 408 Request Timeout");
    await stillServes(app);
  });

  test("connections past MAX_CONNECTIONS are closed at once, and served again once others close", async () => {
    // 30 connections held open with a request begun; the 31st is closed without an answer.
    const held = await Promise.all(Array.from({ length: 30 }, () => open(app)));
    for (const socket of held) socket.write("GET /health/live HTTP/1.1\r\n");
    await sleep(50);
    const extra = await open(app);
    const refused = await untilClosed(extra);
    expect(refused.text).toBe("");
    for (const socket of held) socket.destroy();
    await sleep(50);
    await stillServes(app);
  });

  test("headers over MAX_HEADER_BYTES are 431", async () => {
    const socket = await open(app);
    const end = untilClosed(socket);
    socket.write(rawRequest("GET", "/health/live", { "X-Big": "x".repeat(5000) }));
    expect(parseResponse((await end).text).status).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    await stillServes(app);
  });

  test("an oversized chunked body is answered 413 and the connection closed, not drained", async () => {
    const socket = await open(app);
    const end = untilClosed(socket);
    socket.write(
      rawRequest("POST", "/graphql", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }),
    );
    // Up to 200 chunks of 1,000 bytes, 10 ms apart (2 s): the server stops reading after the 3rd.
    let sent = 0;
    let closed = false;
    void end.then(() => (closed = true));
    while (sent < 200 && !closed) {
      socket.write(`3e8\r\n${"x".repeat(1000)}\r\n`);
      sent++;
      await sleep(10);
    }
    const { text } = await end;
    const response = parseResponse(text);
    expect({
      status: response.status,
      connection: response.headers.connection,
      body: JSON.parse(response.body) as unknown,
    }).toEqual({
      status: "HTTP/1.1 413 Payload Too Large",
      connection: "close",
      body: {
        errors: [{ message: "The request body is larger than 2000 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
      },
    });
    expect(sent).toBeLessThan(200);
    await stillServes(app);
  });
});

describe("a client that goes away mid-body", () => {
  test("is logged once, at info, with the outcome aborted, and counted apart in metrics", async () => {
    const { logger, lines } = capturingLogger();
    const app = await startTestServer({}, undefined, logger);
    try {
      const socket = await open(app);
      const closed = untilClosed(socket);
      socket.write(
        rawRequest(
          "POST",
          "/graphql",
          { "Content-Type": "application/json", "Content-Length": 1000, "X-Request-Id": "abort-1" },
          '{"query":',
        ),
      );
      await sleep(50);
      socket.destroy();
      await closed;
      for (let i = 0; i < 100 && !lines.some(l => l.requestId === "abort-1"); i++) await sleep(10);
      const mine = lines.filter(l => l.requestId === "abort-1");
      expect(
        mine.map(({ level, msg, outcome, path, completed }) => ({ level, msg, outcome, path, completed })),
      ).toEqual([{ level: 30, msg: "request", outcome: "aborted", path: "/graphql", completed: false }]);
      expect(lines.filter(l => Number(l.level) >= 50)).toEqual([]);
      const metrics = await (await fetch(app.url.replace("/graphql", "/metrics"))).text();
      expect(metrics).toMatch(/^graphql_requests_total\{operation="anonymous",outcome="aborted"\} 1$/m);
    } finally {
      await app.stop();
    }
  });
});

describe("stopping", () => {
  test("a request already received on an idle keep-alive connection when stopping starts is answered, with Connection: close", async () => {
    const app = await startTestServer();
    const socket = await open(app);
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const end = untilClosed(socket);
    socket.write(rawRequest("GET", "/health/live", {}));
    for (let i = 0; i < 200 && !received.endsWith('{"status":"ok"}'); i++) await sleep(5);
    received = "";

    // The request's bytes reach the server while this (shared) process is busy; stopping starts
    // before the server had a turn to read them, as when SIGTERM and a request arrive together.
    socket.write(
      rawRequest("POST", "/graphql", { "Content-Type": "application/json", "Content-Length": LEADER.length }, LEADER),
    );
    const until = Date.now() + 50;
    while (Date.now() < until) {
      // busy: the bytes wait in the server's socket
    }
    const stopped = app.stop();

    const { error } = await end;
    const response = parseResponse(received);
    expect({
      error,
      status: response.status,
      connection: response.headers.connection,
      body: JSON.parse(response.body || "null") as unknown,
    }).toEqual({ error: null, status: "HTTP/1.1 200 OK", connection: "close", body: LEADER_ANSWER });
    await stopped;
  });
});
