/**
 * The service as an Apollo Federation 2 subgraph, built here rather than by `@apollo/subgraph`
 * (whose `@apollo/federation-internals` is Elastic-2.0, not an open-source licence): the
 * type-graphql schema already carries its `@key` and `@shareable` directives (class decorators), so
 * the subgraph is that schema plus what the subgraph specification adds — the `_Any` scalar, the
 * `_Entity` union of every type with a `@key`, the `_Service` type, and `Query._entities` and
 * `Query._service` — and its SDL is the schema printed with its directives under an `@link` to the
 * federation spec. `_entities` is answered in batches: one repository call per entity type in the
 * request, however many representations it holds (through the request's loaders); a key that matches nothing resolves to null.
 */
import { getDocumentNodeFromSchema } from "@graphql-tools/utils";
import {
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  print,
  valueFromASTUntyped,
} from "graphql";

import type { NodeRecord, NodeTypename } from "../domain/records";
import type { RequestLoaders } from "../repository/loaders";
import type { MaybePromise } from "../repository/repository";
import type { GraphContext } from "./base/context";

/** The federation spec version the subgraph links to (known to @apollo/composition 2.14 and current routers). */
export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.7";

const LINK = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key", "@shareable"])`;

type Representation = Readonly<Record<string, unknown>> & { readonly __typename?: unknown };

function badRepresentation(index: number, message: string): GraphQLError {
  return new GraphQLError(`representations[${index}]: ${message}`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/** The batch of countries by code: not a GraphQL name, so no typename's batch. */
const BY_CODE = "Country code";

/** The representations of one entity type and key kind, and where their records go in the answer. */
interface Batch {
  readonly typename: NodeTypename;
  /** Countries by code (otherwise records by id). */
  readonly byCode: boolean;
  readonly positions: number[];
  readonly keys: string[];
}

/**
 * Resolves `_entities` representations with one batch lookup per type (countries by code apart), in
 * the order given. `entityTypes` is the `_Entity` union's member names. One pass over the
 * representations, one Map lookup each: a router sends hundreds per request.
 */
export function resolveEntities(
  loaders: RequestLoaders,
  entityTypes: ReadonlySet<string>,
  representations: readonly Representation[],
): MaybePromise<Array<NodeRecord | null>> {
  const results = new Array<NodeRecord | null>(representations.length).fill(null);
  // By typename, and countries by code under a key no GraphQL name can be; in order of first sight.
  const batches = new Map<string, Batch>();
  for (let index = 0; index < representations.length; index++) {
    const representation = representations[index] as Representation;
    const typename = representation.__typename;
    if (typeof typename !== "string" || !entityTypes.has(typename)) {
      throw badRepresentation(index, `unknown __typename ${JSON.stringify(typename)}`);
    }
    const code = typename === "Country" ? representation.code : undefined;
    const key = typeof code === "string" ? code : representation.id;
    if (typeof key !== "string") {
      throw badRepresentation(
        index,
        `a ${typename} representation needs its key field ${typename === "Country" ? '"code" or "id"' : '"id"'}`,
      );
    }
    const batchKey = typeof code === "string" ? BY_CODE : typename;
    let batch = batches.get(batchKey);
    if (!batch) {
      batch = { typename: typename as NodeTypename, byCode: batchKey === BY_CODE, positions: [], keys: [] };
      batches.set(batchKey, batch);
    }
    batch.positions.push(index);
    batch.keys.push(key);
  }

  const pending: Array<Promise<void>> = [];
  for (const batch of batches.values()) {
    const found: MaybePromise<ReadonlyArray<NodeRecord | null>> = batch.byCode
      ? loaders.countriesByCode(batch.keys)
      : loaders.getMany(batch.typename, batch.keys);
    const place = (records: ReadonlyArray<NodeRecord | null>) => {
      for (let i = 0; i < batch.positions.length; i++) results[batch.positions[i] as number] = records[i] ?? null;
    };
    if (found instanceof Promise) pending.push(found.then(place));
    else place(found);
  }
  return pending.length > 0 ? Promise.all(pending).then(() => results) : results;
}

/** Object types with a `@key` directive: the members of `_Entity`. */
function entityTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter(type => type.astNode?.directives?.some(directive => directive.name.value === "key"))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The subgraph SDL: `@link` to the federation spec, then the schema with its directives, types sorted. */
function subgraphSdl(schema: GraphQLSchema): string {
  const document = getDocumentNodeFromSchema(lexicographicSortSchema(schema));
  // `schema { query: Query }` says nothing the default root type name does not.
  const definitions = document.definitions.filter(definition => definition.kind !== Kind.SCHEMA_DEFINITION);
  return `${LINK}\n\n${print({ ...document, definitions }).trim()}\n`;
}

const SDL_EXTENSION = "bilateralGraphSubgraphSdl";

/** Turns the type-graphql schema into the subgraph schema the service serves. */
export function buildSubgraph(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) throw new Error("the schema has no Query type");
  const sdl = subgraphSdl(schema);
  const entities = entityTypes(schema);
  const entityNames: ReadonlySet<string> = new Set(entities.map(type => type.name));
  const nodeResolveType = (value: NodeRecord) => value.__typename;

  const any = new GraphQLScalarType({
    name: "_Any",
    description:
      'Federation: an entity representation, its `__typename` and key fields, e.g. `{"__typename": "Country", "code": "KZ"}`.',
    serialize: value => value,
    parseValue: value => value,
    parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
  });
  const entity = new GraphQLUnionType({
    name: "_Entity",
    description: "Federation: every type a router can fetch by its key.",
    types: entities,
    resolveType: nodeResolveType,
  });
  const service = new GraphQLObjectType({
    name: "_Service",
    description: "Federation: what a router learns about this subgraph.",
    fields: { sdl: { type: GraphQLString, description: "The subgraph SDL, with its federation directives." } },
  });
  const queryConfig = query.toConfig();
  const federatedQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: {
      ...queryConfig.fields,
      _entities: {
        type: new GraphQLNonNull(new GraphQLList(entity)),
        description:
          "Federation: the objects these representations stand for, in order (null where a key matches nothing). Only the router may call it when ROUTER_SECRET is set.",
        args: {
          representations: {
            type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(any))),
            description: "The entities to fetch, each its `__typename` and the fields of one of its keys.",
          },
        },
        resolve: (_root, args: { representations: Representation[] }, ctx: GraphContext) =>
          resolveEntities(ctx.loaders, entityNames, args.representations),
      },
      _service: {
        type: new GraphQLNonNull(service),
        description: "Federation: this subgraph's SDL. Only the router may call it when ROUTER_SECRET is set.",
        resolve: () => ({ sdl }),
      },
    },
  });
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: federatedQuery,
    types: [...config.types.filter(type => type.name !== query.name), any, entity, service],
    extensions: { ...config.extensions, [SDL_EXTENSION]: sdl },
  });
}

/** The subgraph SDL with federation directives, as committed in `subgraph.graphql`, types sorted. */
export function printSubgraph(subgraph: GraphQLSchema): string {
  const sdl = subgraph.extensions[SDL_EXTENSION];
  if (typeof sdl !== "string") throw new Error("not a schema made by buildSubgraph");
  return sdl;
}
