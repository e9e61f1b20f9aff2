/**
 * CORS over HTTP, as a browser would exercise it (the browser itself: test/browser/cors.test.ts):
 * preflights answered for allowed origins and refused for others, CORS headers on responses to
 * allowed origins only, credentials only when configured, nothing at all without CORS_ORIGINS.
 */
import type { App } from "../../src/app";
import { startTestServer } from "../support/server";

const APP_ORIGIN = "https://app.example.com";
const OTHER_ORIGIN = "https://evil.example.com";
const QUERY = JSON.stringify({ query: '{ country(code: "KZ") { name } }' });

/** Status and the CORS-related headers of a response, and its body when it has one. */
async function corsOf(response: Response) {
  const names = [
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-max-age",
    "access-control-expose-headers",
    "vary",
  ];
  const headers = Object.fromEntries(
    names.flatMap(name => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const text = await response.text();
  return { status: response.status, headers, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

const preflight = (app: App, origin: string) =>
  fetch(app.url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  }).then(corsOf);

const post = (app: App, origin: string) =>
  fetch(app.url, { method: "POST", headers: { origin, "content-type": "application/json" }, body: QUERY }).then(corsOf);

const ANSWER = {
  data: { country: { name: "Kazakhstan" } },
  extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
};

describe("CORS with CORS_ORIGINS set", () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestServer({ CORS_ORIGINS: `${APP_ORIGIN},http://localhost:5173` });
  });
  afterAll(() => app.stop());

  test("a preflight from an allowed origin is answered 204 with what it may send", async () => {
    expect(await preflight(app, APP_ORIGIN)).toEqual({
      status: 204,
      headers: {
        "access-control-allow-origin": APP_ORIGIN,
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers":
          "accept, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id",
        "access-control-max-age": "600",
        vary: "origin",
      },
      body: null,
    });
  });

  test("a preflight from another origin is refused 403, naming the origin", async () => {
    expect(await preflight(app, OTHER_ORIGIN)).toEqual({
      status: 403,
      headers: { vary: "origin" },
      body: {
        errors: [
          {
            message: `The origin ${OTHER_ORIGIN} may not call this API from a browser; CORS_ORIGINS lists the origins that may.`,
            extensions: { code: "FORBIDDEN" },
          },
        ],
      },
    });
  });

  test("answers to an allowed origin carry its CORS headers, without credentials", async () => {
    expect(await post(app, APP_ORIGIN)).toEqual({
      status: 200,
      headers: {
        "access-control-allow-origin": APP_ORIGIN,
        "access-control-expose-headers": "x-request-id",
        vary: "origin",
      },
      body: ANSWER,
    });
  });

  test("answers to another origin carry none, so its browser withholds them from the page", async () => {
    expect(await post(app, OTHER_ORIGIN)).toEqual({ status: 200, headers: { vary: "origin" }, body: ANSWER });
  });
});

describe("CORS with credentials", () => {
  test("an allowed origin is told it may send credentials", async () => {
    const app = await startTestServer({ CORS_ORIGINS: APP_ORIGIN, CORS_CREDENTIALS: "true" });
    try {
      expect((await preflight(app, APP_ORIGIN)).headers["access-control-allow-credentials"]).toBe("true");
      expect((await post(app, APP_ORIGIN)).headers).toEqual({
        "access-control-allow-origin": APP_ORIGIN,
        "access-control-allow-credentials": "true",
        "access-control-expose-headers": "x-request-id",
        vary: "origin",
      });
    } finally {
      await app.stop();
    }
  });
});

describe("CORS without CORS_ORIGINS (the default)", () => {
  test("adds no header, and a preflight is a method the API does not serve", async () => {
    const app = await startTestServer();
    try {
      expect(await post(app, APP_ORIGIN)).toEqual({ status: 200, headers: {}, body: ANSWER });
      expect(await preflight(app, APP_ORIGIN)).toEqual({
        status: 405,
        headers: {},
        body: {
          errors: [
            { message: "OPTIONS is not supported; use GET or POST.", extensions: { code: "METHOD_NOT_ALLOWED" } },
          ],
        },
      });
    } finally {
      await app.stop();
    }
  });
});
