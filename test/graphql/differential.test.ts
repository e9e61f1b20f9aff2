/**
 * Differential test of compiled execution: operations generated with fast-check from the schema
 * (fields with arguments valid and invalid, literals and variables, aliases, named and inline
 * fragments, `@skip`/`@include` on literals and variables, unions and interfaces, cursors issued and
 * not, nested connections whose errors propagate nulls) run through graphql-js over type-graphql's own
 * resolvers and through the service's executor must give the same JSON, and the actual cost of the
 * service's answer as the service plans it must be what the reference walk counts
 * (test/support/reference-actual-cost.ts). Every operation of the whole-response suites goes through
 * the same checks (test/support/harness.ts).
 *
 * Bounded: DIFF_RUNS operations (default 400) from the fixed seed DIFF_SEED.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import fc from "fast-check";
import {
  getNamedType,
  getOperationAST,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
} from "graphql";

import { DocumentCostPlans } from "../../src/graphql/actual-cost";
import { fragmentsOf } from "../../src/graphql/document";
import { declaredVariables } from "../../src/graphql/variables";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { cursorOf } from "../../src/repository/pagination";
import { loadSeed } from "../../src/seed/seed.loader";
import { createDifferential, differences } from "../support/differential";
import { SEED_DIR } from "../support/harness";
import { referenceActualCost } from "../support/reference-actual-cost";

const SEED = Number(process.env.DIFF_SEED ?? 20_251_130);
const RUNS = Number(process.env.DIFF_RUNS ?? 400);

const differential = createDifferential(new InMemoryRepository(loadSeed({ seedDir: SEED_DIR })));
const schema = differential.schema;

const SEED_IDS: readonly string[] = readdirSync(SEED_DIR)
  .filter(file => file.endsWith(".json"))
  .flatMap(file => [...readFileSync(join(SEED_DIR, file), "utf8").matchAll(/"id":\s*"([^"]+)"/g)].map(m => m[1] ?? ""))
  .filter(id => id !== "");
/** Offsets 0, 1 and 3 as the service encodes them, and two it never issues. */
const CURSORS = [cursorOf(0), cursorOf(1), cursorOf(3), "bogus", ""];

type G = fc.GeneratorValue;
const chance = (g: G, percent: number): boolean => g(fc.integer, { min: 1, max: 100 }) <= percent;
const pick = <T>(g: G, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })] as T;

/** A JSON value for `type`: mostly valid, sometimes out of the rules the resolvers validate. */
function value(g: G, type: GraphQLInputType, name: string, depth: number): unknown {
  if (isNonNullType(type)) return value(g, type.ofType, name, depth);
  if (isListType(type)) {
    const item = getNamedType(type.ofType);
    if (item.name === "CountryCode")
      return pick(g, [
        ["KZ", "JO"],
        ["JO", "kz"],
        ["KZ", "KZ"],
        ["KZ", "JO", "XX"],
      ]);
    if (item.name === "_Any") {
      return Array.from({ length: g(fc.integer, { min: 1, max: 4 }) }, () =>
        pick(g, [
          { __typename: "Country", code: "JO" },
          { __typename: "Country", id: "country:KZ" },
          { __typename: "Leader", id: pick(g, SEED_IDS) },
          { __typename: "City", id: "city:none" },
          { __typename: "Nope", id: "x" },
        ]),
      );
    }
    return Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => value(g, type.ofType, name, depth + 1));
  }
  if (isEnumType(type)) return pick(g, type.getValues()).name;
  if (isInputObjectType(type)) {
    const result: Record<string, unknown> = {};
    if (depth > 2) return result;
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || chance(g, 25)) result[field.name] = value(g, field.type, field.name, depth + 1);
    }
    return result;
  }
  if (name === "after" || name === "before") return pick(g, CURSORS);
  if (name === "nameContains" || name === "text")
    return chance(g, 90) ? pick(g, ["a", "kaz", "nuclear", "jumco"]) : "x".repeat(101);
  switch (type.name) {
    case "Int":
    case "NonNegativeInt":
    case "SafeInt":
      return chance(g, 85) ? g(fc.integer, { min: 1, max: 3 }) : pick(g, [0, 101, -1]);
    case "Float":
      return 1.5;
    case "Boolean":
      return g(fc.boolean);
    case "ID":
      return chance(g, 85) ? pick(g, SEED_IDS) : "nothing:here";
    case "CountryCode":
      return pick(g, ["KZ", "JO", "kz"]);
    case "Currency":
      return pick(g, ["USD", "KZT"]);
    case "LocalDate":
      return pick(g, ["2025-08-27", "2026-01-01", "2020-01-01"]);
    default:
      return pick(g, ["Astana", "trade", "air"]);
  }
}

/** A GraphQL literal of a JSON value of `type`. */
function literal(data: unknown, type: GraphQLInputType | null): string {
  const nullable = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(data)) {
    const item = nullable && isListType(nullable) ? nullable.ofType : null;
    return `[${data.map(v => literal(v, item)).join(", ")}]`;
  }
  if (typeof data === "object" && data !== null) {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : {};
    return `{ ${Object.entries(data)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`)
      .join(", ")} }`;
  }
  if (typeof data === "string" && nullable && isEnumType(nullable)) return data;
  return JSON.stringify(data);
}

class Builder {
  private readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private count = 0;

  constructor(private readonly g: G) {}

  private variable(type: string, data: unknown): string {
    const name = `v${this.declarations.length}`;
    this.declarations.push(`$${name}: ${type}`);
    this.variables[name] = data;
    return `$${name}`;
  }

  private argument(arg: GraphQLArgument): string {
    const data = value(this.g, arg.type, arg.name, 0);
    return chance(this.g, 35) ? this.variable(String(arg.type), data) : literal(data, arg.type);
  }

  private directives(): string {
    const g = this.g;
    if (!chance(g, 12)) return "";
    const condition = chance(g, 50) ? String(g(fc.boolean)) : this.variable("Boolean!", g(fc.boolean));
    return ` @${pick(g, ["skip", "include"])}(if: ${condition})`;
  }

  field(field: GraphQLField<unknown, unknown>, depth: number, alias: boolean): string {
    const g = this.g;
    const args = field.args
      .filter(arg => isNonNullType(arg.type) || chance(g, arg.name === "first" ? 70 : 20))
      .filter(arg => arg.name !== "last" || !chance(g, 50))
      .map(arg => `${arg.name}: ${this.argument(arg)}`);
    const name = alias || chance(g, 15) ? `a${this.count++}: ${field.name}` : field.name;
    const selection = this.selection(getNamedType(field.type), depth - 1);
    return `${name}${args.length > 0 ? `(${args.join(", ")})` : ""}${this.directives()} ${selection}`;
  }

  private fields(fields: ReadonlyArray<GraphQLField<unknown, unknown>>, depth: number): string {
    const g = this.g;
    const seen = new Set<string>();
    return Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => pick(g, fields))
      .map(field => {
        const repeat = seen.has(field.name);
        seen.add(field.name);
        return this.field(field, depth, repeat);
      })
      .join(" ");
  }

  selection(type: GraphQLNamedType, depth: number): string {
    const g = this.g;
    if (isLeafType(type)) return "";
    if (depth <= 0) return "{ __typename }";
    if (isInterfaceType(type) || isUnionType(type)) {
      const parts = ["__typename"];
      const target = pick(g, schema.getPossibleTypes(type));
      parts.push(this.spread(target, depth - 1));
      if (isInterfaceType(type) && chance(g, 50)) parts.push(this.fields(Object.values(type.getFields()), depth));
      return `{ ${parts.join(" ")} }`;
    }
    if (isObjectType(type)) {
      const parts = [this.fields(Object.values(type.getFields()), depth)];
      if (chance(g, 15)) parts.push(this.spread(type, depth - 1));
      return `{ ${parts.join(" ")} }`;
    }
    return "{ __typename }";
  }

  /** An inline fragment or a named one on `type`. */
  private spread(type: GraphQLNamedType, depth: number): string {
    const body = this.selection(type, Math.max(depth, 1));
    if (chance(this.g, 50)) return `... on ${type.name}${this.directives()} ${body}`;
    const name = `F${this.fragments.length}`;
    this.fragments.push(`fragment ${name} on ${type.name} ${body}`);
    return `...${name}`;
  }

  operation(selection: string): string {
    const header = this.declarations.length > 0 ? `(${this.declarations.join(", ")})` : "";
    return [`query Generated${header} ${selection}`, ...this.fragments].join("\n");
  }
}

const ROOTS = Object.values(schema.getQueryType()?.getFields() ?? {}).filter(f => f.name !== "_service");

const operations = fc.gen().map(g => {
  const builder = new Builder(g);
  const depth = g(fc.integer, { min: 2, max: 4 });
  const roots = Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, () => pick(g, ROOTS));
  // A second root is aliased: the same field twice with other arguments would not validate.
  const selection = roots.map((root, i) => builder.field(root, depth, i > 0)).join(" ");
  return { query: builder.operation(`{ ${selection} }`), variables: builder.variables };
});

/**
 * The actual cost of the service's answer, as the service computes it (plans kept per document and
 * outcome of its conditions; walked twice here: name by name, then compiled, as for a document asked
 * again) and as the reference walk does; a message when they differ.
 */
function actualCostDifference(query: string, variables: Record<string, unknown>, service: string): string | null {
  const { data } = JSON.parse(service) as { data?: Record<string, unknown> | null };
  const document = parse(query);
  const operation = getOperationAST(document, "Generated");
  if (!data || !operation) return null;
  const declared = declaredVariables(operation, variables);
  const plans = new DocumentCostPlans(schema, document);
  const planned = [plans.actualCost(operation, declared, data), plans.actualCost(operation, declared, data)];
  const reference = referenceActualCost(
    { schema, operation, fragments: fragmentsOf(document), variables: declared },
    data,
  );
  return planned.every(cost => cost === reference)
    ? null
    : `actual cost ${planned.join(", ")} where the reference walk counts ${reference}:\n${query}\n${JSON.stringify(variables)}`;
}

test(`graphql-js and the compiled executor answer ${RUNS} generated operations alike (seed ${SEED})`, async () => {
  let executed = 0;
  let withErrors = 0;
  await fc.assert(
    fc.asyncProperty(operations, async ({ query, variables }) => {
      const outcome = await differential.run(query, variables, "Generated");
      if (outcome.graphqlJs === null) return;
      executed++;
      if (outcome.graphqlJs.includes('"errors"')) withErrors++;
      const problem =
        differences(query, variables, outcome) ??
        (outcome.service === null ? null : actualCostDifference(query, variables, outcome.service));
      if (problem) throw new Error(problem);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  // The generator must exercise both paths: operations that execute, some of them with errors.
  expect(executed).toBeGreaterThan(RUNS * 0.8);
  expect(withErrors).toBeGreaterThan(RUNS * 0.1);
  // … and mostly compiled: graphql-js executes only what graphql-jit may not answer alike (the
  // generator repeats keys under @skip/@include far more often than clients do).
  const { uncompiled, errors } = differential.fallbacks();
  expect(uncompiled).toBeLessThan(executed / 3);
  expect(executed - uncompiled - errors).toBeGreaterThan(RUNS * 0.4);
});
