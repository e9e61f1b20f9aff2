/**
 * Limits on what one operation may ask for, each checked before anything executes:
 *
 * - depth, aliases (`__typename` aliases count too) and directives: graphql-armor's validation rules,
 *   reported as ordinary validation errors (400, GRAPHQL_VALIDATION_FAILED);
 * - tokens: Apollo's `parseOptions.maxTokens` (400, GRAPHQL_PARSE_FAILED), set in the HTTP layer;
 * - cost: computed from the schema with graphql-query-complexity. Every field costs 1; a connection
 *   multiplies what it selects by the lesser of its page size (`first`, `last`, or the default 20)
 *   and the longest its list can be in the loaded data (the field's declared list, ./base/list-bound,
 *   bounded by the repository's `largestList`/`largestCiting`; a connection without one, such as
 *   `search`, by its page size), `nodes(ids:)` and `_entities` by the number of ids or
 *   representations, and a plain list by 5. An operation over the limit is refused with 400 and
 *   COST_LIMIT_EXCEEDED. Every executed response reports `extensions.cost: { requested, actual,
 *   limit }`: `requested` is the estimate checked against the limit, `actual` the same formula over
 *   what the response holds (./actual-cost), so clients can budget;
 * - variables: before the cost, the operation's declared variables are coerced once, with an error
 *   cap and bounded messages (./variables), unless a check built per operation knows they coerce
 *   (`variablesCheck`), and undeclared ones are dropped; variables that do not coerce are answered
 *   400 BAD_USER_INPUT before anything executes.
 */

import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  type DocumentNode,
  getNullableType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputType,
  isLeafType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  typeFromAST,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { type ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";

import type { Limits } from "../config/config";
import { DEFAULT_PAGE_SIZE } from "../repository/pagination";
import { DocumentCostPlans } from "./actual-cost";
import type { GraphContext } from "./base/context";
import { largestOf, listBoundOf, type ListBounds } from "./base/list-bound";
import { isConnection } from "./connection-kind";
import { coerceVariables, declaredVariables } from "./variables";

/** What a plain (non-connection) list is assumed to hold, for cost. */
const PLAIN_LIST_SIZE = 5;

/** Armor reports limits as thrown "Syntax Error"s; report them as the validation errors they are. */
const reportTo = (context: ValidationContext | null, error: GraphQLError): void =>
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, "")));

export function limitRules(limits: Limits): ValidationRule[] {
  const callbacks = { propagateOnRejection: false, onReject: [reportTo] };
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...callbacks }),
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...callbacks }),
    maxDirectivesRule({ n: limits.maxDirectives, ...callbacks }),
  ];
}

/**
 * Cost of a field: connections and lists multiply the cost of what they select; a connection by the
 * lesser of its page size and the bound `bounds` give its declared list.
 */
export const pageSizeEstimator =
  (bounds: ListBounds): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    if (isConnection(field.type)) {
      const pageSize = Math.max(1, Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE));
      const list = listBoundOf(field);
      return 1 + (list ? Math.min(pageSize, largestOf(list, bounds)) : pageSize) * childComplexity;
    }
    if (isListType(getNullableType(field.type))) {
      // A connection's own `edges` and `nodes` are the page its size already counted.
      if (type.name.endsWith("Connection")) return 1 + childComplexity;
      // `nodes(ids:)` and `_entities(representations:)` return one item per id or representation.
      const items: unknown = args.ids ?? args.representations;
      return 1 + (Array.isArray(items) ? items.length : PLAIN_LIST_SIZE) * childComplexity;
    }
    return undefined;
  };

/**
 * What of the variables' values the cost depends on: `pageSizeEstimator` reads `first`/`last` (Int)
 * and the length of `ids`/`representations` (lists), and graphql-query-complexity honours
 * `@skip`/`@include` (Boolean); strings and input objects never change it. So numbers and booleans
 * count by value, lists by length, the rest by kind: a short, linear key, with no serialising or
 * hashing of what the client sent. (Keep in step with the estimators.)
 */
export function costSignature(variables: Readonly<Record<string, unknown>>): string {
  let signature = "";
  for (const name in variables) {
    const value = variables[name];
    signature +=
      typeof value === "number" || typeof value === "boolean"
        ? `${name}=${String(value)};`
        : Array.isArray(value)
          ? `${name}#${value.length};`
          : `${name}:${value === null || value === undefined ? "null" : typeof value};`;
  }
  return signature;
}

/** Whether a value is certain to coerce to a type without an error (false: not certain). */
type ValueCheck = (value: unknown) => boolean;

/**
 * What graphql-js's `coerceInputValue` takes without an error, as a check built once per type: a
 * non-null type takes any value but null and undefined, a nullable one those too; a list takes an
 * array of values its item type takes, or one such value that is not an object (graphql-js
 * iterates other objects, or coerces them as a list of one: not judged here); a scalar or enum takes
 * what its `parseValue` answers without throwing and other than undefined. Input objects (unknown
 * fields, defaults, @oneOf) are not judged either: only null and undefined pass.
 */
function valueCheck(type: GraphQLInputType): ValueCheck {
  if (isNonNullType(type)) {
    const inner = valueCheck(type.ofType);
    return value => value !== null && value !== undefined && inner(value);
  }
  if (isListType(type)) {
    const item = valueCheck(type.ofType);
    return value => {
      if (value === null || value === undefined) return true;
      if (!Array.isArray(value)) return typeof value !== "object" && item(value);
      for (let i = 0; i < value.length; i++) if (!item(value[i])) return false;
      return true;
    };
  }
  if (isLeafType(type)) {
    return value => {
      if (value === null || value === undefined) return true;
      try {
        return type.parseValue(value) !== undefined;
      } catch {
        return false;
      }
    };
  }
  return value => value === null || value === undefined;
}

/**
 * A check of an operation's declared variable values that answers true only when `coerceVariables`
 * would find no error in them (false: coerce them to know). It spares coercing valid variables on
 * every request: the 100 representations of the benchmark's `_entities` request cost 0.3 µs to
 * check, 13 µs to coerce (5.6 µs with NODE_ENV=production). Errors are still `coerceVariables`'s.
 */
export function variablesCheck(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): (variables: Readonly<Record<string, unknown>>) => boolean {
  const checks: Array<{ readonly name: string; readonly required: boolean; readonly check: ValueCheck }> = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    // Not an input type: coerceVariables reports it.
    if (!type || !isInputType(type)) return () => false;
    checks.push({
      name: definition.variable.name.value,
      // Absent, a variable takes its default value, or is left out when nullable.
      required: isNonNullType(type) && !definition.defaultValue,
      check: valueCheck(type),
    });
  }
  return variables => {
    for (const { name, required, check } of checks) {
      if (!Object.prototype.hasOwnProperty.call(variables, name)) {
        if (required) return false;
      } else if (!check(variables[name])) {
        return false;
      }
    }
    return true;
  };
}

/** A request's variables did not coerce: the errors, answered 400 before anything executes. */
function variableErrorResponse(errors: readonly GraphQLError[]): GraphQLResponse {
  return {
    http: { status: 400, headers: new HeaderMap() },
    body: {
      kind: "single",
      singleResult: {
        errors: errors.map(error => ({
          message: error.message,
          ...(error.locations ? { locations: error.locations } : {}),
          extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT },
        })),
      },
    },
  };
}

/** Computed costs by (repository, query hash, operation name, cost signature of the variables); bounded in bytes, LRU. */
export class CostCache extends LRUCache<string, number> {
  private readonly storeIds = new WeakMap<ListBounds, number>();
  private nextStoreId = 1;

  /** A number per repository, so that costs computed over one store's bounds are never reused for another's. */
  storeId(bounds: ListBounds): number {
    let id = this.storeIds.get(bounds);
    if (id === undefined) this.storeIds.set(bounds, (id = this.nextStoreId++));
    return id;
  }
}

/** What one cached cost is counted as: its key plus the number. */
const COST_ENTRY_BYTES = (key: string): number => key.length + 16;

export function createCostCache(maxBytes: number): CostCache | null {
  return maxBytes > 0
    ? new CostCache({ maxSize: maxBytes, sizeCalculation: (_c, key) => COST_ENTRY_BYTES(key) })
    : null;
}

export interface OperationChecks {
  readonly maxCost: number;
  readonly maxVariableErrors: number;
  readonly costCacheBytes: number;
  /** Leave suggestions ("Did you mean …") out of variable errors (introspection off). */
  readonly hideSuggestions: boolean;
}

/**
 * Checks each resolved operation before it executes: its variables (undeclared ones dropped, the
 * rest coerced once with an error cap, see ./variables, unless `variablesCheck` knows they coerce)
 * and then its cost. The cost of a document,
 * operation and declared variable values is kept in an LRU cache bounded in bytes, keyed by the
 * repository whose bounds it used (the context's `listBounds`: fixed once loaded), Apollo's hash of
 * the query text, the operation name and the variables' cost signature (`costSignature`), so a run
 * of unique requests neither grows the heap nor keeps their text. The actual cost is computed from
 * each response as it is sent.
 */
export function operationChecksPlugin(
  schema: GraphQLSchema,
  checks: OperationChecks,
  costs: CostCache | null = createCostCache(checks.costCacheBytes),
): ApolloServerPlugin<GraphContext> {
  const { maxCost } = checks;
  // Per document (Apollo keeps parsed documents in its bounded cache; entries go with them): what the
  // actual cost walks, planned once (per outcome of its @skip/@include conditions).
  const plans = new WeakMap<DocumentNode, DocumentCostPlans>();
  const plansOf = (document: DocumentNode): DocumentCostPlans => {
    let planned = plans.get(document);
    if (!planned) plans.set(document, (planned = new DocumentCostPlans(schema, document)));
    return planned;
  };
  // Per operation, like the plans: the check that spares coercing variables that coerce.
  const variableChecks = new WeakMap<OperationDefinitionNode, ReturnType<typeof variablesCheck>>();
  const knownValid = (operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>) => {
    let check = variableChecks.get(operation);
    if (!check) variableChecks.set(operation, (check = variablesCheck(schema, operation)));
    return check(variables);
  };
  return {
    requestDidStart() {
      let requested: number | null = null;
      let variableErrors: readonly GraphQLError[] | null = null;
      let actual: ActualCostOf | null = null;
      return Promise.resolve({
        didResolveOperation({ document, request, operationName, operation, queryHash, contextValue }) {
          // Apollo resolves an operation before this hook; without one it has already answered.
          if (!operation) return Promise.resolve();
          const variables = declaredVariables(operation, request.variables);
          // Nothing after this point sees what the operation does not declare.
          request.variables = variables;
          const coerced = knownValid(operation, variables)
            ? null
            : coerceVariables(schema, operation.variableDefinitions ?? [], variables, {
                maxErrors: checks.maxVariableErrors,
                hideSuggestions: checks.hideSuggestions,
              });
          if (coerced?.errors) {
            variableErrors = coerced.errors;
            return Promise.resolve();
          }
          const bounds = contextValue.listBounds;
          const key = costs
            ? `${costs.storeId(bounds)}\u0000${queryHash}\u0000${operationName ?? ""}\u0000${costSignature(variables)}`
            : "";
          const cached = costs?.get(key);
          if (cached === undefined) {
            requested = computeCost(schema, document, variables, operationName, maxCost, bounds);
            costs?.set(key, requested);
          } else {
            requested = cached;
          }
          actual = { plans: plansOf(document), operation, variables };
          if (requested > maxCost) {
            throw new GraphQLError(
              `The operation costs ${requested}, over the limit of ${maxCost}: ask for smaller pages (first/last) or fewer nested lists.`,
              { extensions: { code: "COST_LIMIT_EXCEEDED", http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
        responseForOperation() {
          return Promise.resolve(variableErrors ? variableErrorResponse(variableErrors) : null);
        },
        willSendResponse({ response }) {
          // Reported for operations that executed (a response with `data`), not for refused ones.
          if (requested !== null && response.body.kind === "single" && "data" in response.body.singleResult) {
            const { data } = response.body.singleResult;
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: {
                requested,
                actual: actual && data ? actual.plans.actualCost(actual.operation, actual.variables, data) : 0,
                limit: maxCost,
              },
            };
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null,
  maxCost: number,
  bounds: ListBounds,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [pageSizeEstimator(bounds), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // graphql-query-complexity gives up on documents that expand past its node limit (fragments
    // spread within fragments): far over any sane cost.
    throw new GraphQLError(`The operation is too large to cost: it expands past what the limit of ${maxCost} allows.`, {
      extensions: { code: "COST_LIMIT_EXCEEDED", http: { status: 400 } },
    });
  }
}

/** What the actual cost of a request's response is computed from. */
interface ActualCostOf {
  readonly plans: DocumentCostPlans;
  readonly operation: OperationDefinitionNode;
  readonly variables: Readonly<Record<string, unknown>>;
}
