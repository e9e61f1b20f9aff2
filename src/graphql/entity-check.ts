/**
 * The start-up check of what the compiler cannot see: type-graphql's metadata is only known once
 * the schema is built. For every entity type of the registry (src/domain/records.ts) the schema
 * must have its object type (a `Node` with a federation `@key`), its connection served by a root
 * list query, its filter input, its place in search (`SearchType`, `SearchResult`), and a field for
 * each of its fact fields (src/domain/facts.ts) with `evidence(fields:)` to ask what supports it. A
 * missing piece refuses the start with a message naming the type and the piece.
 */
import { type GraphQLSchema, isEnumType, isInputObjectType, isObjectType, isUnionType, getNamedType } from "graphql";

import { FACT_FIELDS } from "../domain/facts";
import { NODE_TYPENAMES, type NodeTypename } from "../domain/records";

/** What is missing for one type, in words; empty when nothing is. */
function missingPieces(schema: GraphQLSchema, typename: NodeTypename): string[] {
  const missing: string[] = [];
  const type = schema.getType(typename);
  if (!isObjectType(type)) return [`no object type ${typename} (an @ObjectType class in ENTITY_TYPES)`];
  if (!type.getInterfaces().some(i => i.name === "Node")) missing.push(`${typename} does not implement Node`);
  if (!type.astNode?.directives?.some(d => d.name.value === "key")) missing.push(`${typename} has no @key directive`);
  const connection = `${typename}Connection`;
  const query = schema.getQueryType();
  const listed = Object.values(query?.getFields() ?? {}).some(field => getNamedType(field.type).name === connection);
  if (!listed) missing.push(`no root query returns ${connection} (its EntityResolver in ENTITY_RESOLVERS)`);
  if (!isInputObjectType(schema.getType(`${typename}Filter`))) missing.push(`no input ${typename}Filter`);
  const searchType = schema.getType("SearchType");
  if (!isEnumType(searchType) || !searchType.getValues().some(v => v.value === typename)) {
    missing.push(`SearchType has no value for ${typename}`);
  }
  const searchResult = schema.getType("SearchResult");
  if (!isUnionType(searchResult) || !searchResult.getTypes().some(t => t.name === typename)) {
    missing.push(`SearchResult does not include ${typename}`);
  }
  const fields = type.getFields();
  const unknown = FACT_FIELDS[typename].filter(field => !fields[field]);
  if (unknown.length > 0) missing.push(`fact fields with no field of that name: ${unknown.join(", ")}`);
  const evidence = fields.evidence;
  const factEnum = evidence?.args.find(arg => arg.name === "fields");
  if (!evidence || getNamedType(evidence.type).name !== "Claim" || !factEnum) {
    missing.push(`no evidence(fields: [${typename}Fact!]): [Claim!]! field (its resolver in EVIDENCE_RESOLVERS)`);
  }
  return missing;
}

/** Throws, naming each incomplete entity type and what it lacks, unless every type is complete. */
export function checkEntitySchema(schema: GraphQLSchema): void {
  const problems = NODE_TYPENAMES.flatMap(typename =>
    missingPieces(schema, typename).map(piece => `entity type ${typename}: ${piece}`),
  );
  if (problems.length > 0) {
    throw new Error(`The GraphQL schema is incomplete:\n${problems.map(p => `  - ${p}`).join("\n")}`);
  }
}
