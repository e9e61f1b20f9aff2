/**
 * The start-up check of what only type-graphql's metadata knows (src/graphql/entity-check.ts): a
 * schema that lacks a piece of an entity type refuses to build, naming the type and the piece.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { buildSchema, isEnumType } from "graphql";

import { checkEntitySchema } from "../../src/graphql/entity-check";
import { AwardResolver } from "../../src/graphql/award/award.resolver";
import { buildGraphSchema, resolvers } from "../../src/graphql/schema";
import { SearchType } from "../../src/graphql/search/search.type";
import { ROOT } from "../support/harness";

/**
 * The committed subgraph SDL (with its @key directives), changed by `edit`, as a schema whose
 * SearchType values are the typenames, as in the schema type-graphql builds (SDL gives them their names).
 */
function subgraphWith(edit: (sdl: string) => string) {
  const sdl = readFileSync(join(ROOT, "subgraph.graphql"), "utf8");
  const edited = edit(sdl);
  expect(edited).not.toBe(sdl);
  const schema = buildSchema(edited, { assumeValidSDL: true });
  const searchType = schema.getType("SearchType");
  if (!isEnumType(searchType)) throw new Error("no SearchType");
  const typenames = new Map(Object.entries(SearchType));
  for (const value of searchType.getValues()) value.value = typenames.get(value.name);
  return schema;
}

describe("entity check at start-up", () => {
  test("the service's schema is complete", () => {
    expect(() => checkEntitySchema(subgraphWith(sdl => `${sdl}\n`))).not.toThrow();
    expect(() => buildGraphSchema()).not.toThrow();
  });

  test("an entity resolver left out: the schema refuses to build, naming the type and its missing list", () => {
    expect(() => buildGraphSchema(resolvers.filter(r => r !== AwardResolver))).toThrow(
      "The GraphQL schema is incomplete:\n" +
        "  - entity type Award: no root query returns AwardConnection (its EntityResolver in ENTITY_RESOLVERS)",
    );
  });

  test("a type left out of search and without its key: each missing piece named", () => {
    const schema = subgraphWith(sdl =>
      sdl
        .replace('  """Award objects."""\n  AWARD\n', "")
        .replace("union SearchResult = Award | ", "union SearchResult = ")
        .replace('type Award implements Node @key(fields: "id")', "type Award implements Node"),
    );
    expect(() => checkEntitySchema(schema)).toThrow(
      "The GraphQL schema is incomplete:\n" +
        "  - entity type Award: Award has no @key directive\n" +
        "  - entity type Award: SearchType has no value for Award\n" +
        "  - entity type Award: SearchResult does not include Award",
    );
  });

  test("a type without its evidence(fields:) and a fact field the type lacks: each named", () => {
    const schema = subgraphWith(sdl =>
      sdl
        .replace(/(type Award implements Node[^{]*\{[\s\S]*?evidence)\([\s\S]*?fields: \[AwardFact!\]\s*\)/, "$1")
        .replace(
          /(type City implements Node[^{]*\{[\s\S]*?)\n {2}"""The country the city is in\."""\n {2}country: Country!\n/,
          "$1\n",
        ),
    );
    expect(() => checkEntitySchema(schema)).toThrow(
      "The GraphQL schema is incomplete:\n" +
        "  - entity type City: fact fields with no field of that name: country\n" +
        "  - entity type Award: no evidence(fields: [AwardFact!]): [Claim!]! field (its resolver in EVIDENCE_RESOLVERS)",
    );
  });
});
