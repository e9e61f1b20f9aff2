/**
 * Test harness: the real schema and the bundled report's dataset (SEED_DIR), executed in-process
 * through Apollo Server's `executeOperation` (same error formatting and plugins as HTTP, without a
 * socket). Over the bundled dataset, every operation is also run through the differential check
 * (test/support/differential.ts): graphql-js over type-graphql's own resolvers and the service's
 * compiled executor must agree. Every response's reported actual cost must be what the reference
 * walk (test/support/reference-actual-cost.ts) counts over its data.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

import type { ApolloServer } from "@apollo/server";
import { getOperationAST, type GraphQLSchema, parse } from "graphql";
import pino from "pino";

import { loadConfig } from "../../src/config/config";
import { createContext, type GraphContext } from "../../src/graphql/base/context";
import { fragmentsOf } from "../../src/graphql/document";
import { buildServiceSchema } from "../../src/graphql/schema";
import { declaredVariables } from "../../src/graphql/variables";
import { createApollo } from "../../src/http/server";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import type { GraphRepository } from "../../src/repository/repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { createDifferential } from "./differential";
import { referenceActualCost } from "./reference-actual-cost";

export const ROOT = join(__dirname, "..", "..");
/**
 * The dataset every test runs on: the bundled report and the reference facts, pinned by name (links
 * to `seed/kazakhstan-jordan-2025-08-27.json`, `seed/reference.json` and `seed/sources/`), so that a
 * report added to `seed/` changes no test.
 */
export const SEED_DIR = join(ROOT, "test", "fixtures", "seed", "bundled");

/**
 * Copies a folder, links replaced by copies of what they point to: SEED_DIR holds links to the
 * committed seed, which `cpSync` copies as links (even with `dereference`), so a test that changes
 * its copy would change the committed files.
 */
export function copyFollowingLinks(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (statSync(join(from, name)).isDirectory()) copyFollowingLinks(join(from, name), join(to, name));
    else copyFileSync(join(from, name), join(to, name));
  }
}

export interface Result {
  readonly status: number;
  readonly body: { data?: unknown; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
}

export interface Harness {
  readonly repository: GraphRepository;
  /** Status, data and errors. Response `extensions` (the cost report) are left to `runWithExtensions`. */
  run(query: string, variables?: Record<string, unknown>): Promise<Result>;
  /** The whole response, `extensions` included. */
  runWithExtensions(query: string, variables?: Record<string, unknown>): Promise<Result & { extensions: unknown }>;
  stop(): Promise<void>;
}

export async function createHarness(repository?: GraphRepository): Promise<Harness> {
  const repo = repository ?? new InMemoryRepository(loadSeed({ seedDir: SEED_DIR }));
  const config = loadConfig({ NODE_ENV: "test" });
  const schema = buildServiceSchema();
  const apollo: ApolloServer<GraphContext> = createApollo({ config, schema, logger: pino({ level: "silent" }) });
  await apollo.start();
  // Only over the harness's own repository: a test's own (counting, failing) sees each call once.
  const differential = repository ? null : createDifferential(repo);
  const runWithExtensions: Harness["runWithExtensions"] = async (query, variables) => {
    await differential?.check(query, variables);
    const contextValue = createContext(repo, { id: "test", operationName: null, internalError: false });
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors, extensions } = response.body.singleResult;
    checkActualCost(schema, query, variables, data, extensions);
    return {
      status: response.http.status ?? 200,
      body: { ...(data !== undefined ? { data } : {}), ...(errors ? { errors } : {}) },
      extensions,
    };
  };
  return {
    repository: repo,
    runWithExtensions,
    async run(query, variables) {
      const { status, body } = await runWithExtensions(query, variables);
      return { status, body };
    },
    stop: () => apollo.stop(),
  };
}

/**
 * Every response's reported actual cost must be what the reference walk (the service's first
 * implementation, test/support/reference-actual-cost.ts) counts over the same data.
 */
function checkActualCost(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> | undefined,
  data: Record<string, unknown> | null | undefined,
  extensions: Record<string, unknown> | undefined,
): void {
  const reported = (extensions?.cost as { actual?: unknown } | undefined)?.actual;
  if (reported === undefined || !data) return;
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) return;
  const reference = referenceActualCost(
    { schema, operation, fragments: fragmentsOf(document), variables: declaredVariables(operation, variables) },
    data,
  );
  if (reported !== reference) {
    throw new Error(`actual cost ${JSON.stringify(reported)} where the reference walk counts ${reference}:\n${query}`);
  }
}
