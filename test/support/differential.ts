/**
 * The differential check. An operation is executed three ways:
 *
 * - by the service's executor (graphql-jit, direct resolvers, arguments validated once per operation);
 * - by graphql-js `execute` over the same schema, each resolver validating its own arguments on every
 *   call: the two must give the same JSON — the same data and the same errors (message, path,
 *   locations, extensions, and the class and message of their cause);
 * - by graphql-js over the reference schema (type-graphql's own resolver wrappers, what the service
 *   executed before): the same data, and errors exactly when the service reports errors. Which errors
 *   the reference reports when several fields fail depends on the order its asynchronous validations
 *   settle in (graphql-js reports the first error to reach a null boundary and drops the rest of that
 *   subtree); the whole-response suites pin the errors themselves.
 */
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from "graphql";

import { createContext, type GraphContext } from "../../src/graphql/base/context";
import { createCompiledExecutor, type FallbackReason } from "../../src/graphql/execution/compiled-executor";
import { buildReferenceSchema, buildServiceSchema } from "../../src/graphql/schema";
import type { GraphRepository } from "../../src/repository/repository";

/** What an execution gave, as the JSON to compare. */
export function comparable(result: ExecutionResult): string {
  return JSON.stringify({
    ...("data" in result ? { data: result.data } : {}),
    ...(result.errors
      ? {
          errors: result.errors.map(error => ({
            ...error.toJSON(),
            cause: error.originalError
              ? `${error.originalError.constructor.name}: ${error.originalError.message}`
              : null,
          })),
        }
      : {}),
  });
}

export interface DifferentialOutcome {
  /** Null when the document does not parse, validate or name an operation (nothing executes). */
  readonly graphqlJs: string | null;
  readonly service: string | null;
  /** What the reference schema gave, and whether it agrees with the service as described above. */
  readonly reference: string | null;
  readonly referenceAgrees: boolean;
}

export interface Differential {
  readonly schema: GraphQLSchema;
  /** How many executions the service's executor handed to graphql-js, by reason (see compiled-executor.ts). */
  readonly fallbacks: () => Readonly<Record<FallbackReason, number>>;
  run(query: string, variables?: Record<string, unknown>, operationName?: string | null): Promise<DifferentialOutcome>;
  /** Throws, showing the answers, when they differ. */
  check(query: string, variables?: Record<string, unknown>, operationName?: string | null): Promise<void>;
}

const NOTHING: DifferentialOutcome = { graphqlJs: null, service: null, reference: null, referenceAgrees: true };

export function differences(query: string, variables: unknown, outcome: DifferentialOutcome): string | null {
  if (outcome.graphqlJs === outcome.service && outcome.referenceAgrees) return null;
  return `graphql-js and the service's executor differ on\n${query}\nvariables: ${JSON.stringify(variables ?? {})}\ngraphql-js: ${outcome.graphqlJs}\nservice:    ${outcome.service}\nreference:  ${outcome.reference}`;
}

export function createDifferential(repository: GraphRepository): Differential {
  const reference = buildReferenceSchema();
  const schema = buildServiceSchema();
  const fallbacks: Record<FallbackReason, number> = { uncompiled: 0, errors: 0, variables: 0 };
  const { executeOperation } = createCompiledExecutor(schema, { onFallback: (_name, why) => fallbacks[why]++ });
  const context = (): GraphContext =>
    createContext(repository, { id: "test", operationName: null, internalError: false });

  const run: Differential["run"] = async (query, variables = {}, operationName = null) => {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return NOTHING;
    }
    if (validate(schema, document).length > 0 || !getOperationAST(document, operationName)) return NOTHING;
    const inputs = { document, operationName, variableValues: variables };
    const graphqlJs = await execute({ schema, ...inputs, contextValue: context() });
    const service = await executeOperation(query, document, operationName, context(), variables);
    const old = await execute({ schema: reference, ...inputs, contextValue: context() });
    const referenceAgrees =
      JSON.stringify(old.data) === JSON.stringify(service.data) &&
      (old.errors?.length ?? 0) > 0 === (service.errors?.length ?? 0) > 0;
    return {
      graphqlJs: comparable(graphqlJs),
      service: comparable(service),
      reference: comparable(old),
      referenceAgrees,
    };
  };

  return {
    schema,
    fallbacks: () => ({ ...fallbacks }),
    run,
    async check(query, variables, operationName) {
      const problem = differences(query, variables, await run(query, variables, operationName));
      if (problem) throw new Error(problem);
    },
  };
}
