/**
 * Data-aware cost (src/graphql/limits.ts): each connection is costed at the lesser of its page size
 * and the longest its declared list is in the loaded data (the pinned dataset: at most 1 leader per
 * country, 1 conferral per leader, 71 records citing one source), and every executed response
 * reports the requested (estimated) and the actual cost.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { getNamedType, isObjectType } from "graphql";

import { benchQueries } from "../../bench/queries";
import { RawHandlers } from "../../bench/raw";
import { listBoundOf } from "../../src/graphql/base/list-bound";
import { buildServiceSchema } from "../../src/graphql/schema";
import { EXAMPLE_OPERATIONS } from "../../src/http/ide";
import { createHarness, type Harness, ROOT } from "../support/harness";

/** Jordan → its leaders → the awards each conferred → the recipient → the recipient's country. */
const WALK = `query Walk {
  country(code: "JO") {
    name
    leaders {
      nodes {
        name
        awardsConferred {
          nodes {
            award { name }
            date
            recipient { name country { name } }
          }
        }
      }
    }
  }
}`;

const LIMIT = 25_000;
const cost = (requested: number, actual: number) => ({ cost: { requested, actual, limit: LIMIT } });

/** The operations of README's "Ask it something", by name. */
function readmeOperations(): Map<string, string> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Ask it something"),
    readme.indexOf("\n## ", readme.indexOf("## Ask it something") + 1),
  );
  const queries = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map(match => match[1] ?? "");
  return new Map(queries.map(query => [/query (\w+)/.exec(query)?.[1] ?? "", query]));
}

describe("data-aware cost", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(() => harness.stop());

  it("the walk Jordan → leaders → awards conferred → recipient → country costs what the data can hold", async () => {
    const response = await harness.runWithExtensions(WALK);
    // country 1 + name 1 + leaders (1 + min(20, 1 leader per country) × (nodes 1 + name 1
    //   + awardsConferred (1 + min(20, 1 conferral per giver) × (nodes 1 + award 2 + date 1 + recipient 4))))
    // = 2 + (1 + 1 × (2 + (1 + 1 × 8))) = 14; page sizes alone gave 3 + 20 × (3 + 20 × 8) = 3,263.
    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            name: "Jordan",
            leaders: {
              nodes: [
                {
                  name: "Abdullah II ibn Al Hussein",
                  awardsConferred: {
                    nodes: [
                      {
                        award: { name: "Order of Al-Nahda" },
                        date: "2025-08-27",
                        recipient: { name: "Kassym-Jomart Tokayev", country: { name: "Kazakhstan" } },
                      },
                    ],
                  },
                },
              ],
            },
          },
        },
      },
      extensions: cost(14, 14),
    });
  });

  it("every IDE example costs under a tenth of the limit", async () => {
    const costs = [];
    for (const { query, variables } of EXAMPLE_OPERATIONS) {
      const response = await harness.runWithExtensions(query, variables ? (JSON.parse(variables) as never) : undefined);
      costs.push({
        operation: /query (\w+)/.exec(query)?.[1],
        errors: response.body.errors,
        ...(response.extensions as object),
      });
    }
    expect(costs).toEqual([
      { operation: "BilateralSummary", errors: undefined, ...cost(174, 62) },
      { operation: "CountryToAwardAndBack", errors: undefined, ...cost(29, 27) },
      { operation: "Search", errors: undefined, ...cost(56, 42) },
      { operation: "Evidence", errors: undefined, ...cost(152, 75) },
    ]);
  });

  it("every operation of README's 'Ask it something' costs under a tenth of the limit", async () => {
    const costs: Record<string, unknown> = {};
    for (const [name, query] of readmeOperations()) costs[name] = (await harness.runWithExtensions(query)).extensions;
    expect(costs).toEqual({
      KazakhstanJordan: cost(188, 76),
      CountryToAward: cost(12, 12),
      Find: cost(46, 34),
      WhoSaysSo: cost(43, 11),
      SaysWho: cost(97, 16),
    });
  });

  it("a connection's bound does not lower a page size it is already under", async () => {
    // positions (bound 24 per area) at first: 2: 1 + 2 × (nodes 1 + id 1), and it returns two.
    const response = await harness.runWithExtensions(
      `{ cooperationArea(id: "area:nuclear") { positions(first: 2) { nodes { id } } } }`,
    );
    expect(response.extensions).toEqual(cost(1 + 1 + 2 * 2, 1 + 1 + 2 * 2));
  });

  it("the actual cost follows fragments, aliases and @skip, and counts a null relation once", async () => {
    const response = await harness.runWithExtensions(`{
      jordan: country(code: "JO") { ...Leaders }
      kazakhstan: country(code: "KZ") @skip(if: true) { name }
      nowhere: country(code: "FR") { ...Leaders }
    }
    fragment Leaders on Country { name leaders { nodes { name } } }`);
    // Each country: 1 + name 1 + leaders (1 + min(20, 1) × (nodes 1 + name 1)) = 5, twice; skipped: 0.
    // Actual: Jordan 5 (one leader), nowhere 1 (null).
    expect(response.extensions).toEqual(cost(10, 6));
  });

  it("the same document asked again, with other variables, costs what its own answer holds", async () => {
    // Fields collected for a document are reused across its requests only when @skip/@include do not
    // make them depend on the variables.
    const plain = `query Leaders($code: CountryCode!) { country(code: $code) { name leaders { nodes { name } } } }`;
    const conditional = `query Maybe($code: CountryCode!, $more: Boolean!) {
      country(code: $code) { name leaders @include(if: $more) { nodes { name } } }
    }`;
    const actual = async (query: string, variables: Record<string, unknown>) =>
      ((await harness.runWithExtensions(query, variables)).extensions as ReturnType<typeof cost>).cost.actual;
    expect({
      jordan: await actual(plain, { code: "JO" }),
      nowhere: await actual(plain, { code: "FR" }),
      jordanAgain: await actual(plain, { code: "JO" }),
      withLeaders: await actual(conditional, { code: "JO", more: true }),
      withoutLeaders: await actual(conditional, { code: "JO", more: false }),
      withLeadersAgain: await actual(conditional, { code: "JO", more: true }),
    }).toEqual({ jordan: 5, nowhere: 1, jordanAgain: 5, withLeaders: 5, withoutLeaders: 2, withLeadersAgain: 5 });
  });

  it("an attack where the data is large is still refused before anything executes", async () => {
    // search has no stored list (page size 100); citedBy is bounded by the 71 records citing one source:
    // 1 + 100 × (nodes 1 + citedBy (1 + 71 × (nodes 1 + citedBy (1 + 71 × totalCount 1)))) = 518,501.
    const response = await harness.runWithExtensions(`query Attack {
      search(text: "a", first: 100) {
        nodes { ... on Source { citedBy(first: 100) { nodes { ... on Source { citedBy(first: 100) { totalCount } } } } } }
      }
    }`);
    expect(response).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              "The operation costs 518501, over the limit of 25000: ask for smaller pages (first/last) or fewer nested lists.",
            extensions: { code: "COST_LIMIT_EXCEEDED" },
          },
        ],
      },
      extensions: undefined,
    });
  });

  it("the benchmark's hand-written baseline (bench/raw.ts) answers what the service does, cost included", async () => {
    const raw = new RawHandlers(harness.repository);
    for (const query of await benchQueries(harness.repository)) {
      const { body, extensions } = await harness.runWithExtensions(query.query, query.variables);
      expect({ operation: query.operationName, ...raw.handle(query) }).toEqual({
        operation: query.operationName,
        ...body,
        extensions,
      });
    }
  });

  it("every connection field resolved from a stored list declares it in the served schema", () => {
    const schema = buildServiceSchema();
    const undeclared = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name.endsWith("Connection") && !listBoundOf(field)) {
          undeclared.push(`${type.name}.${field.name}`);
        }
      }
    }
    // search ranks matches: it has no stored list, and is costed at its page size.
    expect(undeclared).toEqual(["Query.search"]);
  });
});
