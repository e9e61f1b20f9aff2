/**
 * The service's Apollo Server: compiled execution (graphql-jit behind Apollo's gateway hook), the
 * limits and checks of src/graphql, error formatting, the IDE or no landing page, and every Apollo
 * feature the service does not use (reporting, tracing, cache control, APQ, batching) turned off.
 * Shared by the HTTP server, the tests' harness and the in-process benchmarks.
 */
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import type { Config } from "../config/config";
import type { GraphContext } from "../graphql/base/context";
import {
  badUserInputStatusPlugin,
  createErrorFormatter,
  errorReportingPlugin,
  missingRootTypePlugin,
} from "../graphql/errors";
import { compiledGateway, type ExecutorOptions } from "../graphql/execution/compiled-executor";
import { limitRules, operationChecksPlugin } from "../graphql/limits";
import { routerSecretPlugin } from "../graphql/router-secret.plugin";
import { idePlugin, type IdePage } from "./ide";
import { capName } from "./metrics";

export interface ApolloParts {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  readonly ide?: IdePage;
  /** Told each time graphql-js executes an operation instead of graphql-jit, and why. */
  readonly onFallback?: ExecutorOptions["onFallback"];
}

export function createApollo({ config, schema, logger, ide, onFallback }: ApolloParts): ApolloServer<GraphContext> {
  return new ApolloServer<GraphContext>({
    // Apollo's executor hook: operations compiled by graphql-jit (src/graphql/execution).
    gateway: compiledGateway(schema, { onFallback, cacheBytes: config.limits.executionCacheBytes }),
    logger,
    introspection: config.introspection,
    // Without introspection, errors do not suggest field names either ("Did you mean …?").
    hideSchemaDetailsFromClientErrors: !config.introspection,
    csrfPrevention: true,
    // The process owns SIGTERM/SIGINT (src/process.ts) and stops Apollo last, after in-flight requests.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Parsed and validated documents, by a hash of their text: Apollo's default holds 30 MiB (of
    // their JSON, more on the heap), which a run of unique documents would fill.
    documentStore:
      config.limits.documentCacheBytes > 0
        ? new InMemoryLRUCache<DocumentNode>({ maxSize: config.limits.documentCacheBytes })
        : null,
    validationRules: limitRules(config.limits),
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: clients send the document.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter({ hideSuggestions: !config.introspection }),
    plugins: [
      {
        // The operation's name, for the log line and the metrics label: only once the document has
        // parsed and validated and the operation is resolved (so never a name from a junk request),
        // and cut to a bounded length.
        requestDidStart() {
          return Promise.resolve({
            didResolveOperation({ operationName, contextValue }) {
              contextValue.request.operationName = operationName === null ? null : capName(operationName);
              return Promise.resolve();
            },
          });
        },
      },
      errorReportingPlugin(logger),
      missingRootTypePlugin<GraphContext>(),
      operationChecksPlugin(schema, { ...config.limits, hideSuggestions: !config.introspection }),
      badUserInputStatusPlugin<GraphContext>(),
      ...(config.routerSecret ? [routerSecretPlugin<GraphContext>(config.routerSecret)] : []),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Federated tracing (ftv1) is for Apollo GraphOS, which this service does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are set anywhere; the plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ide ? idePlugin<GraphContext>(ide) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
}
