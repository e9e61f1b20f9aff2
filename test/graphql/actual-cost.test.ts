/**
 * The actual cost as the service computes it (src/graphql/actual-cost.ts: plans kept per document
 * and per outcome of its @skip/@include conditions, walked over the response) against the walk it
 * replaced (test/support/reference-actual-cost.ts), which the harness also checks on every
 * operation of the whole-response suites: operations chosen to take each path of the plans — a
 * repeated document, conditions on variables (more outcomes than are kept), fragments on the
 * members of a union, a response name every object inherits, errors and the nulls they propagate,
 * and graphql-js executing instead of graphql-jit.
 */
import { getOperationAST, parse } from "graphql";

import { benchQueries } from "../../bench/queries";
import { DocumentCostPlans } from "../../src/graphql/actual-cost";
import { fragmentsOf } from "../../src/graphql/document";
import { buildServiceSchema } from "../../src/graphql/schema";
import { declaredVariables } from "../../src/graphql/variables";
import { EXAMPLE_OPERATIONS } from "../../src/http/ide";
import { createHarness, type Harness } from "../support/harness";
import { referenceActualCost } from "../support/reference-actual-cost";

const LIMIT = 25_000;
const cost = (requested: number, actual: number) => ({ cost: { requested, actual, limit: LIMIT } });

/** Positions on nuclear energy, each with its actor through fragments on the union's members. */
const POSITIONS = `query Positions($stances: Boolean!, $names: Boolean!) {
  cooperationArea(id: "area:nuclear") {
    positions(first: 3) {
      totalCount
      nodes {
        stance @include(if: $stances)
        actor {
          __typename
          ... on Country @include(if: $names) { name }
          ... on Leader { name @skip(if: $names) id }
          ...Company
        }
      }
    }
  }
}
fragment Company on Company { name sector }`;

describe("actual cost", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(() => harness.stop());

  it("one document asked with each outcome of its conditions, the first again last", async () => {
    const responses = [];
    for (const variables of [
      { stances: true, names: true },
      { stances: false, names: true },
      { stances: true, names: false },
      { stances: false, names: false },
      { stances: true, names: true },
    ]) {
      responses.push(await harness.runWithExtensions(POSITIONS, variables));
    }
    // The area's three positions: two companies and a leader (no country: its fragment is planned
    // and never met).
    const actors = (names: boolean) => [
      { __typename: "Company", name: "Jordanian Uranium Mining Company", sector: "URANIUM_MINING" },
      { __typename: "Company", name: "Kazatomprom", sector: "URANIUM_MINING" },
      names
        ? { __typename: "Leader", id: "leader:kassym-jomart-tokayev" }
        : { __typename: "Leader", name: "Kassym-Jomart Tokayev", id: "leader:kassym-jomart-tokayev" },
    ];
    const body = (stances: boolean, names: boolean) => ({
      data: {
        cooperationArea: {
          positions: {
            totalCount: 3,
            nodes: actors(names).map((actor, i) => ({
              ...(stances ? { stance: ["PARTICIPATES", "PARTICIPATES", "SUPPORTED"][i] } : {}),
              actor,
            })),
          },
        },
      },
    });
    // Actual: cooperationArea 1 + positions (1 + 3 items + each item's cost + totalCount 1 × 3 items).
    // An item: stance 1 (when included) + actor (1 + its fields: a company 3, the leader 2, or 3 with
    // its name). With stances and names: 2 + 3 + (5 + 5 + 4) + 3 = 22.
    // Requested: 2 + 3 × (totalCount 1 + nodes 1 + stance 1 + actor 1 + the largest member, 3) = 23.
    expect(responses).toEqual([
      { status: 200, body: body(true, true), extensions: cost(23, 22) },
      { status: 200, body: body(false, true), extensions: cost(20, 19) },
      { status: 200, body: body(true, false), extensions: cost(23, 23) },
      { status: 200, body: body(false, false), extensions: cost(20, 20) },
      { status: 200, body: body(true, true), extensions: cost(23, 22) },
    ]);
  });

  it("a response name every object inherits counts where `in` finds it, as the formula always did", async () => {
    // `toString` and `constructor` are found by `in` on every object graphql-jit builds, whichever
    // member the actor is: the walk counts them for each actor (the leader's `toString` and the
    // companies' `constructor` included), as the reference does.
    const response = await harness.runWithExtensions(`{
      cooperationArea(id: "area:nuclear") {
        positions(first: 3) { nodes { actor { ... on Company { toString: name } ... on Leader { constructor: id } } } }
      }
    }`);
    const actor = (key: string, value: string) => ({ actor: { [key]: value } });
    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            positions: {
              nodes: [
                actor("toString", "Jordanian Uranium Mining Company"),
                actor("toString", "Kazatomprom"),
                actor("constructor", "leader:kassym-jomart-tokayev"),
              ],
            },
          },
        },
      },
      // 2 + 3 items + 3 × (actor 1 + toString 1 + constructor 1) = 14, where the fields present give 11.
      extensions: cost(1 + 1 + 3 * 3, 14),
    });
  });

  it("errors and the nulls they propagate (graphql-js executes): what the response holds", async () => {
    // positions(first: -1) fails its argument check: the non-null connection's error nulls the
    // area; graphql-js answers (graphql-jit met errors), with objects of its own making.
    const response = await harness.runWithExtensions(`{
      cooperationArea(id: "area:nuclear") { name positions(first: -1) { totalCount } }
      jordan: country(code: "JO") { name leaders { nodes { ... on Leader { name } } } }
    }`);
    expect(response).toEqual({
      status: 400,
      body: {
        data: {
          cooperationArea: null,
          jordan: { name: "Jordan", leaders: { nodes: [{ name: "Abdullah II ibn Al Hussein" }] } },
        },
        errors: [
          {
            message: "Invalid argument: first must be between 1 and 100",
            locations: [{ line: 2, column: 50 }],
            path: ["cooperationArea", "positions"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "first", messages: ["first must be between 1 and 100"] }],
            },
          },
        ],
      },
      // Requested: cooperationArea 1 + name 1 + positions (1 + min(1, 24) × 1); jordan 1 + name 1 + leaders (1 + 1 × 2).
      // Actual: cooperationArea 1 (null); jordan 1 + name 1 + leaders (1 + 1 item + name 1) = 5.
      extensions: cost(9, 6),
    });
  });
});

describe("actual cost against the reference walk", () => {
  const schema = buildServiceSchema();
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(() => harness.stop());

  /** What the service reports and what the reference walk counts over the same data. */
  async function both(query: string, variables?: Record<string, unknown>) {
    const response = await harness.runWithExtensions(query, variables);
    const document = parse(query);
    const operation = getOperationAST(document);
    if (!operation) throw new Error("one operation expected");
    const data = response.body.data as Record<string, unknown> | undefined;
    const reference = data
      ? referenceActualCost(
          { schema, operation, fragments: fragmentsOf(document), variables: declaredVariables(operation, variables) },
          data,
        )
      : null;
    return { reported: (response.extensions as ReturnType<typeof cost> | undefined)?.cost.actual ?? null, reference };
  }

  it("the benchmark's operations and the IDE's examples", async () => {
    const results = [];
    for (const q of await benchQueries(harness.repository))
      results.push({ name: q.key, ...(await both(q.query, q.variables)) });
    for (const { query, variables } of EXAMPLE_OPERATIONS) {
      results.push({
        name: /query (\w+)/.exec(query)?.[1],
        ...(await both(query, variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined)),
      });
    }
    expect(results.map(r => ({ name: r.name, actual: r.reported }))).toEqual(
      results.map(r => ({ name: r.name, actual: r.reference })),
    );
    expect(results.every(r => typeof r.reported === "number" && r.reported > 0)).toBe(true);
  });
});

describe("DocumentCostPlans", () => {
  const schema = buildServiceSchema();
  it("keeps at most 16 outcomes of a document's conditions and answers every one alike", () => {
    const query = `query Q($a: Boolean!, $b: Boolean!, $c: Boolean!, $d: Boolean!, $e: Boolean!) {
      x: __typename @include(if: $a)
      y: __typename @include(if: $b)
      z: __typename @include(if: $c)
      w: __typename @include(if: $d)
      v: __typename @include(if: $e)
    }`;
    const document = parse(query);
    const operation = getOperationAST(document);
    if (!operation) throw new Error("one operation expected");
    const plans = new DocumentCostPlans(schema, document);
    const data = { x: "Query", y: "Query", z: "Query", w: "Query", v: "Query" };
    const seen = [];
    for (let round = 0; round < 2; round++) {
      for (let bits = 0; bits < 32; bits++) {
        const variables = { a: !!(bits & 1), b: !!(bits & 2), c: !!(bits & 4), d: !!(bits & 8), e: !!(bits & 16) };
        seen.push(plans.actualCost(operation, variables, data));
      }
    }
    const expected = Array.from({ length: 64 }, (_, i) => {
      const bits = i % 32;
      return [1, 2, 4, 8, 16].filter(bit => bits & bit).length;
    });
    expect(seen).toEqual(expected);
  });
});
