import type { App } from "../../src/app";
import { startTestServer } from "../support/server";

let app: App;
let base: string;

beforeAll(async () => {
  app = await startTestServer({ MAX_BODY_BYTES: "2000" });
  base = app.url.replace(/\/graphql$/, "");
});
afterAll(() => app.stop());

async function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(app.url, { method: "POST", headers, body });
  const json: unknown = await response.json();
  return { status: response.status, body: json };
}

const LEADERS_OF_JORDAN = /* GraphQL */ `
  query LeadersOfJordan($code: CountryCode!) {
    country(code: $code) {
      name
      capital {
        name
      }
      leaders {
        totalCount
        nodes {
          name
          title
        }
      }
    }
  }
`;
const EXPECTED = {
  data: {
    country: {
      name: "Jordan",
      capital: { name: "Amman" },
      leaders: { totalCount: 1, nodes: [{ name: "Abdullah II ibn Al Hussein", title: "King" }] },
    },
  },
  // 1 (country) + 1 (name) + 2 (capital) + 1 + min(20, 1 leader per country) × (1 totalCount + 1 nodes + 2 fields)
  // leaders; it returned one leader, so the actual cost is the same
  extensions: { cost: { requested: 9, actual: 9, limit: 25000 } },
};

describe("the HTTP service", () => {
  test("answers a POSTed query with variables", async () => {
    expect(await post(JSON.stringify({ query: LEADERS_OF_JORDAN, variables: { code: "JO" } }))).toEqual({
      status: 200,
      body: EXPECTED,
    });
  });

  test("answers a GET query", async () => {
    const url = `${app.url}?query=${encodeURIComponent(LEADERS_OF_JORDAN)}&variables=${encodeURIComponent('{"code":"JO"}')}`;
    const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
      status: 200,
      body: EXPECTED,
    });
  });

  test("reports liveness and readiness", async () => {
    const live = await fetch(`${base}/health/live`);
    const ready = await fetch(`${base}/health/ready`);
    expect([live.status, (await live.json()) as unknown, ready.status, (await ready.json()) as unknown]).toEqual([
      200,
      { status: "ok" },
      200,
      { status: "ready" },
    ]);
  });

  test("answers 404 on other paths", async () => {
    const response = await fetch(`${base}/nope`);
    expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
      status: 404,
      body: {
        errors: [
          {
            message: "Nothing is served at /nope; the GraphQL endpoint is /graphql.",
            extensions: { code: "NOT_FOUND" },
          },
        ],
      },
    });
  });

  test("answers 405 with Allow to other methods", async () => {
    const response = await fetch(app.url, { method: "PUT", body: "{}" });
    expect({
      status: response.status,
      allow: response.headers.get("allow"),
      body: (await response.json()) as unknown,
    }).toEqual({
      status: 405,
      allow: "GET, POST",
      body: {
        errors: [{ message: "PUT is not supported; use GET or POST.", extensions: { code: "METHOD_NOT_ALLOWED" } }],
      },
    });
  });

  test("answers 400 to malformed JSON, without internals", async () => {
    const result = await post('{"query": "{ countries { totalCount } }"');
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "The request body is not valid JSON: close brace expected (line 1, column 41)",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      },
    });
  });

  test("answers 400 to an empty JSON body", async () => {
    expect(await post("")).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "The request body is empty; send a JSON object with a `query`.",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      },
    });
  });

  test("answers 413 to a body over the limit", async () => {
    expect(await post(JSON.stringify({ query: `{ countries { totalCount } } #${"x".repeat(3000)}` }))).toEqual({
      status: 413,
      body: {
        errors: [{ message: "The request body is larger than 2000 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
      },
    });
  });

  test("rejects a text/plain POST (CSRF prevention)", async () => {
    const result = await post(JSON.stringify({ query: "{ countries { totalCount } }" }), {
      "content-type": "text/plain",
    });
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: expect.stringContaining(
              "This operation has been blocked as a potential Cross-Site Request Forgery",
            ) as unknown,
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      },
    });
  });

  test("answers 400 with BAD_USER_INPUT to an argument out of range", async () => {
    expect(
      await post(JSON.stringify({ query: "query Areas { cooperationAreas(first: 101) { totalCount } }" })),
    ).toEqual({
      status: 400,
      body: {
        data: null,
        errors: [
          {
            message: "Invalid argument: first must be between 1 and 100",
            locations: [{ line: 1, column: 15 }],
            path: ["cooperationAreas"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "first", messages: ["first must be between 1 and 100"] }],
            },
          },
        ],
        // first: 101 would cost 1 + min(101, 16 areas) × 1; the argument is refused before anything is fetched,
        // so nothing is returned: actual 0.
        extensions: { cost: { requested: 17, actual: 0, limit: 25000 } },
      },
    });
  });
});
