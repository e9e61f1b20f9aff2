/**
 * Start-up at scale: the listener opens before the graph loads, so an orchestrator sees a live
 * process (`/health/live` 200) that is not ready yet (`/health/ready` 503 "loading"), and GraphQL
 * clients get a 503 they can retry rather than a refused connection. Over real HTTP, with a
 * repository whose load finishes when the test says so.
 */
import pino from "pino";

import { startApp } from "../../src/app";
import { loadConfig } from "../../src/config/config";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import type { GraphRepository } from "../../src/repository/repository";
import { loadSeed, SeedValidationError } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { capturingLogger } from "../support/server";

const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", SEED_DIR });
const COUNT = JSON.stringify({ query: "query Count { countries { totalCount } }" });

/** A load that starts when the service calls it and finishes when `finish` is called. */
function controlledLoad() {
  let finish: (outcome: GraphRepository | Error) => void = () => undefined;
  let started: () => void = () => undefined;
  const loadStarted = new Promise<void>(resolve => (started = resolve));
  const load = () => {
    started();
    return new Promise<GraphRepository>((resolve, reject) => {
      finish = outcome => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
    });
  };
  return { load, loadStarted, finish: (outcome: GraphRepository | Error) => finish(outcome) };
}

async function answer(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as unknown,
  };
}

const post = (url: string) =>
  answer(url, { method: "POST", headers: { "content-type": "application/json" }, body: COUNT });

describe("readiness while the graph loads", () => {
  test("answers live, not ready and 503 to GraphQL until the graph is loaded, then serves it", async () => {
    const { logger, lines } = capturingLogger();
    const { load, loadStarted, finish } = controlledLoad();
    const starting = startApp(config, logger, load);
    await loadStarted;
    const url = String(lines.find(line => line.msg === "listening; loading the graph")?.listening);
    const base = url.replace(/\/graphql$/, "");

    expect([await answer(`${base}/health/live`), await answer(`${base}/health/ready`), await post(url)]).toEqual([
      { status: 200, retryAfter: null, body: { status: "ok" } },
      { status: 503, retryAfter: null, body: { status: "loading" } },
      {
        status: 503,
        retryAfter: "5",
        body: {
          errors: [
            {
              message: "The graph is still loading; retry in a few seconds.",
              extensions: { code: "SERVICE_UNAVAILABLE" },
            },
          ],
        },
      },
    ]);

    finish(new InMemoryRepository(loadSeed({ seedDir: SEED_DIR })));
    const app = await starting;
    try {
      expect([await answer(`${base}/health/ready`), await post(url)]).toEqual([
        { status: 200, retryAfter: null, body: { status: "ready" } },
        {
          status: 200,
          retryAfter: null,
          body: {
            data: { countries: { totalCount: 2 } },
            extensions: { cost: { requested: 3, actual: 2, limit: 25000 } },
          },
        },
      ]);
    } finally {
      await app.stop();
    }
  });

  test("a load that fails closes the listener and rejects with the load's error", async () => {
    const { logger, lines } = capturingLogger();
    const { load, loadStarted, finish } = controlledLoad();
    const starting = startApp(config, logger, load);
    await loadStarted;
    const url = String(lines.find(line => line.msg === "listening; loading the graph")?.listening);
    finish(new SeedValidationError(["seed/bad.json: $.cities[0]: must be an object"]));
    await expect(starting).rejects.toThrow(new SeedValidationError(["seed/bad.json: $.cities[0]: must be an object"]));
    await expect(fetch(url)).rejects.toThrow("fetch failed");
  });

  test("loads the seed itself after listening when no repository is given", async () => {
    const app = await startApp(config, pino({ level: "silent" }));
    try {
      expect(await post(app.url)).toEqual({
        status: 200,
        retryAfter: null,
        body: {
          data: { countries: { totalCount: 2 } },
          extensions: { cost: { requested: 3, actual: 2, limit: 25000 } },
        },
      });
    } finally {
      await app.stop();
    }
  });
});
