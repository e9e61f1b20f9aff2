/**
 * CPU per request of each server's GraphQL layer, in one process, without sockets:
 *
 *   tsc -p . && node dist/bench/inprocess.js
 *
 * On a shared machine the HTTP benchmark's req/s follow whatever else runs; CPU time per request,
 * measured in one process with the variants interleaved round by round, follows it much less. Each
 * variant answers the request body the HTTP benchmark sends, from the JSON text to the response text:
 *
 * - raw: `JSON.parse`, the hand-written handler (bench/raw.ts), `JSON.stringify` (the baseline);
 * - naive: type-graphql's schema as built on `new ApolloServer({ schema })`, through Apollo's
 *   `executeHTTPGraphQLRequest` (its HTTP layer without a socket);
 * - yoga: GraphQL Yoga's `fetch` (a WHATWG Request in, a Response out);
 * - mercurius: Mercurius with graphql-jit (`jit: 1`) through `app.graphql` (its execution path with
 *   its operation cache, without Fastify's routing), the body parsed and the result stringified here;
 * - service: the service's Apollo Server (`createApollo`, production configuration: limits, cost,
 *   plugins, error formatting and, where present, the compiled executor) through
 *   `executeHTTPGraphQLRequest`.
 *
 * Every answer is checked first: the service's must equal raw's whole, the others' `data` must.
 * Reported: the median over rounds of CPU µs (user + system) per request, and raw's CPU over each
 * variant's (× raw: the throughput ratio of a server whose core is saturated, as in the HTTP runs).
 *
 * Environment: INPROC_ROUNDS (7), INPROC_MS (300: CPU time per variant and round, about),
 * INPROC_VARIANTS (raw,naive,yoga,mercurius,service), INPROC_QUERIES (all).
 *
 * The process runs with NODE_ENV=production whatever the shell says (./production-env.ts).
 */
// First, before any library reads NODE_ENV.
import "./production-env";
import "reflect-metadata";

import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

import { ApolloServer, HeaderMap } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import pino from "pino";

import { loadConfig } from "../src/config/config";
import type { GraphContext } from "../src/graphql/base/context";
import { resolveAbstractTypesByTypename } from "../src/graphql/execution/direct-resolvers";
import * as schemas from "../src/graphql/schema";
import { createApollo } from "../src/http/server";
import { InMemoryRepository } from "../src/repository/in-memory.repository";
import { loadSeed } from "../src/seed/seed.loader";
import { benchContext, envList, envNumber, fmt, machine, median, ROOT, table } from "./common";
import { type BenchQuery, benchQueries, requestBody } from "./queries";
import { RawHandlers } from "./raw";

type Answer = (body: string) => Promise<string>;

const ROUNDS = Math.round(envNumber("INPROC_ROUNDS", 7));
const ROUND_MS = envNumber("INPROC_MS", 300);

/** type-graphql's schema as it builds it (before compiled execution, the service's own). */
function typeGraphqlSchema(): GraphQLSchema {
  const build = (schemas as Record<string, unknown>).buildReferenceSchema as (() => GraphQLSchema) | undefined;
  return (build ?? schemas.buildServiceSchema)();
}

function apolloAnswer(apollo: ApolloServer<GraphContext>, context: () => GraphContext): Answer {
  return async body => {
    const headers = new HeaderMap([["content-type", "application/json"]]);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: JSON.parse(body) as unknown },
      context: () => Promise.resolve(context()),
    });
    if (response.body.kind !== "complete") throw new Error("expected a complete body");
    return response.body.string;
  };
}

async function variants(repository: InMemoryRepository): Promise<Map<string, Answer>> {
  const context = (): GraphContext => benchContext(repository);
  const made = new Map<string, Answer>();
  const raw = new RawHandlers(repository);
  made.set("raw", body => Promise.resolve(`${JSON.stringify(raw.handle(JSON.parse(body)))}\n`));

  const naive = new ApolloServer<GraphContext>({ schema: typeGraphqlSchema() });
  await naive.start();
  made.set("naive", apolloAnswer(naive, context));

  const { createYoga } = await import("graphql-yoga");
  const yoga = createYoga({
    schema: resolveAbstractTypesByTypename(typeGraphqlSchema()),
    context,
    graphiql: false,
    logging: false,
  });
  made.set("yoga", async body => {
    const response = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    return response.text();
  });

  const { default: Fastify } = await import("fastify");
  const { default: mercurius } = await import("mercurius");
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: resolveAbstractTypesByTypename(typeGraphqlSchema()),
    context,
    jit: 1,
    graphiql: false,
  });
  await app.ready();
  made.set("mercurius", async body => {
    const { query, variables, operationName } = JSON.parse(body) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    return JSON.stringify(await app.graphql(query, context(), variables, operationName));
  });

  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" });
  const service = createApollo({ config, schema: schemas.buildServiceSchema(), logger: pino({ level: "silent" }) });
  await service.start();
  made.set("service", apolloAnswer(service, context));
  return made;
}

/** CPU µs per request over about ROUND_MS of CPU. */
async function measure(answer: Answer, body: string): Promise<number> {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  const started = cpu();
  let count = 0;
  while (cpu() - started < ROUND_MS * 1000) {
    for (let i = 0; i < 20; i++) await answer(body);
    count += 20;
  }
  return (cpu() - started) / count;
}

async function main(): Promise<void> {
  const repository = new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") }));
  const queryKeys = envList("INPROC_QUERIES");
  const variantKeys = envList("INPROC_VARIANTS");
  const queries = (await benchQueries(repository)).filter(q => !queryKeys || queryKeys.includes(q.key));
  const all = await variants(repository);
  const keys = [...all.keys()].filter(k => k === "raw" || !variantKeys || variantKeys.includes(k));

  // Validity: raw is the reference; the service must give its whole answer, the others its data.
  const problems: string[] = [];
  for (const q of queries) {
    const body = requestBody(q);
    const expected = JSON.parse(await (all.get("raw") as Answer)(body)) as { data?: unknown };
    for (const key of keys) {
      const got = JSON.parse(await (all.get(key) as Answer)(body)) as { data?: unknown };
      const same =
        key === "service" || key === "raw"
          ? isDeepStrictEqual(got, expected)
          : isDeepStrictEqual(got.data, expected.data);
      if (!same) problems.push(`${key} / ${q.key}: ${JSON.stringify(got).slice(0, 300)}`);
    }
  }
  if (problems.length > 0) {
    console.error(`Validity failed; no figures:\n${problems.map(p => `  - ${p}`).join("\n")}`);
    process.exitCode = 1;
    return;
  }

  const results = new Map<string, number[]>(); // `${variant}/${query}` -> µs per round
  for (const q of queries) {
    const body = requestBody(q);
    for (const key of keys) await measure(all.get(key) as Answer, body); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of keys) {
        const us = await measure(all.get(key) as Answer, body);
        results.set(`${key}/${q.key}`, [...(results.get(`${key}/${q.key}`) ?? []), us]);
      }
    }
    console.error(
      `${q.key}: ${keys.map(k => `${k} ${fmt(median(results.get(`${k}/${q.key}`) ?? []))} µs`).join(", ")}`,
    );
  }
  console.log(render(queries, keys, results));
}

function render(
  queries: readonly BenchQuery[],
  keys: readonly string[],
  results: ReadonlyMap<string, number[]>,
): string {
  const m = machine();
  const us = (key: string, q: BenchQuery) => median(results.get(`${key}/${q.key}`) ?? []);
  return [
    `Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.date}; ${ROUNDS} interleaved rounds of ~${ROUND_MS} ms CPU per variant (medians).`,
    "",
    "CPU µs per request (× raw = raw's CPU per request over the variant's):",
    "",
    table(
      ["Query", ...keys.map(k => `${k} µs`), ...keys.filter(k => k !== "raw").map(k => `${k} × raw`)],
      queries.map(q => [
        q.title,
        ...keys.map(k => fmt(us(k, q))),
        ...keys.filter(k => k !== "raw").map(k => fmt(us("raw", q) / us(k, q), 2)),
      ]),
    ),
  ].join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
