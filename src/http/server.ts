/**
 * The HTTP layer: a `node:http` server that hands GraphQL requests to Apollo Server through its
 * integration API (`executeHTTPGraphQLRequest`), plus the IDE, health and metrics endpoints. No web
 * framework sits in between: the body is read with a size limit and JSON is parsed here; everything
 * else about GraphQL over HTTP (CSRF prevention, GET/POST semantics, content negotiation) is Apollo's.
 * Every request gets an id (echoed in `x-request-id`), one JSON log line and a metrics sample.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
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

import { truncate } from "../common/text";
import type { Config } from "../config/config";
import { createContext, type GraphContext, type RequestInfo } from "../graphql/base/context";
import {
  badUserInputStatusPlugin,
  createErrorFormatter,
  errorReportingPlugin,
  missingRootTypePlugin,
} from "../graphql/errors";
import { compiledGateway, type ExecutorOptions } from "../graphql/execution/compiled-executor";
import { limitRules, operationChecksPlugin } from "../graphql/limits";
import { createRepeatedFieldsGuard } from "../graphql/repeated-fields";
import { routerSecretPlugin } from "../graphql/router-secret.plugin";
import type { GraphRepository } from "../repository/repository";
import { corsPolicy } from "./cors";
import { idePlugin, type IdePage, isBrowserPageRequest, renderIde, sendIdeDisabled, sendIdePage } from "./ide";
import { capName, Metrics, type Outcome } from "./metrics";
import { METRICS_PATH, metricsHandler, startMetricsServer } from "./metrics-endpoint";
import {
  checkSearchParams,
  ClientAbortError,
  HttpError,
  listen,
  parseBody,
  readBody,
  sendError,
  sendJson,
} from "./request";

export const GRAPHQL_PATH = "/graphql";

export interface RunningService {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** Where `/metrics` is served on a port of its own (METRICS_PORT), else null. */
  readonly metricsUrl: string | null;
  readonly server: Server;
  readonly metrics: Metrics;
  /** Stops accepting connections, lets in-flight requests finish (within the grace period), stops Apollo. */
  stop(): Promise<void>;
}

export interface ServiceParts {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  /**
   * The graph, or its load still under way: the listener opens at once; until the promise settles
   * `/health/ready` answers 503 "loading" and GraphQL 503 SERVICE_UNAVAILABLE with `Retry-After`,
   * while `/health/live` answers 200. Whoever passes a promise handles its rejection.
   */
  readonly repository: GraphRepository | Promise<GraphRepository>;
  readonly logger: Logger;
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * Answers 503 when a request runs past the timeout. JavaScript cannot cancel the work already
 * started; its result is dropped when it arrives.
 */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new HttpError(503, "TIMEOUT", `The request took longer than ${ms} ms and was abandoned.`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The caller's request id when it is short and plain, otherwise a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

export function createApollo({
  config,
  schema,
  logger,
  ide,
  onFallback,
}: Omit<ServiceParts, "repository"> & {
  readonly ide?: IdePage;
  /** Told each time graphql-js executes an operation instead of graphql-jit, and why. */
  readonly onFallback?: ExecutorOptions["onFallback"];
}): ApolloServer<GraphContext> {
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

/** How long idle keep-alive connections stay open once stopping starts, so requests whose bytes already arrived are read. */
const IDLE_LINGER_MS = 50;

/** The `query` of a parsed JSON body, when it is a string. */
const queryOf = (body: unknown): string | null =>
  typeof body === "object" && body !== null && "query" in body && typeof body.query === "string" ? body.query : null;

/** A client-given path, cut for a message. */
const shortPath = (path: string): string => truncate(path, 80);

/** Seconds a client is told to wait (`Retry-After`) when it asks while the graph is loading. */
const LOADING_RETRY_AFTER_S = 5;

export async function startService(parts: ServiceParts): Promise<RunningService> {
  const { config, logger } = parts;
  let repository: GraphRepository | null = null;
  Promise.resolve(parts.repository).then(
    loaded => (repository = loaded),
    () => undefined,
  );
  const ide = config.ide ? renderIde(GRAPHQL_PATH) : undefined;
  const apollo = createApollo({
    ...parts,
    ide,
    onFallback: (operation, reason) => metrics.countFallback(operation, reason),
  });
  await apollo.start();
  const metrics = new Metrics();
  const serveMetrics = metricsHandler(metrics, config.metrics);
  // Before Apollo validates: a document whose repeated fields would stall graphql-js's validation.
  const guardRepeats = createRepeatedFieldsGuard({
    maxRepeats: config.limits.maxFieldRepeats,
    maxTokens: config.limits.maxTokens,
    cacheBytes: Math.floor(config.limits.documentCacheBytes / 4),
  });
  let ready = true;

  const cors = corsPolicy(config);
  const handle = async (req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<void> => {
    if (cors.handle(req, res)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = (req.method ?? "GET").toUpperCase();
    if (url.pathname === "/health/live") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/health/ready") {
      if (ready && repository === null) return sendJson(res, 503, { status: "loading" });
      return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "stopping" });
    }
    if (url.pathname === METRICS_PATH && config.metrics.onPublicPort) return serveMetrics(req, res);
    if (url.pathname === "/" && ide && (method === "GET" || method === "HEAD")) {
      res.writeHead(302, { location: GRAPHQL_PATH, "content-length": 0 });
      res.end();
      return;
    }
    if (url.pathname !== GRAPHQL_PATH) {
      throw new HttpError(
        404,
        "NOT_FOUND",
        `Nothing is served at ${shortPath(url.pathname)}; the GraphQL endpoint is ${GRAPHQL_PATH}.`,
      );
    }
    if (method !== "GET" && method !== "POST") {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", `${method} is not supported; use GET or POST.`, {
        allow: "GET, POST",
      });
    }
    if (!ide && method === "GET" && isBrowserPageRequest(req, url)) return sendIdeDisabled(res);
    const graph = repository;
    if (graph === null) {
      throw new HttpError(503, "SERVICE_UNAVAILABLE", "The graph is still loading; retry in a few seconds.", {
        "retry-after": String(LOADING_RETRY_AFTER_S),
      });
    }
    if (method === "GET") checkSearchParams(url.searchParams, config.connections.maxJsonDepth);
    const raw = method === "POST" ? await readBody(req, config.maxBodyBytes) : "";
    const body =
      method === "POST" ? parseBody(raw, req.headers["content-type"], config.connections.maxJsonDepth) : undefined;
    const query = method === "POST" ? queryOf(body) : url.searchParams.get("query");
    const repeated = query === null ? null : guardRepeats(query);
    if (repeated) throw new HttpError(400, String(repeated.extensions.code), repeated.message);
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers: toHeaderMap(req), search: url.search, body };
    const response = await withTimeout(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: () => Promise.resolve(createContext(graph, info)),
      }),
      config.requestTimeoutMs,
    );
    const headers: Record<string, string> = {};
    for (const [key, value] of response.headers) headers[key] = value;
    if (response.body.kind === "complete") {
      const body = response.body.string;
      // The IDE page is megabytes of inlined scripts: cached by the browser, gzipped once at start-up.
      if (ide && body === ide.html) return sendIdePage(req, res, ide, response.status ?? 200, headers);
      headers["content-length"] = String(Buffer.byteLength(body));
      res.writeHead(response.status ?? 200, headers);
      res.end(body);
      return;
    }
    res.writeHead(response.status ?? 200, headers);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  // Responses not yet sent: when stopping starts, each is told to close its connection when done.
  const inFlight = new Set<ServerResponse>();
  let drained: (() => void) | null = null;
  // Set when the shutdown grace period ran out and open connections were cut.
  let cutOff = false;
  const limits = config.connections;
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.receiveTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often node checks the two timeouts above (its default, 30 s, would let them overrun).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      const started = process.hrtime.bigint();
      inFlight.add(res);
      if (!ready) res.setHeader("connection", "close");
      const info: RequestInfo = { id: requestIdOf(req), operationName: null, internalError: false };
      res.setHeader("x-request-id", info.id);
      let aborted = false;
      // Logged and counted once: when the response is written ("finish"), or when it is cut off
      // ("close" first: the client went away, or the shutdown grace period ran out).
      let done = false;
      const complete = () => {
        if (done) return;
        done = true;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        const outcome: Outcome =
          aborted || (!res.writableFinished && !cutOff)
            ? "aborted"
            : info.internalError || res.statusCode >= 500 || !res.writableFinished
              ? "server_error"
              : res.statusCode >= 400
                ? "client_error"
                : "success";
        if (path === GRAPHQL_PATH) metrics.observe(info.operationName, outcome, seconds);
        logger.info(
          {
            requestId: info.id,
            method: req.method,
            path: truncate(path, 200),
            status: res.statusCode,
            operationName: info.operationName,
            outcome,
            completed: res.writableFinished,
            durationMs: Math.round(seconds * 1e6) / 1e3,
          },
          "request",
        );
        inFlight.delete(res);
        if (inFlight.size === 0) drained?.();
      };
      res.once("finish", complete);
      res.once("close", complete);
      handle(req, res, info).catch((error: unknown) => {
        if (error instanceof ClientAbortError) {
          // Nobody is left to answer: counted and logged once as "aborted", not as a failure.
          aborted = true;
          res.destroy();
          return;
        }
        if (error instanceof HttpError) {
          if (!res.headersSent) sendError(res, error);
          return;
        }
        info.internalError = true;
        logger.error({ err: error, requestId: info.id }, "unexpected error while handling a request");
        if (!res.headersSent) sendError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
        else res.destroy();
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = limits.maxHeaders;

  const url = `${await listen(server, config.port, config.host)}${GRAPHQL_PATH}`;
  const metricsServer =
    config.metrics.port === null
      ? null
      : await startMetricsServer(metrics, { ...config.metrics, port: config.metrics.port });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      ready = false;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      // Stop accepting connections, but keep the open ones: http's own close() would also drop idle
      // keep-alive connections at once, losing requests whose bytes already arrived while the
      // process was busy. Those are read in the next turns of the event loop and answered (with
      // `Connection: close`); the connections still idle after IDLE_LINGER_MS are closed.
      const closed = new Promise<void>(resolve => NetServer.prototype.close.call(server, () => resolve()));
      const grace = new Promise<void>(resolve => setTimeout(resolve, config.shutdownGraceMs).unref());
      await Promise.race([new Promise<void>(resolve => setTimeout(resolve, IDLE_LINGER_MS)), grace]);
      server.closeIdleConnections();
      // Wait for the listener to close and every in-flight response to be done (and logged).
      const allDone = inFlight.size === 0 ? Promise.resolve() : new Promise<void>(resolve => (drained = resolve));
      await Promise.race([Promise.all([closed, allDone]), grace]);
      cutOff = true;
      server.closeAllConnections();
      // http's close(): stops its timeout checks (the listener itself is already closed).
      server.close();
      await Promise.all([apollo.stop(), metricsServer?.stop()]);
    })();
    return stopping;
  };

  return { url, metricsUrl: metricsServer?.url ?? null, server, metrics, stop };
}
