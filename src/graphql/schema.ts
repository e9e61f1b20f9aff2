/**
 * Builds the executable GraphQL schema from the type-graphql resolvers. The schema holds no data:
 * the repository reaches resolvers through the per-request context.
 */
import "reflect-metadata";
import "./base/enums";

import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { validateSync, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, buildSchemaSync, type NonEmptyArray } from "type-graphql";

import type { NodeTypename } from "../domain/records";

/** A resolver class, as type-graphql takes it. */
type ResolverClass = Parameters<typeof buildSchemaSync>[0]["resolvers"][number];

import { checkEntitySchema } from "./entity-check";
import { installDirectResolvers } from "./execution/direct-resolvers";
import { buildSubgraph } from "./federation";
import { AwardConferralResolver } from "./award-conferral/award-conferral.resolver";
import { AwardResolver } from "./award/award.resolver";
import { CityResolver } from "./city/city.resolver";
import { CommitmentResolver } from "./commitment/commitment.resolver";
import { MoneyResolver } from "./base/money.resolver";
import { CompanyResolver } from "./company/company.resolver";
import { CooperationAreaResolver } from "./cooperation-area/cooperation-area.resolver";
import { CountryResolver } from "./country/country.resolver";
import { DelegationResolver } from "./delegation/delegation.resolver";
import { FlightRouteResolver } from "./flight-route/flight-route.resolver";
import { LeaderResolver } from "./leader/leader.resolver";
import { MeetingResolver } from "./meeting/meeting.resolver";
import { MeetingSessionResolver } from "./meeting/meeting-session.resolver";
import { NodeResolver } from "./node/node.resolver";
import { PositionResolver } from "./position/position.resolver";
import { BilateralRelationsResolver } from "./bilateral-relations/bilateral-relations.resolver";
import { SearchResolver } from "./search/search.resolver";
import { SharedValueResolver } from "./shared-value/shared-value.resolver";
import { CitationResolver, SourceResolver } from "./source/source.resolver";
import { StatementResolver } from "./statement/statement.resolver";
import { EVIDENCE_RESOLVERS } from "./evidence/evidence.resolver";

/** The resolver of every entity type, by typename: a type without one does not compile. */
export const ENTITY_RESOLVERS = {
  Source: SourceResolver,
  Country: CountryResolver,
  City: CityResolver,
  Leader: LeaderResolver,
  Company: CompanyResolver,
  Meeting: MeetingResolver,
  Delegation: DelegationResolver,
  CooperationArea: CooperationAreaResolver,
  Position: PositionResolver,
  Commitment: CommitmentResolver,
  FlightRoute: FlightRouteResolver,
  Award: AwardResolver,
  AwardConferral: AwardConferralResolver,
  SharedValue: SharedValueResolver,
  Statement: StatementResolver,
} as const satisfies { readonly [K in NodeTypename]: ResolverClass };

export const resolvers: readonly ResolverClass[] = [
  NodeResolver,
  SearchResolver,
  BilateralRelationsResolver,
  CitationResolver,
  MoneyResolver,
  MeetingSessionResolver,
  ...Object.values(ENTITY_RESOLVERS),
  ...EVIDENCE_RESOLVERS,
];

const VALIDATION_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/**
 * type-graphql's own validation (`validate: true`) loads class-validator with a dynamic `require`
 * on every argument of every field it resolves, which costs more than the validation itself. This
 * does what it does — class-validator on each argument object (or each object of a list), missing
 * properties skipped, failures thrown as ArgumentValidationError — synchronously.
 */
export function validateArgs(value: unknown): void {
  const objects: unknown[] = Array.isArray(value) ? value : [value];
  for (const object of objects) {
    if (object === null || typeof object !== "object") continue;
    const errors = validateSync(object, VALIDATION_OPTIONS);
    if (errors.length > 0) throw new ArgumentValidationError(errors);
  }
}

export function buildGraphSchema(resolverClasses: readonly ResolverClass[] = resolvers): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers: [...resolverClasses] as NonEmptyArray<ResolverClass>,
    // Arguments and inputs are checked with class-validator (see validateArgs).
    validateFn: validateArgs,
  });
  const query = schema.getQueryType();
  if (query) {
    query.description =
      "The entry points of the graph of relations between states. Start from `bilateralRelations`, `search`, a lookup such as `country(code:)`, or a list such as `cooperationAreas`.";
  }
  checkEntitySchema(schema);
  return schema;
}

/**
 * The schema the service serves: the client schema as an Apollo Federation 2 subgraph, its fields
 * resolved by direct calls of the resolver methods (src/graphql/execution/direct-resolvers.ts).
 */
export function buildServiceSchema(): GraphQLSchema {
  return installDirectResolvers(buildReferenceSchema(), resolvers, validateArgs);
}

/**
 * The same subgraph with type-graphql's own resolver wrappers (arguments converted and validated on
 * every call): what the service executed before, kept as the reference of the differential test.
 */
export function buildReferenceSchema(): GraphQLSchema {
  return buildSubgraph(buildGraphSchema());
}

/** The client-facing schema as committed in `schema.graphql`: SDL with types and fields sorted. */
export function printGraphSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
