/**
 * Hostile and malformed input against the real HTTP service (default limits): one test per kind of
 * request. Each asserts the HTTP status, the exact `extensions.code` of every error, that nothing
 * of the service's internals is sent (no stack trace or frame, no file path, no `exception`, no
 * `node_modules`, no `.ts:`), and that the same server still answers a normal query afterwards.
 */
import type { App } from "../../src/app";
import { FailingRepository, INTERNAL_FAILURE, SlowListRepository } from "../support/failing.repository";
import { codesOf, errorsOf, internalsIn, JSON_HEADERS, postJson, type RawResponse, send } from "../support/hostile";
import { capturingLogger, startTestServer } from "../support/server";

/** A normal query that only looks records up (no list), so it stays fast over SlowListRepository. */
const NORMAL = /* GraphQL */ `
  query Normal($code: CountryCode!) {
    country(code: $code) {
      name
      capital {
        name
      }
    }
    leader(id: "leader:abdullah-ii") {
      name
      country {
        code
      }
    }
  }
`;
const NORMAL_RESPONSE = {
  data: {
    country: { name: "Jordan", capital: { name: "Amman" } },
    leader: { name: "Abdullah II ibn Al Hussein", country: { code: "JO" } },
  },
  extensions: { cost: { requested: 8, actual: 8, limit: 25000 } },
};

async function expectStillServes(url: string): Promise<void> {
  const response = await postJson(url, { query: NORMAL, variables: { code: "JO" } });
  expect({ status: response.status, body: response.json }).toEqual({ status: 200, body: NORMAL_RESPONSE });
}

interface Expected {
  readonly status: number;
  /** The `extensions.code` every error of the response must carry. */
  readonly code: string;
  /** The first error's message, exactly (a string) or by pattern. */
  readonly message?: string | RegExp;
}

/** Status, codes, message and no internals; then the server still answers a normal query. */
async function expectRefused(url: string, response: RawResponse, expected: Expected): Promise<void> {
  const codes = codesOf(response.json);
  expect({ status: response.status, codes: [...new Set(codes)], jsonBody: response.json !== undefined }).toEqual({
    status: expected.status,
    codes: [expected.code],
    jsonBody: true,
  });
  if (expected.message !== undefined) {
    const message = errorsOf(response.json)[0]?.message;
    if (typeof expected.message === "string") expect(message).toBe(expected.message);
    else expect(message).toMatch(expected.message);
  }
  expect(internalsIn(response.text)).toBeNull();
  await expectStillServes(url);
}

const get = (url: string, query: string, headers: Record<string, string> = {}) =>
  send(`${url}?query=${encodeURIComponent(query)}`, { headers });

/** A valid query whose fields nest `levels` deep (root field and leaf included). */
function nested(levels: number): string {
  const path = ['country(code: "KZ")'];
  while (path.length < levels - 1) path.push(path.length % 2 === 1 ? "capital" : "country");
  return `query Deep { ${path.join(" { ")} { name }${" }".repeat(path.length)}`;
}

/** `fragments` chained fragments on Query, each spreading the next `fanOut` times. */
function fragmentFanOut(fanOut: number, fragments: number): string {
  const defs = Array.from(
    { length: fragments },
    (_, i) => `fragment F${i} on Query { __typename ${`...F${i + 1} `.repeat(fanOut)}}`,
  );
  return `${defs.join(" ")} fragment F${fragments} on Query { __typename }`;
}

/**
 * Nested lists where the data is large: search has no stored list (its page size counts) and a
 * source is cited by up to 71 records (first: 100 counts 71). Relations the data keeps short (a
 * country's leaders, a leader's awards) no longer make an attack: they cost what they can hold.
 */
const COSTLY =
  'search(text: "a", first: 100) { nodes { ... on Source { citedBy(first: 100) { nodes { ... on Source { citedBy(first: 100) { totalCount } } } } } } }';
const COSTLY_COST = 1 + 100 * (1 + 1 + 71 * (1 + 1 + 71 * 1)); // 518501
const COST_MESSAGE = `The operation costs ${COSTLY_COST}, over the limit of 25000: ask for smaller pages (first/last) or fewer nested lists.`;

const SEARCH = "query Find($text: String!) { search(text: $text) { totalCount } }";
const SEARCH_TOO_LONG = "Invalid argument: text must be at most 200 characters";

const outOfRange = (first: number) => ({
  message: "Invalid argument: first must be between 1 and 100",
  arguments: [{ argument: "first", messages: ["first must be between 1 and 100"] }],
  first,
});

let app: App;
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(() => app.stop());

describe("malformed requests", () => {
  test("a syntax error is 400 GRAPHQL_PARSE_FAILED", async () => {
    const response = await postJson(app.url, { query: "query Broken { countries { " });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_PARSE_FAILED",
      message: "Syntax Error: Expected Name, found <EOF>.",
    });
  });

  test("malformed JSON is 400 BAD_REQUEST, with a position", async () => {
    const response = await postJson(app.url, '{"query": "{ countries { totalCount } }"');
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: "The request body is not valid JSON: close brace expected (line 1, column 41)",
    });
  });

  test("deeply nested malformed JSON is 400 BAD_REQUEST, refused by its depth before any parser recurses", async () => {
    const response = await postJson(app.url, `{"query":"{ __typename }","variables":{"x":${"[".repeat(40_000)}}}`);
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: "The request body nests arrays and objects more than 32 levels deep.",
    });
  });

  test("an empty body is 400 BAD_REQUEST", async () => {
    const response = await postJson(app.url, "");
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: "The request body is empty; send a JSON object with a `query`.",
    });
  });

  test.each([
    ["a number", 5],
    ["an array", ["{ countries { totalCount } }"]],
  ])("`query` as %s is 400 BAD_REQUEST", async (_kind, query) => {
    const response = await postJson(app.url, { query });
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: "GraphQL queries must be strings.",
    });
  });

  test.each([
    [
      "a string",
      "{}",
      "`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.",
    ],
    ["an array", [], "`variables` in a POST body must be an object if provided."],
  ])("`variables` as %s is 400 BAD_REQUEST", async (_kind, variables, message) => {
    const response = await postJson(app.url, { query: "query Count { countries { totalCount } }", variables });
    await expectRefused(app.url, response, { status: 400, code: "BAD_REQUEST", message });
  });

  test("a batch (JSON array body) is 400 BAD_REQUEST: batching is off", async () => {
    const operation = { query: "query Count { countries { totalCount } }" };
    const response = await postJson(app.url, [operation, operation]);
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: "Operation batching disabled.",
    });
  });

  test("two operations and no operationName is 400 OPERATION_RESOLUTION_FAILURE", async () => {
    const response = await postJson(app.url, { query: "query A { __typename } query B { __typename }" });
    await expectRefused(app.url, response, {
      status: 400,
      code: "OPERATION_RESOLUTION_FAILURE",
      message: "Must provide operation name if query contains multiple operations.",
    });
  });
});

describe("invalid operations", () => {
  test("a misspelled field is 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const response = await postJson(app.url, { query: "query Typo { countrie { totalCount } }" });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /^Cannot query field "countrie" on type "Query"\./,
    });
  });

  test("a mutation, on a schema without a Mutation type, is a 400 validation error (not an internal error)", async () => {
    // graphql-js 16 leaves a missing root type to execution (an internal error); missingRootTypePlugin
    // refuses it as the validation error it is.
    const response = await postJson(app.url, { query: "mutation Change { anything }" });
    await expectRefused(app.url, response, { status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
  });

  test("a subscription, on a schema without a Subscription type, is a 400 validation error", async () => {
    const response = await postJson(app.url, { query: "subscription Watch { anything }" });
    await expectRefused(app.url, response, { status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
  });

  test("an automatic persisted query is answered PERSISTED_QUERY_NOT_SUPPORTED (APQ is off)", async () => {
    // Apollo's APQ protocol answers 200 with this code, so that clients fall back to sending the document.
    const response = await postJson(app.url, {
      query: "query Count { countries { totalCount } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    await expectRefused(app.url, response, {
      status: 200,
      code: "PERSISTED_QUERY_NOT_SUPPORTED",
      message: "PersistedQueryNotSupported",
    });
  });

  test("60 invalid variable values are 400 BAD_USER_INPUT, coercion stopping at MAX_VARIABLE_ERRORS (10)", async () => {
    // Found by the fuzz test (FUZZ_SEED=2 FUZZ_RUNS=4000) when graphql-js's own cap of 50 errors
    // ended in an uncoded error; the service's coercion stops at its own, smaller cap.
    const response = await postJson(app.url, {
      query: "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids: Array.from({ length: 60 }, () => true) },
    });
    await expectRefused(app.url, response, { status: 400, code: "BAD_USER_INPUT" });
    expect(errorsOf(response.json)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({
        message: `Variable "$ids" got invalid value true at "ids[${i}]"; ID cannot represent value: true`,
        locations: [{ line: 1, column: 13 }],
        extensions: { code: "BAD_USER_INPUT" },
      })),
    );
  });

  test("variables with __proto__ keys are 400 BAD_USER_INPUT", async () => {
    const response = await postJson(
      app.url,
      '{"query":"query Q($f: CountryFilter) { countries(filter: $f) { totalCount } }","variables":{"f":{"__proto__":{"nameContains":"x"}}}}',
    );
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_USER_INPUT",
      message: /Field "__proto__" is not defined by type "CountryFilter"\.$/,
    });
  });

  test("a federation representation without a key is 400 BAD_USER_INPUT", async () => {
    const response = await postJson(app.url, {
      query: "query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }",
      variables: { r: [{ __typename: "Country" }] },
    });
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_USER_INPUT",
      message: 'representations[0]: a Country representation needs its key field "code" or "id"',
    });
  });
});

describe("operation limits", () => {
  test("depth over the limit (16 > 15) is 400 GRAPHQL_VALIDATION_FAILED; 15 is served", async () => {
    expect((await postJson(app.url, { query: nested(15) })).status).toBe(200);
    const response = await postJson(app.url, { query: nested(16) });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Query depth limit of 15 exceeded, found 16.",
    });
  });

  test("depth over the limit through fragments is refused too", async () => {
    const query = `query Deep { country(code: "KZ") { ...C1 } }
      ${Array.from({ length: 8 }, (_, i) => `fragment C${i + 1} on Country { capital { country { ...C${i + 2} } } }`).join("\n")}
      fragment C9 on Country { name }`;
    const response = await postJson(app.url, { query });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Query depth limit of 15 exceeded, found 18.",
    });
  });

  test("aliases over the limit (16 > 15) are 400 GRAPHQL_VALIDATION_FAILED; 15 are served", async () => {
    const aliases = (n: number) =>
      `query Many { ${Array.from({ length: n }, (_, i) => `c${i}: country(code: "KZ") { name }`).join(" ")} }`;
    expect((await postJson(app.url, { query: aliases(15) })).status).toBe(200);
    const response = await postJson(app.url, { query: aliases(16) });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Aliases limit of 15 exceeded, found 16.",
    });
  });

  test("aliases made only of __typename count too", async () => {
    const query = `query Names { ${Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(" ")} }`;
    const response = await postJson(app.url, { query });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Aliases limit of 15 exceeded, found 16.",
    });
  });

  test("directives over the limit (21 > 20) are 400 GRAPHQL_VALIDATION_FAILED; 20 are served", async () => {
    const directives = (n: number) => `query Flags { ${"... @include(if: true) { __typename } ".repeat(n)}}`;
    expect((await postJson(app.url, { query: directives(20) })).status).toBe(200);
    const response = await postJson(app.url, { query: directives(21) });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Directives limit of 20 exceeded, found 21.",
    });
  });

  test("cost over the limit is 400 COST_LIMIT_EXCEEDED, naming the cost and the limit", async () => {
    const response = await postJson(app.url, { query: `query Costly { ${COSTLY} }` });
    await expectRefused(app.url, response, { status: 400, code: "COST_LIMIT_EXCEEDED", message: COST_MESSAGE });
    expect(response.json).toEqual({ errors: [{ message: COST_MESSAGE, extensions: { code: "COST_LIMIT_EXCEEDED" } }] });
  });

  test("cost over the limit is refused even next to a fragment fan-out too big to estimate", async () => {
    // 10 fragments spreading the next 10 times: over graphql-query-complexity's default of 10,000
    // nodes, so getComplexity throws, the cost plugin swallows it and the costly field runs anyway
    // (today: 200 with data and no extensions.cost). See the report.
    const query = `query Costly { ...F0 ${COSTLY} } ${fragmentFanOut(10, 4)}`;
    const response = await postJson(app.url, { query });
    await expectRefused(app.url, response, { status: 400, code: "COST_LIMIT_EXCEEDED" });
  });

  test("tokens over the limit are 400 GRAPHQL_PARSE_FAILED", async () => {
    const response = await postJson(app.url, { query: `query Tokens { ${"__typename ".repeat(3000)}}` });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_PARSE_FAILED",
      message: /^Syntax Error: Document contains more th[ae]t? 3000 tokens\. Parsing aborted\.$/,
    });
  });

  test("a body over the limit is 413 PAYLOAD_TOO_LARGE", async () => {
    const body = JSON.stringify({ query: "query Q { __typename }", variables: { pad: "x".repeat(150_000) } });
    const response = await postJson(app.url, body);
    await expectRefused(app.url, response, {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "The request body is larger than 100000 bytes.",
    });
  });

  test("a streamed body over the limit, without content-length, is 413 PAYLOAD_TOO_LARGE", async () => {
    const chunk = new TextEncoder().encode(`{"query":"{ __typename }","pad":"${"x".repeat(10_000)}`);
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (chunks++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await send(app.url, {
      method: "POST",
      headers: JSON_HEADERS,
      body,
      duplex: "half",
    } as RequestInit);
    await expectRefused(app.url, response, {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "The request body is larger than 100000 bytes.",
    });
  });
});

describe("arguments", () => {
  test.each([0, -1, 101])("first: %d is 400 BAD_USER_INPUT naming the argument", async first => {
    const response = await postJson(app.url, {
      query: `query Areas { cooperationAreas(first: ${first}) { totalCount } }`,
    });
    const expected = outOfRange(first);
    await expectRefused(app.url, response, { status: 400, code: "BAD_USER_INPUT", message: expected.message });
    expect(errorsOf(response.json)[0]?.extensions?.arguments).toEqual(expected.arguments);
  });

  test("first and last together are 400 BAD_USER_INPUT", async () => {
    const response = await postJson(app.url, {
      query: "query Areas { cooperationAreas(first: 1, last: 1) { totalCount } }",
    });
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_USER_INPUT",
      message: "Invalid argument: Pass either `first` or `last`, not both.",
    });
    expect(errorsOf(response.json)[0]?.extensions?.arguments).toEqual([
      { argument: "last", messages: ["Pass either `first` or `last`, not both."] },
    ]);
  });

  test("an Int literal where a CountryCode goes is 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const response = await postJson(app.url, { query: "query Wrong { country(code: 5) { name } }" });
    await expectRefused(app.url, response, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Can only validate strings as country codes but got a: IntValue",
    });
  });

  test("a variable of the wrong type is 400 BAD_USER_INPUT", async () => {
    const response = await postJson(app.url, {
      query: "query Wrong($code: CountryCode!) { country(code: $code) { name } }",
      variables: { code: 5 },
    });
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_USER_INPUT",
      message: 'Variable "$code" got invalid value 5; Value is not string: 5',
    });
  });

  test.each([10_000, 201])("a search text of %d characters is 400 BAD_USER_INPUT", async length => {
    const response = await postJson(app.url, { query: SEARCH, variables: { text: "a".repeat(length) } });
    await expectRefused(app.url, response, { status: 400, code: "BAD_USER_INPUT", message: SEARCH_TOO_LONG });
  });

  test("a search text of 10,000 characters as a literal is 400 BAD_USER_INPUT", async () => {
    const response = await postJson(app.url, {
      query: `query Find { search(text: "${"a".repeat(10_000)}") { totalCount } }`,
    });
    await expectRefused(app.url, response, { status: 400, code: "BAD_USER_INPUT", message: SEARCH_TOO_LONG });
  });
});

describe("HTTP semantics", () => {
  test("a mutation over GET is 405 with Allow: POST (GraphQL over HTTP: MUST be 405)", async () => {
    const response = await get(app.url, "mutation Change { anything }", { "apollo-require-preflight": "true" });
    expect(response.headers.get("allow")).toBe("POST");
    await expectRefused(app.url, response, {
      status: 405,
      code: "BAD_REQUEST",
      message: "GET requests only support query operations, not mutation operations",
    });
  });

  test("a mutation over GET without a preflight header is stopped earlier by CSRF prevention (400)", async () => {
    const response = await get(app.url, "mutation Change { anything }");
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\./,
    });
  });

  test("PUT is 405 with Allow: GET, POST", async () => {
    const response = await send(app.url, { method: "PUT", headers: JSON_HEADERS, body: "{}" });
    expect(response.headers.get("allow")).toBe("GET, POST");
    await expectRefused(app.url, response, {
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      message: "PUT is not supported; use GET or POST.",
    });
  });

  test("a text/plain POST is 400 BAD_REQUEST (CSRF prevention)", async () => {
    const response = await send(app.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "query Count { countries { totalCount } }" }),
    });
    await expectRefused(app.url, response, {
      status: 400,
      code: "BAD_REQUEST",
      message: /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\./,
    });
  });

  test("Accept: text/plain only is 406", async () => {
    const response = await postJson(
      app.url,
      { query: "query Count { countries { totalCount } }" },
      { accept: "text/plain" },
    );
    await expectRefused(app.url, response, {
      status: 406,
      code: "BAD_REQUEST",
      message: /^An 'accept' header was provided for this request which does not accept application\/json/,
    });
  });
});

describe("failures of the service itself", () => {
  test("an internal error is masked, with a request id equal to the x-request-id header, and logged", async () => {
    const { logger, lines } = capturingLogger();
    const failing = await startTestServer({}, new FailingRepository(), logger);
    try {
      for (const given of [undefined, "hardening-req-1"]) {
        const response = await postJson(
          failing.url,
          { query: "query Broken { countries { totalCount } }" },
          given ? { "x-request-id": given } : {},
        );
        const requestId = response.headers.get("x-request-id");
        expect(requestId).toEqual(given ?? expect.stringMatching(/^[0-9a-f-]{36}$/));
        expect({ status: response.status, body: response.json }).toEqual({
          status: 200,
          body: {
            data: null,
            errors: [
              {
                message: "Internal server error",
                locations: [{ line: 1, column: 16 }],
                path: ["countries"],
                extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
              },
            ],
            extensions: { cost: { requested: 3, actual: 0, limit: 25000 } },
          },
        });
        expect(internalsIn(response.text)).toBeNull();
        expect(lines).toContainEqual(
          expect.objectContaining({
            msg: "internal error while executing an operation",
            requestId,
            err: expect.objectContaining({ message: INTERNAL_FAILURE }) as unknown,
          }),
        );
      }
      await expectStillServes(failing.url);
    } finally {
      await failing.stop();
    }
  });

  test("a resolver slower than REQUEST_TIMEOUT_MS is 503 TIMEOUT, answered at the timeout", async () => {
    const slow = await startTestServer({ REQUEST_TIMEOUT_MS: "300" }, new SlowListRepository(2000));
    try {
      const started = Date.now();
      const response = await postJson(slow.url, { query: "query Slow { countries { totalCount } }" });
      const elapsed = Date.now() - started;
      await expectRefused(slow.url, response, {
        status: 503,
        code: "TIMEOUT",
        message: "The request took longer than 300 ms and was abandoned.",
      });
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      await slow.stop();
    }
  });
});
