/**
 * What operators rely on: metrics, one log line per request, masked internal errors that carry a
 * request id matching the log, and the production defaults (no IDE, no introspection, no field
 * suggestions) with their switches.
 */
import type { App } from "../../src/app";
import { loadConfig } from "../../src/config/config";
import type { NodeTypename } from "../../src/domain/records";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import type { ListQuery } from "../../src/repository/repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { capturingLogger, startTestServer } from "../support/server";

async function post(app: App, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const body: unknown = await response.json();
  return { status: response.status, requestId: response.headers.get("x-request-id"), body };
}

/** A repository whose country list fails the way a broken database would. */
class FailingRepository extends InMemoryRepository {
  override list<K extends NodeTypename>(type: K, queries: ReadonlyArray<ListQuery<K>>) {
    if (type === "Country") throw new Error("connection to /var/run/postgresql/.s.PGSQL.5432 refused");
    return super.list(type, queries);
  }
}

describe("metrics and logs", () => {
  const { logger, lines } = capturingLogger();
  let app: App;
  beforeAll(async () => {
    app = await startTestServer({}, new FailingRepository(loadSeed({ seedDir: SEED_DIR })), logger);
  });
  afterAll(() => app.stop());

  test("a request is logged once, with id, operation, status, outcome and duration", async () => {
    lines.length = 0;
    const result = await post(app, 'query OneLeader { leader(id: "leader:abdullah-ii") { name } }', {
      "x-request-id": "req-123",
    });
    expect(result).toEqual({
      status: 200,
      requestId: "req-123",
      body: {
        data: { leader: { name: "Abdullah II ibn Al Hussein" } },
        extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
      },
    });
    const logged = lines.filter(line => line.msg === "request");
    expect(logged).toEqual([
      expect.objectContaining({
        level: 30,
        requestId: "req-123",
        method: "POST",
        path: "/graphql",
        status: 200,
        operationName: "OneLeader",
        outcome: "success",
        durationMs: expect.any(Number) as unknown,
      }),
    ]);
  });

  test("an internal error is masked for the client and logged with its cause and the same request id", async () => {
    lines.length = 0;
    const result = await post(app, "query Broken { countries { totalCount } }");
    expect(result).toEqual({
      status: 200,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      body: {
        data: null,
        errors: [
          {
            message: "Internal server error",
            locations: [{ line: 1, column: 16 }],
            path: ["countries"],
            extensions: { code: "INTERNAL_SERVER_ERROR", requestId: result.requestId },
          },
        ],
        extensions: { cost: { requested: 3, actual: 0, limit: 25000 } },
      },
    });
    expect(JSON.stringify(result.body)).not.toMatch(/postgresql|\.ts|at /);
    const errorLine = lines.find(line => line.msg === "internal error while executing an operation");
    expect(errorLine).toEqual(
      expect.objectContaining({
        level: 50,
        requestId: result.requestId,
        operationName: "Broken",
        path: ["countries"],
        err: expect.objectContaining({
          message: "connection to /var/run/postgresql/.s.PGSQL.5432 refused",
        }) as unknown,
      }),
    );
    expect(lines.find(line => line.msg === "request")).toEqual(
      expect.objectContaining({ requestId: result.requestId, outcome: "server_error", operationName: "Broken" }),
    );
  });

  test("/metrics counts requests by operation and outcome, with process metrics", async () => {
    await post(app, "query Counted { leaders { totalCount } }");
    await post(app, "query Counted { leaders { totalCount } }");
    await post(app, "query Counted { leaders(first: 0) { totalCount } }");
    const response = await fetch(app.url.replace("/graphql", "/metrics"));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^graphql_requests_total\{operation="Counted",outcome="success"\} 2$/m);
    expect(text).toMatch(/^graphql_requests_total\{operation="Counted",outcome="client_error"\} 1$/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="Counted",outcome="success"\} 2$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });
});

describe("production mode", () => {
  const INTROSPECTION = "query Introspect { __schema { queryType { name } } }";

  test("has no IDE, no introspection and no field suggestions by default", async () => {
    const app = await startTestServer({ NODE_ENV: "production" });
    try {
      // A browser opening the URL is told the IDE is off (not shown a CSRF error).
      const page = await fetch(app.url, { headers: { accept: "text/html" } });
      expect({ status: page.status, type: page.headers.get("content-type"), body: await page.text() }).toEqual({
        status: 404,
        type: "text/html; charset=utf-8",
        body:
          '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>bilateral-graph</title></head>\n' +
          "<body><p>The GraphQL IDE is disabled on this server. Send GraphQL requests here as POST with a JSON body.</p></body></html>\n",
      });
      expect(await post(app, INTROSPECTION)).toEqual({
        status: 400,
        requestId: expect.any(String) as unknown,
        body: {
          errors: [
            {
              message:
                "GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production",
              locations: [{ line: 1, column: 20 }],
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            },
          ],
        },
      });
      expect(await post(app, "query Typo { countrie { totalCount } }")).toEqual({
        status: 400,
        requestId: expect.any(String) as unknown,
        body: {
          errors: [
            {
              message: 'Cannot query field "countrie" on type "Query".',
              locations: [{ line: 1, column: 14 }],
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            },
          ],
        },
      });
    } finally {
      await app.stop();
    }
  });

  test("serves the IDE and introspection when switched on", async () => {
    const app = await startTestServer({ NODE_ENV: "production", ENABLE_IDE: "true", ENABLE_INTROSPECTION: "true" });
    try {
      const page = await fetch(app.url, { headers: { accept: "text/html", "accept-encoding": "gzip" } });
      const html = await page.text();
      expect([page.status, page.headers.get("content-type"), page.headers.get("content-encoding")]).toEqual([
        200,
        "text/html",
        "gzip",
      ]);
      expect(html).toContain("<title>bilateral-graph — GraphiQL</title>");
      expect(html).toContain("query BilateralSummary");
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
      expect(await post(app, INTROSPECTION)).toEqual({
        status: 200,
        requestId: expect.any(String) as unknown,
        body: {
          data: { __schema: { queryType: { name: "Query" } } },
          extensions: { cost: { requested: 3, actual: 3, limit: 25000 } },
        },
      });
      const typo = await post(app, "query Typo { countrie { totalCount } }");
      expect(typo.body).toEqual({
        errors: [
          {
            message: 'Cannot query field "countrie" on type "Query". Did you mean "countries", "country", or "source"?',
            locations: [{ line: 1, column: 14 }],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          },
        ],
      });
    } finally {
      await app.stop();
    }
  });

  test("the IDE page is cached by browsers: ETag, no-cache, 304 when unchanged", async () => {
    const app = await startTestServer({ NODE_ENV: "production", ENABLE_IDE: "true", ENABLE_INTROSPECTION: "true" });
    try {
      const headersOf = (response: Response) => ({
        status: response.status,
        etag: response.headers.get("etag"),
        cacheControl: response.headers.get("cache-control"),
        vary: response.headers.get("vary"),
        encoding: response.headers.get("content-encoding"),
      });
      const first = await fetch(app.url, { headers: { accept: "text/html" } });
      const etag = first.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect((await first.text()).length).toBeGreaterThan(1_000_000);
      expect(headersOf(first)).toEqual({
        status: 200,
        etag,
        cacheControl: "no-cache",
        vary: "accept-encoding",
        // fetch asks for gzip (and unzips the body).
        encoding: "gzip",
      });
      const again = await fetch(app.url, { headers: { accept: "text/html", "if-none-match": etag } });
      expect({ ...headersOf(again), body: await again.text() }).toEqual({
        status: 304,
        etag,
        cacheControl: "no-cache",
        vary: "accept-encoding",
        encoding: null,
        body: "",
      });
      const stale = await fetch(app.url, { headers: { accept: "text/html", "if-none-match": '"old"' } });
      expect(headersOf(stale).status).toBe(200);
      await stale.text();
    } finally {
      await app.stop();
    }
  });

  test("refuses a switch that is not true or false, naming it", () => {
    expect(() => loadConfig({ NODE_ENV: "production", ENABLE_IDE: "yes" })).toThrow(
      'Invalid configuration:\n  - ENABLE_IDE must be true or false, got "yes"',
    );
  });
});
