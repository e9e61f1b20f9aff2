/**
 * The operation checks' variable check (src/graphql/limits.ts `variablesCheck`): it spares coercing
 * variables it knows coerce, so it may answer true only where `coerceVariables` finds no error;
 * where it answers false, coercion decides (and reports) as it always did.
 */
import fc from "fast-check";
import { getOperationAST, parse } from "graphql";

import { benchQueries } from "../../bench/queries";
import { variablesCheck } from "../../src/graphql/limits";
import { buildServiceSchema } from "../../src/graphql/schema";
import { coerceVariables } from "../../src/graphql/variables";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { createHarness, type Harness, SEED_DIR } from "../support/harness";

const schema = buildServiceSchema();

/** Variable types of every kind the check knows, and input objects, which it leaves to coercion. */
const TYPES = [
  "ID",
  "ID!",
  "[ID!]!",
  "Int",
  "Int!",
  "[Int]",
  "[[Int!]]",
  "Float",
  "String!",
  "Boolean",
  "CountryCode!",
  "[CountryCode!]!",
  "Currency",
  "AreaCategory",
  "[AreaCategory!]",
  "[_Any!]!",
  "CountryFilter",
  "[DateRange!]",
];

const operationOf = (definitions: string) => {
  const operation = getOperationAST(parse(`query Q(${definitions}) { __typename }`));
  if (!operation) throw new Error("no operation");
  return operation;
};

const coerces = (definitions: string, variables: Record<string, unknown>): boolean =>
  coerceVariables(schema, operationOf(definitions).variableDefinitions ?? [], variables, {
    maxErrors: 10,
    hideSuggestions: true,
  }).errors === undefined;

/** Values near and far from what each type takes. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, "KZ", "kz", "XX", "USD", "usd", "ENERGY", "energy", "", "country:KZ"),
  fc.constantFrom(0, 1, -1, 2 ** 31, -(2 ** 31), 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, false),
  fc.constantFrom({ __typename: "Country", code: "KZ" }, { nameContains: "a" }, { from: "2020-01-01" }, {}),
  fc.anything({ withSet: true, withMap: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }),
);
const values = fc.oneof(value, fc.array(value, { maxLength: 4 }), fc.array(fc.array(value, { maxLength: 3 })));

describe("variablesCheck", () => {
  test.each(TYPES)("answers true for a $v: %s only when coerceVariables finds no error", type => {
    const check = variablesCheck(schema, operationOf(`$v: ${type}`));
    let known = 0;
    fc.assert(
      fc.property(values, v => {
        if (!check({ v })) return;
        known++;
        expect(coerces(`$v: ${type}`, { v })).toBe(true);
      }),
      { numRuns: 400, seed: 11 },
    );
    // Null or absent, a nullable variable is known to coerce; a non-null one never is.
    expect(check({})).toBe(!type.endsWith("!"));
    expect(known > 0).toBe(!type.endsWith("!") || !/Filter|DateRange/.test(type));
  });

  test("absent variables: known when they have a default or are nullable", () => {
    const check = variablesCheck(schema, operationOf("$a: Int! = 3, $b: Int, $c: Int!"));
    expect(check({ c: 1 })).toBe(true);
    expect(check({})).toBe(false);
    expect(check({ a: null, c: 1 })).toBe(false);
    expect(coerces("$a: Int! = 3, $b: Int, $c: Int!", { a: null, c: 1 })).toBe(false);
  });

  test("a type the schema lacks is left to coercion", () => {
    expect(variablesCheck(schema, operationOf("$v: Nowhere"))({ v: 1 })).toBe(false);
  });

  test("the benchmark's operations are known to coerce (no coercion on their path)", async () => {
    const repository = new InMemoryRepository(loadSeed({ seedDir: SEED_DIR }));
    for (const q of await benchQueries(repository)) {
      const operation = getOperationAST(parse(q.query), q.operationName);
      if (!operation) throw new Error(q.key);
      expect([q.key, variablesCheck(schema, operation)(q.variables)]).toEqual([q.key, true]);
    }
  });
});

describe("variables the check leaves to coercion are still answered by it", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(() => harness.stop());

  test("a null item of a [ID!]! list is 400 BAD_USER_INPUT", async () => {
    expect(
      await harness.run("query N($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ["country:KZ", null] }),
    ).toEqual({
      status: 400,
      body: {
        errors: [
          {
            // (null previewed as "object": ./variables's preview, as it always was)
            message:
              'Variable "$ids" got invalid value object at "ids[1]"; Expected non-nullable type "ID!" not to be null.',
            locations: [{ line: 1, column: 9 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });

  test("valid variables execute, as before", async () => {
    expect(await harness.run("query N($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ["country:KZ"] })).toEqual({
      status: 200,
      body: { data: { nodes: [{ id: "country:KZ" }] } },
    });
  });
});
