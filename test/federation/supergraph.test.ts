/**
 * End to end, as a platform team would run it: this service and a second, independent subgraph
 * (which extends Country by its key with a population; built with Apollo's own @apollo/subgraph) are
 * composed by ops/router/compose-supergraph.mjs (@apollo/composition), and a
 * real @apollo/gateway serves the supergraph over HTTP on loopback, calling both subgraphs over
 * HTTP — this one with the router secret. A query that crosses both must come back whole.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

import type { App } from "../../src/app";
import { ROOT } from "../support/harness";
import { startTestServer } from "../support/server";

const SECRET = "s3cret-for-tests-only-0123456789";

/** A second team's subgraph: populations, keyed by the same ISO code (the README's example). */
const POPULATION_SDL_FILE = join(ROOT, "examples", "supergraph", "population.graphql");
const POPULATION_SDL = readFileSync(POPULATION_SDL_FILE, "utf8");
const POPULATIONS: Record<string, number> = { KZ: 20_426_568, JO: 11_734_000 };

let service: App;
let population: ApolloServer;
let gateway: ApolloServer;
let gatewayUrl: string;
let supergraphSdl: string;
let populationRequests = 0;

beforeAll(async () => {
  service = await startTestServer({ ROUTER_SECRET: SECRET });

  population = new ApolloServer({
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        requestDidStart: () => {
          populationRequests++;
          return Promise.resolve();
        },
      },
    ],
    schema: buildSubgraphSchema({
      typeDefs: parse(POPULATION_SDL),
      resolvers: {
        Country: {
          __resolveReference: (ref: { code: string }) => ({
            code: ref.code,
            population: POPULATIONS[ref.code] ?? null,
          }),
        },
      },
    }),
  });
  const { url: populationUrl } = await startStandaloneServer(population, { listen: { port: 0, host: "127.0.0.1" } });

  // Composed by the repository's own script, as a platform team would: this service asked over HTTP
  // for its SDL (with the router secret, from the environment), the other subgraph from its file.
  const dir = mkdtempSync(join(tmpdir(), "supergraph-"));
  const config = join(dir, "supergraph.yaml");
  const composition = (
    JSON.parse(readFileSync(join(ROOT, "node_modules/@apollo/composition/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  writeFileSync(
    config,
    [
      `federation_version: =${composition}`,
      "subgraphs:",
      "  bilateral:",
      "    schema:",
      `      subgraph_url: ${service.url}`,
      "      introspection_headers:",
      "        x-router-secret: ${env.ROUTER_SECRET}",
      "  population:",
      `    routing_url: ${populationUrl}`,
      "    schema:",
      `      file: ${POPULATION_SDL_FILE}`,
      "",
    ].join("\n"),
  );
  // Not spawnSync: this process serves the bilateral subgraph the script asks.
  const child = spawn(process.execPath, [join(ROOT, "ops/router/compose-supergraph.mjs"), "--config", config], {
    env: { PATH: process.env.PATH ?? "", ROUTER_SECRET: SECRET },
  });
  const composed = { stdout: "", stderr: "", status: null as number | null };
  child.stdout.on("data", (chunk: Buffer) => (composed.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (composed.stderr += chunk.toString()));
  composed.status = await new Promise<number | null>(done => child.on("close", done));
  rmSync(dir, { recursive: true, force: true });
  if (composed.status !== 0) throw new Error(`composition failed:\n${composed.stderr}`);
  supergraphSdl = composed.stdout;

  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url, name }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest({ request }) {
            if (name === "bilateral") request.http?.headers.set("x-router-secret", SECRET);
          },
        }),
    }),
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, { listen: { port: 0, host: "127.0.0.1" } }));
});

afterAll(async () => {
  await gateway?.stop();
  await population?.stop();
  await service?.stop();
});

async function query(text: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: text, variables }),
  });
  const body: unknown = await response.json();
  return { status: response.status, body };
}

describe("the composed supergraph", () => {
  test("composes: Country is one entity with fields from both subgraphs", () => {
    expect(supergraphSdl).toMatch(/join__type\(graph: BILATERAL, key: "code"\)/);
    expect(supergraphSdl).toMatch(/join__type\(graph: POPULATION, key: "code"\)/);
    expect(supergraphSdl).toMatch(/population: Int @join__field\(graph: POPULATION\)/);
  });

  test("answers a query that crosses both subgraphs", async () => {
    const result = await query(
      /* GraphQL */ `
        query CountryWithPopulation($code: CountryCode!) {
          country(code: $code) {
            name
            population
            leaders {
              nodes {
                name
                awardsReceived {
                  nodes {
                    award {
                      name
                    }
                    conferredBy {
                      name
                      country {
                        name
                        population
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { code: "KZ" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            name: "Kazakhstan",
            population: 20_426_568,
            leaders: {
              nodes: [
                {
                  name: "Kassym-Jomart Tokayev",
                  awardsReceived: {
                    nodes: [
                      {
                        award: { name: "Order of Al-Nahda" },
                        conferredBy: {
                          name: "Abdullah II ibn Al Hussein",
                          country: { name: "Jordan", population: 11_734_000 },
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        },
      },
    });
  });

  test("resolves population for every country of a list through one _entities call", async () => {
    const before = populationRequests;
    expect(await query("query Populations { countries { nodes { code population } } }")).toEqual({
      status: 200,
      body: {
        data: {
          countries: {
            nodes: [
              { code: "JO", population: 11_734_000 },
              { code: "KZ", population: 20_426_568 },
            ],
          },
        },
      },
    });
    expect(populationRequests - before).toBe(1);
  });

  test("keeps the subgraph's federation fields out of the public API", async () => {
    expect(await query("query Sdl { _service { sdl } }")).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Cannot query field "_service" on type "Query".',
            locations: [{ line: 1, column: 13 }],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          },
        ],
      },
    });
  });
});
