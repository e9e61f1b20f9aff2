/**
 * The service as an Apollo Federation 2 subgraph. The type-graphql schema (with `@key` and
 * `@shareable` directives on its classes) is printed with its directives, linked to the federation
 * spec and rebuilt by `@apollo/subgraph`, which adds `_service` and `_entities`. `_entities` is then
 * answered in batches: one repository call per entity type in the request, however many
 * representations it holds; a key that matches nothing resolves to null.
 */
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLError, type GraphQLSchema, lexicographicSortSchema, parse } from "graphql";
import { createResolversMap } from "type-graphql";

import type { NodeRecord, NodeTypename } from "../domain/records";
import type { GraphRepository, MaybePromise } from "../repository/repository";
import type { GraphContext } from "./common/context";

/** The federation spec version the subgraph links to (known to @apollo/composition 2.14 and current routers). */
export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.7";

const LINK = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key", "@shareable"])`;

type Representation = Readonly<Record<string, unknown>> & { readonly __typename?: unknown };

function badRepresentation(index: number, message: string): GraphQLError {
  return new GraphQLError(`representations[${index}]: ${message}`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/** Resolves `_entities` representations with one batch lookup per type, in the order given. */
export function resolveEntities(
  repository: GraphRepository,
  schema: GraphQLSchema,
  representations: readonly Representation[],
): MaybePromise<Array<NodeRecord | null>> {
  const results: Array<MaybePromise<NodeRecord | null>> = new Array<NodeRecord | null>(representations.length).fill(
    null,
  );
  // typename -> key kind ("id" or "code") -> positions and key values
  const batches = new Map<string, { positions: number[]; keys: string[] }>();
  representations.forEach((representation, index) => {
    const typename = representation.__typename;
    if (typeof typename !== "string" || !schema.getType(typename)) {
      throw badRepresentation(index, `unknown __typename ${JSON.stringify(typename)}`);
    }
    const byCode = typename === "Country" && typeof representation.code === "string";
    const key = byCode ? representation.code : representation.id;
    if (typeof key !== "string") {
      throw badRepresentation(
        index,
        `a ${typename} representation needs its key field ${typename === "Country" ? '"code" or "id"' : '"id"'}`,
      );
    }
    const batchKey = `${typename}:${byCode ? "code" : "id"}`;
    const batch = batches.get(batchKey) ?? { positions: [], keys: [] };
    batch.positions.push(index);
    batch.keys.push(key);
    batches.set(batchKey, batch);
  });

  const pending: Array<Promise<void>> = [];
  for (const [batchKey, { positions, keys }] of batches) {
    const [typename, kind] = batchKey.split(":") as [NodeTypename, "id" | "code"];
    const found: MaybePromise<ReadonlyArray<NodeRecord | null>> =
      kind === "code" ? repository.countriesByCode(keys) : repository.getMany(typename, keys);
    const place = (records: ReadonlyArray<NodeRecord | null>) =>
      positions.forEach((position, i) => (results[position] = records[i] ?? null));
    if (found instanceof Promise) pending.push(found.then(place));
    else place(found);
  }
  return pending.length > 0
    ? Promise.all(pending).then(() => results as Array<NodeRecord | null>)
    : (results as Array<NodeRecord | null>);
}

/** Turns the type-graphql schema into the subgraph schema the service serves. */
export function buildSubgraph(schema: GraphQLSchema): GraphQLSchema {
  const subgraph = buildSubgraphSchema({
    typeDefs: parse(`${LINK}\n\n${printSchemaWithDirectives(schema)}`),
    // type-graphql's map (resolvers, scalars, resolveType functions) is what @apollo/subgraph expects.
    resolvers: createResolversMap(schema) as GraphQLResolverMap<unknown>,
  });
  const entities = subgraph.getQueryType()?.getFields()._entities;
  if (!entities) throw new Error("@apollo/subgraph did not add Query._entities");
  entities.resolve = (_root, args: { representations: Representation[] }, ctx: GraphContext, info) =>
    resolveEntities(ctx.repository, info.schema, args.representations);
  entities.description =
    "Federation: the objects these representations stand for, in order (null where a key matches nothing). Only the router may call it when ROUTER_SECRET is set.";
  const service = subgraph.getQueryType()?.getFields()._service;
  if (service)
    service.description = "Federation: this subgraph's SDL. Only the router may call it when ROUTER_SECRET is set.";
  return subgraph;
}

/** The subgraph SDL with federation directives, as committed in `subgraph.graphql`, types sorted. */
export function printSubgraph(subgraph: GraphQLSchema): string {
  return `${printSubgraphSchema(lexicographicSortSchema(subgraph)).trim()}\n`;
}
