/**
 * The compiled executor's own guarantees: one compilation per document and operation name, a cache
 * bounded in bytes whatever clients send, graphql-js's answers for variables that do not coerce, and
 * each fallback to graphql-js counted with its reason (also on /metrics, end to end).
 */
import { parse } from "graphql";

import type { App } from "../../src/app";
import { createContext, type GraphContext } from "../../src/graphql/base/context";
import { createCompiledExecutor, type FallbackReason } from "../../src/graphql/execution/compiled-executor";
import { buildServiceSchema } from "../../src/graphql/schema";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { startTestServer } from "../support/server";

const repository = new InMemoryRepository(loadSeed({ seedDir: SEED_DIR }));
const schema = buildServiceSchema();
const context = (): GraphContext =>
  createContext(repository, { id: "test", operationName: null, internalError: false });

function executorWithLog(cacheBytes?: number) {
  const fallbacks: Array<[string | null, FallbackReason]> = [];
  const executor = createCompiledExecutor(schema, {
    ...(cacheBytes ? { cacheBytes } : {}),
    onFallback: (name, reason) => fallbacks.push([name, reason]),
  });
  const run = (query: string, variables: Record<string, unknown> = {}, operationName: string | null = null) =>
    executor.executeOperation(query, parse(query), operationName, context(), variables);
  return { ...executor, fallbacks, run };
}

const AREA = `query Area($id: ID!) { cooperationArea(id: $id) { name } }
query Country { country(code: "JO") { name } }`;

test("compiles once per document and operation name", async () => {
  const { run, cache, fallbacks } = executorWithLog();
  expect(await run(AREA, { id: "area:nuclear" }, "Area")).toEqual({
    data: { cooperationArea: { name: "Nuclear energy" } },
  });
  expect(await run(AREA, { id: "area:trade" }, "Area")).toEqual({
    data: { cooperationArea: { name: "Bilateral trade" } },
  });
  expect(cache.size).toBe(1);
  expect(await run(AREA, {}, "Country")).toEqual({ data: { country: { name: "Jordan" } } });
  expect(cache.size).toBe(2);
  expect(fallbacks).toEqual([]);
});

test("keeps the compiled operations within the byte bound, however many documents clients send", async () => {
  const bound = 200_000;
  const { run, cache } = executorWithLog(bound);
  for (let i = 0; i < 300; i++) {
    const query = `query Q${i} { countries(first: ${1 + (i % 50)}) { totalCount nodes { id name } } }`;
    expect(await run(query)).toMatchObject({ data: { countries: { totalCount: 2 } } });
  }
  expect(cache.calculatedSize).toBeLessThanOrEqual(bound * 0.75);
  expect(cache.size).toBeGreaterThan(0);
  expect(cache.size).toBeLessThan(300);
});

test("answers variables that do not coerce with graphql-js's errors, executing nothing", async () => {
  const { run, fallbacks } = executorWithLog();
  const result = await run(AREA, { id: true }, "Area");
  expect(JSON.parse(JSON.stringify(result))).toEqual({
    errors: [
      {
        message: 'Variable "$id" got invalid value true; ID cannot represent value: true',
        locations: [{ line: 1, column: 12 }],
      },
    ],
  });
  expect(fallbacks).toEqual([]);
});

test("counts each execution graphql-js makes instead of graphql-jit, with its reason", async () => {
  const { run, fallbacks } = executorWithLog();
  // A response key selected twice in a document using @skip: graphql-jit would order keys otherwise.
  const twice = `query Twice { country(code: "KZ") { name @skip(if: true) code name } }`;
  expect(JSON.stringify(await run(twice))).toBe('{"data":{"country":{"code":"KZ","name":"Kazakhstan"}}}');
  // A cursor the service never issued: an error, answered by graphql-js.
  const cursor = `query Cursor { countries(after: "bogus") { totalCount } }`;
  expect(JSON.parse(JSON.stringify(await run(cursor)))).toEqual({
    data: null,
    errors: [
      {
        message: 'Argument "after" is not a cursor issued by this service.',
        locations: [{ line: 1, column: 16 }],
        path: ["countries"],
      },
    ],
  });
  // An input object relying on a field's default value, which graphql-jit 0.8 does not apply.
  const order = `query Order($o: NameOrder) { countries(first: 1, orderBy: $o) { nodes { code } } }`;
  expect(await run(order, { o: { direction: "DESC" } })).toEqual({ data: { countries: { nodes: [{ code: "KZ" }] } } });
  expect(fallbacks).toEqual([
    ["Twice", "uncompiled"],
    ["Cursor", "errors"],
    ["Order", "variables"],
  ]);
});

describe("over HTTP", () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestServer();
  });
  afterAll(() => app.stop());

  test("/metrics counts graphql-js executions by operation and reason", async () => {
    const post = (query: string) =>
      fetch(app.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
    expect((await post(`query Twice { country(code: "KZ") { name @skip(if: true) name } }`)).status).toBe(200);
    expect((await post(`query Plain { country(code: "KZ") { name } }`)).status).toBe(200);
    const metrics = await (await fetch(new URL("/metrics", app.url))).text();
    expect(metrics).toContain('graphql_jit_fallbacks_total{operation="Twice",reason="uncompiled"} 1');
    expect(metrics).not.toContain('graphql_jit_fallbacks_total{operation="Plain"');
  });
});
