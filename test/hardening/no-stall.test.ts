/**
 * No single request can stall, crash or bloat the service: one row per class of request found to
 * hurt the whole process, each at sizes up to the body limit, against a production-mode instance
 * (introspection off, ROUTER_SECRET set, METRICS_TOKEN set). Each asserts the status, the code, a
 * bounded answer, and that the next valid request is answered normally. Time is not asserted here
 * (benchmarks measure it: `npm run soak` runs these classes beside valid traffic); what is asserted
 * is the shape that keeps the work linear — a capped number of errors, each a bounded message.
 */
import { ApolloServer } from "@apollo/server";
import { parse } from "graphql";

import type { App } from "../../src/app";
import { createContext, type GraphContext } from "../../src/graphql/base/context";
import { createCostCache, operationChecksPlugin } from "../../src/graphql/limits";
import { buildServiceSchema } from "../../src/graphql/schema";
import { repeatedFields } from "../../src/graphql/repeated-fields";
import { MAX_MESSAGE_CHARS } from "../../src/graphql/variables";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { codesOf, errorsOf, internalsIn, postJson, type RawResponse, send } from "../support/hostile";
import { startTestServer } from "../support/server";

const MAX_BODY_BYTES = 100_000;
const METRICS_TOKEN = "metrics-token-0123456789";
const PRODUCTION = {
  NODE_ENV: "production",
  ROUTER_SECRET: "router-secret-0123456789",
  METRICS_TOKEN,
  MAX_BODY_BYTES: String(MAX_BODY_BYTES),
};

const NORMAL = { query: 'query Normal { country(code: "JO") { name } }' };
const NORMAL_ANSWER = {
  data: { country: { name: "Jordan" } },
  extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
};

async function expectStillServes(app: App): Promise<void> {
  const live = await send(app.url.replace("/graphql", "/health/live"));
  expect({ status: live.status, body: live.json }).toEqual({ status: 200, body: { status: "ok" } });
  const response = await postJson(app.url, NORMAL);
  expect({ status: response.status, body: response.json }).toEqual({ status: 200, body: NORMAL_ANSWER });
}

/** Status, one code on every error, a bounded body, nothing internal; then the service still serves. */
async function expectBounded(
  app: App,
  response: RawResponse,
  expected: { status: number; code: string; maxBytes: number },
): Promise<void> {
  expect({
    status: response.status,
    codes: [...new Set(codesOf(response.json))],
    bounded: response.text.length <= expected.maxBytes,
  }).toEqual({ status: expected.status, codes: [expected.code], bounded: true });
  expect(internalsIn(response.text)).toBeNull();
  await expectStillServes(app);
}

/** A JSON object with `count` keys k0, k1, …, each mapped to "". */
const manyKeys = (count: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, ""]));

/** As many keys as fit a body of about `bytes`. */
const keysFor = (bytes: number) => Math.floor(bytes / 11);

let app: App;
beforeAll(async () => {
  app = await startTestServer(PRODUCTION);
});
afterAll(() => app.stop());

describe("1. work linear in the input: variables", () => {
  const FILTER = "query Countries($filter: CountryFilter) { countries(filter: $filter) { totalCount } }";

  test("a filter variable with thousands of unknown keys, at the body limit: 10 short errors", async () => {
    const body = JSON.stringify({ query: FILTER, variables: { filter: manyKeys(keysFor(MAX_BODY_BYTES - 300)) } });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES - 2000);
    const response = await postJson(app.url, body);
    expect(errorsOf(response.json)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({
        message: `Variable "$filter" got invalid value { k0: "", k1: "", k2: "", k3: "", k4: "", k5: "", k6: "", k…; Field "k${i}" is not defined by type "CountryFilter".`,
        locations: [{ line: 1, column: 17 }],
        extensions: { code: "BAD_USER_INPUT" },
      })),
    );
    await expectBounded(app, response, { status: 400, code: "BAD_USER_INPUT", maxBytes: 3_000 });
  });

  test("the same keys inside a list of input objects, and a list of 20,000 invalid items: 10 errors each", async () => {
    const many = await postJson(app.url, {
      query: "query B($c: [CountryCode!]!) { bilateralRelations(countries: $c) { countries { code } } }",
      variables: { c: Array.from({ length: 20_000 }, () => 1) },
    });
    expect(errorsOf(many.json).length).toBe(10);
    await expectBounded(app, many, { status: 400, code: "BAD_USER_INPUT", maxBytes: 3_000 });

    const nested = await postJson(app.url, {
      query: "query M($f: MeetingFilter) { meetings(filter: $f) { totalCount } }",
      variables: { f: { date: manyKeys(keysFor(MAX_BODY_BYTES - 400)) } },
    });
    expect(errorsOf(nested.json).length).toBe(10);
    await expectBounded(app, nested, { status: 400, code: "BAD_USER_INPUT", maxBytes: 3_000 });
  });

  test("a long invalid string is quoted only as a short preview; every message is bounded", async () => {
    const response = await postJson(app.url, {
      query: "query C($code: CountryCode!) { country(code: $code) { name } }",
      variables: { code: "Z".repeat(MAX_BODY_BYTES - 200) },
    });
    const messages = errorsOf(response.json).map(e => String(e.message));
    expect(messages.length).toBe(1);
    expect(messages[0]?.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(messages[0]).toMatch(
      /^Variable "\$code" got invalid value "Z{58}…; Value is not a valid country code: Z+…$/,
    );
    await expectBounded(app, response, { status: 400, code: "BAD_USER_INPUT", maxBytes: MAX_MESSAGE_CHARS + 200 });
  });
});

describe("2. caches bounded in bytes, keyed on declared variables only", () => {
  const schema = buildServiceSchema();
  const data = loadSeed({ seedDir: SEED_DIR });
  const repository = new InMemoryRepository(data);

  async function withChecks(cacheBytes: number, run: (apollo: ApolloServer<GraphContext>) => Promise<void>) {
    const costs = createCostCache(cacheBytes);
    const apollo = new ApolloServer<GraphContext>({
      schema,
      plugins: [
        operationChecksPlugin(
          schema,
          { maxCost: 25_000, maxVariableErrors: 10, costCacheBytes: cacheBytes, hideSuggestions: true },
          costs,
        ),
      ],
    });
    await apollo.start();
    try {
      await run(apollo);
    } finally {
      await apollo.stop();
    }
    return costs;
  }
  const execute = (apollo: ApolloServer<GraphContext>, query: string, variables: Record<string, unknown>) =>
    apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(repository, { id: "t", operationName: null, internalError: false }) },
    );

  test("500 unique operations and variables leave the cost cache within its bytes", async () => {
    const costs = await withChecks(4_096, async apollo => {
      for (let i = 0; i < 500; i++) {
        const response = await execute(
          apollo,
          `# run ${i}\nquery Areas($first: Int) { cooperationAreas(first: $first) { totalCount } }`,
          { first: (i % 100) + 1, [`unused${i}`]: "x".repeat(1000) },
        );
        expect(response.body.kind === "single" && response.body.singleResult.errors).toBe(undefined);
      }
    });
    expect(costs?.calculatedSize).toBeLessThanOrEqual(4_096);
    // Keys are the repository's number, Apollo's 64-character query hash, the operation name and
    // "first=N;": 97–99 bytes an entry.
    expect(costs?.size).toBe(Math.floor(4_096 / 99));
  });

  test("the cached cost follows what variables change of it: page sizes, list lengths, @include", async () => {
    const query =
      "query Areas($first: Int, $ids: [ID!]!, $more: Boolean!) { cooperationAreas(first: $first) { totalCount } nodes(ids: $ids) @include(if: $more) { id } }";
    const costOf = async (apollo: ApolloServer<GraphContext>, variables: Record<string, unknown>) => {
      const response = await execute(apollo, query, variables);
      return response.body.kind === "single" ? response.body.singleResult.extensions?.cost : undefined;
    };
    const seen: unknown[] = [];
    const costs = await withChecks(100_000, async apollo => {
      for (const variables of [
        { first: 5, ids: ["area:nuclear"], more: true },
        { first: 50, ids: ["area:nuclear"], more: true },
        { first: 5, ids: ["area:nuclear", "area:energy", "x"], more: true },
        { first: 5, ids: ["a", "b", "c"], more: true },
        { first: 5, ids: ["area:nuclear"], more: false },
      ])
        seen.push(await costOf(apollo, variables));
    });
    // cooperationAreas: 1 + min(first, 16 areas) × 1 (totalCount); nodes, when included: 1 + ids × 1 (id).
    // Actual: cooperationAreas 1 + totalCount 1 (no items selected); nodes 1 + 1 per id found.
    expect(seen).toEqual([
      { requested: 1 + 5 + 1 + 1, actual: 2 + 2, limit: 25000 },
      { requested: 1 + 16 + 1 + 1, actual: 2 + 2, limit: 25000 },
      { requested: 1 + 5 + 1 + 3, actual: 2 + 2, limit: 25000 },
      { requested: 1 + 5 + 1 + 3, actual: 2 + 1, limit: 25000 },
      { requested: 1 + 5, actual: 2, limit: 25000 },
    ]);
    expect(costs?.size).toBe(4);
  });

  test("the cached cost follows the repository: a store with other bounds has costs of its own", async () => {
    const fewer = new InMemoryRepository({ ...data, cooperationAreas: data.cooperationAreas.slice(0, 3) });
    const costOver = async (apollo: ApolloServer<GraphContext>, store: InMemoryRepository) => {
      const response = await apollo.executeOperation(
        { query: "query Areas { cooperationAreas(first: 50) { totalCount } }" },
        { contextValue: createContext(store, { id: "t", operationName: null, internalError: false }) },
      );
      return response.body.kind === "single" ? response.body.singleResult.extensions?.cost : undefined;
    };
    const seen: unknown[] = [];
    const costs = await withChecks(100_000, async apollo => {
      for (const store of [repository, fewer, repository]) seen.push(await costOver(apollo, store));
    });
    // 1 + min(50, 16 areas) × 1, then 1 + min(50, 3 areas) × 1, then the first again, from the cache.
    expect({ seen, cached: costs?.size }).toEqual({
      seen: [
        { requested: 17, actual: 2, limit: 25000 },
        { requested: 4, actual: 2, limit: 25000 },
        { requested: 17, actual: 2, limit: 25000 },
      ],
      cached: 2,
    });
  });

  test("undeclared variables are ignored: they neither change the key nor reach execution", async () => {
    const costs = await withChecks(100_000, async apollo => {
      for (const extra of ["a", "b".repeat(50_000), "c"]) {
        const response = await execute(apollo, "query C($code: CountryCode!) { country(code: $code) { name } }", {
          code: "KZ",
          undeclared: extra,
        });
        expect(response.body.kind === "single" && response.body.singleResult).toEqual({
          data: { country: { name: "Kazakhstan" } },
          extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
        });
      }
    });
    expect(costs?.size).toBe(1);
  });

  test("over HTTP: unique 95 kB undeclared variables under changing documents are answered normally", async () => {
    for (let i = 0; i < 20; i++) {
      const response = await postJson(app.url, {
        query: `# ${i}\n${NORMAL.query}`,
        variables: { pad: `${i}${"x".repeat(MAX_BODY_BYTES - 500)}` },
      });
      expect({ status: response.status, body: response.json }).toEqual({ status: 200, body: NORMAL_ANSWER });
    }
    await expectStillServes(app);
  });
});

describe("3. metrics safe by construction", () => {
  const metricsUrl = () => app.url.replace("/graphql", "/metrics");
  const scrape = async () => {
    const response = await send(metricsUrl(), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text;
  };
  const labels = (text: string) =>
    [...text.matchAll(/^graphql_requests_total\{operation="([^"]*)",outcome="([^"]*)"\} (\d+)$/gm)].map(m => m[1]);

  test("/metrics needs the bearer token: 401 UNAUTHENTICATED without it or with another", async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: "Bearer wrong-token-0123456789" },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of attempts) {
      const response = await send(metricsUrl(), { headers });
      expect({ status: response.status, body: response.json, auth: response.headers.get("www-authenticate") }).toEqual({
        status: 401,
        body: {
          errors: [
            {
              message: "Metrics need `Authorization: Bearer <METRICS_TOKEN>`.",
              extensions: { code: "UNAUTHENTICATED" },
            },
          ],
        },
        auth: 'Bearer realm="metrics"',
      });
    }
  });

  test("names of requests that never parsed or validated are no labels; long names are cut to 64 characters", async () => {
    const long = "N".repeat(45_000);
    for (let i = 0; i < 20; i++) {
      const broken = await postJson(app.url, { query: `query ${long}${i} {`, operationName: `${long}${i}` });
      expect(broken.status).toBe(400);
      const invalid = await postJson(app.url, { query: `query ${long}${i} { nope }`, operationName: `${long}${i}` });
      expect(invalid.status).toBe(400);
    }
    const named = await postJson(app.url, { query: `query ${"L".repeat(200)} { __typename }` });
    expect(named.status).toBe(200);
    const text = await scrape();
    expect(labels(text).filter(l => l?.startsWith("NNN"))).toEqual([]);
    expect(labels(text).filter(l => l?.startsWith("L"))).toEqual([`${"L".repeat(63)}…`]);
    expect(text.length).toBeLessThan(200_000);
  });

  test("event-loop lag is exported, so a stall shows", async () => {
    expect(await scrape()).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });

  test("in production without a token, /metrics is not served on the public port", async () => {
    const open = await startTestServer({ NODE_ENV: "production" });
    try {
      const response = await send(open.url.replace("/graphql", "/metrics"));
      expect({ status: response.status, codes: codesOf(response.json) }).toEqual({ status: 404, codes: ["NOT_FOUND"] });
    } finally {
      await open.stop();
    }
  });

  test("with METRICS_PORT, /metrics is served there and only there", async () => {
    const apart = await startTestServer({ NODE_ENV: "production", METRICS_PORT: "0" });
    try {
      expect(apart.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const there = await send(apart.metricsUrl ?? "");
      expect({ status: there.status, hasRequests: /^# HELP graphql_requests_total /m.test(there.text) }).toEqual({
        status: 200,
        hasRequests: true,
      });
      const elsewhere = await send((apart.metricsUrl ?? "").replace("/metrics", "/graphql"));
      expect({ status: elsewhere.status, codes: codesOf(elsewhere.json) }).toEqual({
        status: 404,
        codes: ["NOT_FOUND"],
      });
      const publicPort = await send(apart.url.replace("/graphql", "/metrics"));
      expect(publicPort.status).toBe(404);
    } finally {
      await apart.stop();
    }
  });
});

describe("4. nothing recursive runs on client input of unbounded depth", () => {
  const DEPTH_MESSAGE = "The request body nests arrays and objects more than 32 levels deep.";

  test("an undeclared variable nested 4,200 arrays deep is 400 BAD_REQUEST naming the limit", async () => {
    const response = await postJson(
      app.url,
      `{"query":"query Q { __typename }","variables":{"x":${"[".repeat(4200)}${"]".repeat(4200)}}}`,
    );
    expect(errorsOf(response.json)).toEqual([{ message: DEPTH_MESSAGE, extensions: { code: "BAD_REQUEST" } }]);
    await expectBounded(app, response, { status: 400, code: "BAD_REQUEST", maxBytes: 300 });
  });

  test("the same at the body limit, in extensions, and in a GET's variables", async () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const atLimit = await postJson(app.url, `{"query":"{ __typename }","extensions":{"x":${deep(49_000)}}}`);
    await expectBounded(app, atLimit, { status: 400, code: "BAD_REQUEST", maxBytes: 300 });
    const get = await send(
      `${app.url}?query=${encodeURIComponent("{ __typename }")}&variables=${encodeURIComponent(`{"x":${deep(1000)}}`)}`,
      { headers: { "apollo-require-preflight": "true" } },
    );
    expect({ status: get.status, body: get.json }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "The `variables` parameter nests arrays and objects more than 32 levels deep.",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      },
    });
  });

  test("nesting up to MAX_JSON_DEPTH (32, the body's own object included) is accepted", async () => {
    const response = await postJson(
      app.url,
      `{"query":${JSON.stringify(NORMAL.query)},"variables":{"x":${"[".repeat(30)}${"]".repeat(30)}}}`,
    );
    expect({ status: response.status, body: response.json }).toEqual({ status: 200, body: NORMAL_ANSWER });
  });
});

describe("5. no schema hints in production, from any error path", () => {
  const CASES: ReadonlyArray<{ name: string; body: unknown; status: number; code: string }> = [
    {
      name: "unknown field",
      body: { query: "{ countrie { totalCount } }" },
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      name: "unknown argument",
      body: { query: '{ country(code: "KZ", cod: "KZ") { name } }' },
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      name: "unknown type",
      body: { query: "query Q($f: CountryFiltr) { countries(filter: $f) { totalCount } }" },
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      name: "unknown fragment type",
      body: { query: '{ node(id: "country:KZ") { ... on Countr { name } } }' },
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      name: "enum literal",
      body: { query: "{ positions(filter: { stance: PROPOSE }) { totalCount } }" },
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      name: "input field literal",
      body: { query: '{ countries(filter: { nameContain: "k" }) { totalCount } }' },
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      name: "input field in a variable",
      body: {
        query: "query Q($f: CountryFilter) { countries(filter: $f) { totalCount } }",
        variables: { f: { nameContain: "k" } },
      },
      status: 400,
      code: "BAD_USER_INPUT",
    },
    {
      name: "enum value in a variable",
      body: {
        query: "query Q($f: PositionFilter) { positions(filter: $f) { totalCount } }",
        variables: { f: { stance: "PROPOSE" } },
      },
      status: 400,
      code: "BAD_USER_INPUT",
    },
    {
      name: "enum value in an ordering variable",
      body: {
        query: "query Q($o: NameOrder) { countries(orderBy: $o) { totalCount } }",
        variables: { o: { field: "NAM", direction: "ASC" } },
      },
      status: 400,
      code: "BAD_USER_INPUT",
    },
  ];

  test.each(CASES)("$name: the error says what is wrong, and nothing of the schema", async ({ body, status, code }) => {
    const response = await postJson(app.url, body);
    expect({ status: response.status, codes: codesOf(response.json) }).toEqual({ status, codes: [code] });
    expect(response.text).not.toMatch(/Did you mean/);
  });

  test("the same requests in development do get suggestions (so the cases above can fail)", async () => {
    const development = await startTestServer({ NODE_ENV: "development" });
    try {
      for (const { body } of CASES) expect((await postJson(development.url, body)).text).toMatch(/Did you mean/);
    } finally {
      await development.stop();
    }
  });
});

describe("6. validation that cannot be made quadratic: repeated fields", () => {
  const copies = (n: number, field = 'country(code: "KZ") { name }') =>
    Array.from({ length: n }, () => field).join(" ");
  const REPEATS_MESSAGE =
    "The operation selects fields that take arguments or selections again where they are already selected, more than 50 times: select each once per place, or give the copies aliases.";

  test("300 copies of a field with arguments (8.7 kB; 0.4 s of graphql-js validation) are refused before validation", async () => {
    const response = await postJson(app.url, { query: `query Copies { ${copies(300)} }` });
    expect(errorsOf(response.json)).toEqual([
      { message: REPEATS_MESSAGE, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
    ]);
    await expectBounded(app, response, { status: 400, code: "GRAPHQL_VALIDATION_FAILED", maxBytes: 400 });
  });

  test("the same through fragments and nested selections, and over GET", async () => {
    const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ${copies(1)} }`).join(" ");
    const spread = Array.from({ length: 60 }, (_, i) => `...F${i}`).join(" ");
    const viaFragments = await postJson(app.url, { query: `query Spread { ${spread} } ${fragments}` });
    await expectBounded(app, viaFragments, { status: 400, code: "GRAPHQL_VALIDATION_FAILED", maxBytes: 400 });
    const nested = await postJson(app.url, {
      query: `query Nested { ${copies(8, `country(code: "KZ") { ${copies(8, "capital { name }")} }`)} }`,
    });
    await expectBounded(app, nested, { status: 400, code: "GRAPHQL_VALIDATION_FAILED", maxBytes: 400 });
    const get = await send(`${app.url}?query=${encodeURIComponent(`query Copies { ${copies(60)} }`)}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect({ status: get.status, body: get.json }).toEqual({
      status: 400,
      body: { errors: [{ message: REPEATS_MESSAGE, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] },
    });
  });

  test("up to MAX_FIELD_REPEATS (50) repeats are served, and repeated plain leaves do not count", async () => {
    const fifty = await postJson(app.url, { query: `query Copies { ${copies(51)} }` });
    expect({ status: fifty.status, body: fifty.json }).toEqual({
      status: 200,
      body: {
        data: { country: { name: "Kazakhstan" } },
        extensions: { cost: { requested: 102, actual: 2, limit: 25000 } },
      },
    });
    const leaves = await postJson(app.url, { query: `query Leaves { ${copies(500, "__typename")} }` });
    expect({ status: leaves.status, body: leaves.json }).toEqual({
      status: 200,
      body: { data: { __typename: "Query" }, extensions: { cost: { requested: 500, actual: 1, limit: 25000 } } },
    });
  });

  test("the count: places flatten inline fragments and each distinct fragment once, as validation does", () => {
    const count = (query: string) => repeatedFields(parse(query), 1000);
    expect([
      count('{ a: country(code: "KZ") { name } b: country(code: "JO") { name } }'),
      count('{ country(code: "KZ") { name } ... on Query { country(code: "KZ") { name } } }'),
      count('{ ...F ...F ...F } fragment F on Query { country(code: "KZ") { name } }'),
      count('{ ...F country(code: "KZ") { code } } fragment F on Query { country(code: "KZ") { name } }'),
      count("{ ...F } fragment F on Query { ...F }"),
    ]).toEqual([0, 1, 0, 1, 0]);
  });
});
