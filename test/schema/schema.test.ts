import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  type GraphQLField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";

import { buildSubgraph, printSubgraph } from "../../src/graphql/federation";
import { buildGraphSchema, printGraphSchema } from "../../src/graphql/schema";
import { ROOT } from "../support/harness";

const schema = buildGraphSchema();
const ownTypes = Object.values(schema.getTypeMap()).filter(t => !t.name.startsWith("__"));

describe("committed schema files", () => {
  test("schema.graphql is what the code generates (run `npm run schema` after changing the schema)", () => {
    const committed = readFileSync(join(ROOT, "schema.graphql"), "utf8");
    expect(committed).toBe(printGraphSchema(schema));
  });

  test("subgraph.graphql is what the code generates (run `npm run schema` after changing the schema)", () => {
    const committed = readFileSync(join(ROOT, "subgraph.graphql"), "utf8");
    expect(committed).toBe(printSubgraph(buildSubgraph(schema)));
  });

  test("schema.graphql is for clients: no federation directives or fields", () => {
    const committed = readFileSync(join(ROOT, "schema.graphql"), "utf8");
    expect(committed.match(/@key|@link|@shareable|_entities|_service|_Any/g)).toBeNull();
  });
});

describe("schema documentation", () => {
  const undocumented = (type: GraphQLNamedType): string[] => {
    const missing: string[] = type.description ? [] : [type.name];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields: Array<GraphQLField<unknown, unknown>> = Object.values(type.getFields());
      for (const field of fields) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    return missing;
  };

  test("every type, field, argument and enum value has a description", () => {
    expect(ownTypes.flatMap(undocumented)).toEqual([]);
  });

  test("enum values are UPPER_CASE", () => {
    const badValues = ownTypes
      .filter(isEnumType)
      .flatMap(t => t.getValues().map(v => `${t.name}.${v.name}`))
      .filter(name => !/\.[A-Z][A-Z0-9_]*$/.test(name));
    expect(badValues).toEqual([]);
  });
});

describe("schema shape", () => {
  const nodeTypes = [
    "Award",
    "AwardConferral",
    "City",
    "Commitment",
    "Company",
    "CooperationArea",
    "Country",
    "Delegation",
    "FlightRoute",
    "Leader",
    "Meeting",
    "Position",
    "SharedValue",
    "Source",
    "Statement",
  ];

  test("every entity implements Node and is in the SearchResult union", () => {
    expect(
      schema
        .getPossibleTypes(schema.getType("Node") as never)
        .map(t => t.name)
        .sort(),
    ).toEqual(nodeTypes);
    const union = schema.getType("SearchResult");
    expect(
      isUnionType(union)
        ? union
            .getTypes()
            .map(t => t.name)
            .sort()
        : null,
    ).toEqual(nodeTypes);
  });

  test("single lookups are nullable and lists are connections with totalCount", () => {
    const query = schema.getQueryType();
    if (!query) throw new Error("no Query type");
    const fields = Object.values(query.getFields());
    const lookups = fields.filter(f => f.args.some(a => a.name === "id" || a.name === "code"));
    expect(lookups.map(f => [f.name, String(f.type)])).toEqual(
      lookups.map(f => [f.name, String(f.type).replace(/!$/, "")]),
    );
    const lists = fields.filter(f => String(f.type).endsWith("Connection!"));
    expect(lists.length).toBe(16);
    for (const field of lists) {
      const pageArgs = field.args.map(a => a.name).filter(a => ["first", "after", "last", "before"].includes(a));
      expect([field.name, pageArgs]).toEqual([field.name, ["first", "after", "last", "before"]]);
      const type = schema.getType(String(field.type).replace(/!$/, ""));
      expect([field.name, isObjectType(type) ? Object.keys(type.getFields()).sort() : []]).toEqual([
        field.name,
        ["edges", "nodes", "pageInfo", "totalCount"],
      ]);
    }
  });
});
