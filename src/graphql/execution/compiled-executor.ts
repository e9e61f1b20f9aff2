/**
 * Compiled execution behind Apollo Server. Apollo keeps its whole request pipeline (parsing,
 * validation, limits, cost, plugins, error formatting, HTTP semantics) and hands execution to the
 * executor of a "gateway" — Apollo Server's supported hook for replacing graphql-js `execute`
 * (`GatewayInterface.load()` answering `{ schema, executor }`). The executor here:
 *
 * - compiles each operation once with graphql-jit (a JavaScript function specialised to the
 *   document, no AST walk per request) and keeps it in an LRU bounded in bytes, keyed by the SHA-256
 *   of the document text (Apollo's, already computed) and the operation name;
 * - executes with graphql-js, and counts it (`onFallback`, by reason), when graphql-jit cannot
 *   compile an operation or could answer it otherwise than graphql-js: when its compiled execution met
 *   errors (graphql-jit goes on executing a subtree an error has nulled and may report other errors
 *   than graphql-js, which stops at the first), and when graphql-jit refuses variables graphql-js
 *   accepts. Successful executions are never repeated;
 * - validates arguments once per operation and set of variable values (argument-checks.ts), in a
 *   second LRU bounded in bytes, and gives resolvers the result in `GraphContext.argumentErrors`;
 * - answers variables that do not coerce with graphql-js's own errors, so Apollo reports them as it
 *   always did (400, BAD_USER_INPUT).
 */
import { createHash } from "node:crypto";

import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type FieldNode,
  getOperationAST,
  getVariableValues,
  type GraphQLSchema,
  type OperationDefinitionNode,
  printSchema,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

import type { GraphContext } from "../base/context";
import { type ArgumentPlan, argumentErrors, planArguments } from "./argument-checks";
import { keyOrderMayDiffer } from "./key-order";

/** Apollo Server's gateway interface, as its constructor takes it. */
export type GatewayInterface = ApolloServerOptionsWithGateway<GraphContext>["gateway"];
type GatewayLoadResult = Awaited<ReturnType<GatewayInterface["load"]>>;
type GatewayExecutor = NonNullable<GatewayLoadResult["executor"]>;

/** Default bound of the compiled-operation cache, in (estimated) bytes. */
export const DEFAULT_EXECUTION_CACHE_BYTES = 32 * 1024 * 1024;

export interface ExecutorOptions {
  /** Bound of the compiled operations plus the argument checks per variable values, in bytes. */
  readonly cacheBytes?: number;
  /** Called each time graphql-js executes an operation, with the reason. */
  readonly onFallback?: (operationName: string | null, reason: FallbackReason) => void;
}

/**
 * Why graphql-js executed an operation: graphql-jit could not compile it (or could order its keys
 * otherwise), its compiled execution met errors, or graphql-jit refused variables graphql-js accepts.
 */
export type FallbackReason = "uncompiled" | "errors" | "variables";

type Run = (context: GraphContext, variables: Readonly<Record<string, unknown>>) => ExecutionResultLike;
type ExecutionResultLike = ExecutionResult | Promise<ExecutionResult>;

interface Compiled {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly run: Run;
  /** Whether `run` is graphql-jit's compiled function (false: graphql-js). */
  readonly jit: boolean;
  readonly plan: ArgumentPlan;
  readonly bytes: number;
  /** Which compilation this is (per executor): argument checks name it rather than hold it. */
  readonly serial: number;
}

/**
 * The argument checks of one compiled operation for one set of variable values. It names its
 * compilation by serial instead of holding it, so that evicting a compiled operation frees it (a
 * check that held it kept every evicted compilation alive: ~12 KB of heap per unique document, not
 * counted by either cache). Errors hold the document's field nodes, so a check with errors is
 * counted with the size of its compilation.
 */
interface Checked {
  readonly serial: number;
  readonly errors: ReadonlyMap<FieldNode, Error>;
  readonly retainedBytes: number;
}

/** What graphql-js answers for variables that do not coerce (null when they all do). */
function variableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): ReturnType<typeof getVariableValues> {
  // graphql-js `execute` stops at 50 variable errors; so does this.
  return getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
}

/**
 * Estimated memory of a compiled operation, from its document's length. Measured on this schema
 * (Node 24, heap after GC, the document kept with it): about 6 KB for a 45-character query, 72 KB
 * for the 1,434-character nested walk, 89 KB for the 1,694-character bilateral summary, i.e. about
 * 50 bytes per character plus 4 KB; this estimate takes 64 bytes per character plus 8 KB, and 256
 * bytes per field node of the argument plan.
 */
function estimateBytes(source: string, plan: ArgumentPlan): number {
  return 64 * source.length + 8192 + 256 * (plan.fixed.size + plan.variable.length);
}

/** The executor: compiled operations in a byte-bounded LRU, graphql-js as the fallback. */
export function createCompiledExecutor(schema: GraphQLSchema, options: ExecutorOptions = {}) {
  const cacheBytes = options.cacheBytes ?? DEFAULT_EXECUTION_CACHE_BYTES;
  const compiledCache = new LRUCache<string, Compiled>({
    maxSize: Math.max(1, Math.floor(cacheBytes * 0.75)),
    sizeCalculation: (entry, key) => entry.bytes + 2 * key.length,
  });
  const checkedCache = new LRUCache<string, Checked>({
    maxSize: Math.max(1, Math.floor(cacheBytes * 0.25)),
    // An argument error (with its class-validator details) is counted as 1 KB, the entry itself as 128 bytes.
    sizeCalculation: (checked, key) => 2 * key.length + 128 + 1024 * checked.errors.size + checked.retainedBytes,
  });

  /** graphql-js `execute`, as Apollo Server runs it without a gateway. */
  const graphqlJs = (
    document: DocumentNode,
    operationName: string | null,
    contextValue: GraphContext,
    variableValues: Readonly<Record<string, unknown>>,
  ): ExecutionResultLike => execute({ schema, document, operationName, contextValue, variableValues });

  /** graphql-jit's compiled query, or null when it cannot compile the operation. */
  const tryCompile = (document: DocumentNode, operationName: string | null) => {
    try {
      const compiled = compileQuery<Record<string, unknown>, Record<string, unknown>>(
        schema,
        document,
        operationName ?? undefined,
      );
      return isCompiledQuery(compiled) ? compiled : null;
    } catch {
      return null;
    }
  };

  let compilations = 0;
  const compile = (source: string, document: DocumentNode, operationName: string | null): Compiled | null => {
    const operation = getOperationAST(document, operationName);
    if (!operation) return null;
    const plan = planArguments(schema, document, operation);
    const compiled = keyOrderMayDiffer(document) ? null : tryCompile(document, operationName);
    if (compiled) {
      const query = compiled.query;
      return {
        document,
        operation,
        plan,
        jit: true,
        run: (context, variables) => query(undefined, context, variables),
        bytes: estimateBytes(source, plan),
        serial: ++compilations,
      };
    }
    return {
      document,
      operation,
      plan,
      jit: false,
      run: (context, variables) => graphqlJs(document, operationName, context, variables),
      bytes: estimateBytes(source, plan),
      serial: ++compilations,
    };
  };

  const executeOperation = (
    source: string,
    document: DocumentNode,
    operationName: string | null,
    context: GraphContext,
    variables: Readonly<Record<string, unknown>>,
    /** The SHA-256 (hex) of `source` when the caller has it (Apollo computes it for every request). */
    sourceHash: string = createHash("sha256").update(source).digest("hex"),
  ): ExecutionResultLike => {
    const key = `${sourceHash}:${operationName === null ? "null" : JSON.stringify(operationName)}`;
    let entry = compiledCache.get(key);
    if (!entry) {
      const made = compile(source, document, operationName);
      // No such operation: graphql-js reports it (Apollo has already refused it in practice).
      if (!made) return graphqlJs(document, operationName, context, variables);
      entry = made;
      compiledCache.set(key, entry);
    }
    let errors = entry.plan.fixed;
    if (entry.plan.variable.length > 0) {
      const checkedKey = `${key}${JSON.stringify(variables)}`;
      const checked = checkedCache.get(checkedKey);
      if (checked && checked.serial === entry.serial) {
        errors = checked.errors;
      } else {
        const coerced = variableErrors(schema, entry.operation, variables);
        if (coerced.errors) return { errors: coerced.errors };
        errors = argumentErrors(entry.plan, coerced.coerced);
        checkedCache.set(checkedKey, {
          serial: entry.serial,
          errors,
          retainedBytes: errors.size > 0 ? entry.bytes : 0,
        });
      }
    }
    const compiledEntry = entry;
    // Counted under the operation's own name, as the request metrics are.
    const fallback = (reason: FallbackReason) =>
      options.onFallback?.(compiledEntry.operation.name?.value ?? null, reason);
    if (!entry.jit) fallback("uncompiled");
    const contextValue: GraphContext = { ...context, argumentErrors: errors };
    const result = entry.run(contextValue, variables);
    const settle = (value: ExecutionResult): ExecutionResultLike => {
      if (!compiledEntry.jit || !value.errors) return value;
      if (!("data" in value)) {
        // graphql-jit refused the variables. When graphql-js refuses them too, its errors are the
        // answer (Apollo reports them as BAD_USER_INPUT); when it accepts them (graphql-jit 0.8
        // ignores the default values of input object fields), graphql-js executes.
        const coerced = variableErrors(schema, compiledEntry.operation, variables);
        if (coerced.errors) return { errors: coerced.errors };
        fallback("variables");
      } else {
        // Errors: graphql-js says which (and where the nulls go), as it did before compilation.
        fallback("errors");
      }
      return graphqlJs(compiledEntry.document, operationName, contextValue, variables);
    };
    return result instanceof Promise ? result.then(settle) : settle(result);
  };

  const executor: GatewayExecutor = requestContext => {
    const { source, document, request } = requestContext;
    return Promise.resolve(
      executeOperation(
        source,
        document,
        // The name the client sent, as graphql-js `execute` gets it: Apollo resolved the operation
        // from it, and graphql-js reports a name that matches none.
        request.operationName ?? null,
        requestContext.context as unknown as GraphContext,
        request.variables ?? {},
        // Apollo's SHA-256 of the query text (persisted queries are off: it is always computed).
        requestContext.queryHash,
      ),
    ) as ReturnType<GatewayExecutor>;
  };

  return { executor, executeOperation, cache: compiledCache };
}

/**
 * The "gateway" Apollo Server loads its schema and executor from: the service's own schema, served
 * as is, executed by `createCompiledExecutor`.
 */
export function compiledGateway(schema: GraphQLSchema, options: ExecutorOptions = {}): GatewayInterface {
  const { executor } = createCompiledExecutor(schema, options);
  const listeners = new Set<Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0]>();
  return {
    load() {
      const coreSupergraphSdl = printSchema(schema);
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl });
      return Promise.resolve({ schema, executor });
    },
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    stop() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
