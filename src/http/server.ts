/**
 * The HTTP layer: a `node:http` server that hands GraphQL requests to Apollo Server through its
 * integration API (`executeHTTPGraphQLRequest`), plus the IDE, health and metrics endpoints. No web
 * framework sits in between: the body is read with a size limit and JSON is parsed here; everything
 * else about GraphQL over HTTP (CSRF prevention, GET/POST semantics, content negotiation) is Apollo's.
 * Every request gets an id (echoed in `x-request-id`), one JSON log line and a metrics sample.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import { parseJson } from "../common/json";
import type { Config } from "../config/config";
import type { GraphContext, RequestInfo } from "../graphql/common/context";
import {
  badUserInputStatusPlugin,
  createErrorFormatter,
  errorReportingPlugin,
  missingRootTypePlugin,
} from "../graphql/errors";
import { compiledGateway, type ExecutorOptions } from "../graphql/execution/compiled-executor";
import { costPlugin, limitRules } from "../graphql/limits";
import { routerSecretPlugin } from "../graphql/router-secret.plugin";
import type { GraphRepository } from "../repository/repository";
import { idePlugin, type IdePage, renderIde } from "./ide";
import { Metrics, type Outcome } from "./metrics";

export const GRAPHQL_PATH = "/graphql";

export interface RunningService {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  readonly server: Server;
  readonly metrics: Metrics;
  /** Stops accepting connections, lets in-flight requests finish (within the grace period), stops Apollo. */
  stop(): Promise<void>;
}

export interface ServiceParts {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  readonly repository: GraphRepository;
  readonly logger: Logger;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { errors: [{ message: error.message, extensions: { code: error.code } }] },
    error.headers,
  );
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`);
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge());
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json" && mediaType !== "application/graphql-response+json") {
    // Apollo decides (CSRF prevention rejects non-JSON POSTs without a preflight header).
    return raw === "" ? undefined : raw;
  }
  if (raw.trim() === "") {
    throw new HttpError(400, "BAD_REQUEST", "The request body is empty; send a JSON object with a `query`.");
  }
  try {
    return parseJson(raw);
  } catch (error) {
    throw new HttpError(400, "BAD_REQUEST", `The request body is not valid JSON: ${(error as Error).message}`);
  }
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
    gateway: compiledGateway(schema, { onFallback }),
    logger,
    introspection: config.introspection,
    // Without introspection, errors do not suggest field names either ("Did you mean …?").
    hideSchemaDetailsFromClientErrors: !config.introspection,
    csrfPrevention: true,
    // The process owns SIGTERM/SIGINT (src/process.ts) and stops Apollo last, after in-flight requests.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: limitRules(config.limits),
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: clients send the document.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(),
    plugins: [
      {
        // The name the client gave the operation, for the log line and the metrics labels.
        requestDidStart({ request, contextValue }) {
          contextValue.request.operationName = request.operationName ?? null;
          return Promise.resolve({
            didResolveOperation({ operationName }) {
              contextValue.request.operationName = operationName;
              return Promise.resolve();
            },
          });
        },
      },
      errorReportingPlugin(logger),
      missingRootTypePlugin<GraphContext>(),
      costPlugin(schema, config.limits.maxCost),
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

export async function startService(parts: ServiceParts): Promise<RunningService> {
  const { config, repository, logger } = parts;
  const ide = config.ide ? renderIde(GRAPHQL_PATH) : undefined;
  const apollo = createApollo({
    ...parts,
    ide,
    onFallback: (operation, reason) => metrics.countFallback(operation, reason),
  });
  await apollo.start();
  const metrics = new Metrics();
  let ready = true;

  const handle = async (req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = (req.method ?? "GET").toUpperCase();
    if (url.pathname === "/health/live") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/health/ready") {
      return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "stopping" });
    }
    if (url.pathname === "/metrics") {
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    if (url.pathname === "/" && ide && (method === "GET" || method === "HEAD")) {
      res.writeHead(302, { location: GRAPHQL_PATH, "content-length": 0 });
      res.end();
      return;
    }
    if (url.pathname !== GRAPHQL_PATH) {
      throw new HttpError(
        404,
        "NOT_FOUND",
        `Nothing is served at ${url.pathname}; the GraphQL endpoint is ${GRAPHQL_PATH}.`,
      );
    }
    if (method !== "GET" && method !== "POST") {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", `${method} is not supported; use GET or POST.`, {
        allow: "GET, POST",
      });
    }
    const raw = method === "POST" ? await readBody(req, config.maxBodyBytes) : "";
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method,
      headers: toHeaderMap(req),
      search: url.search,
      body: method === "POST" ? parseBody(raw, req.headers["content-type"]) : undefined,
    };
    const response = await withTimeout(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: () => Promise.resolve({ repository, request: info }),
      }),
      config.requestTimeoutMs,
    );
    const headers: Record<string, string> = {};
    for (const [key, value] of response.headers) headers[key] = value;
    if (response.body.kind === "complete") {
      const body = response.body.string;
      // The IDE page is megabytes of inlined scripts: send the copy gzipped once at start-up.
      if (ide && body === ide.html && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        headers["content-encoding"] = "gzip";
        headers["content-length"] = String(ide.gzipped.length);
        headers.vary = "accept-encoding";
        res.writeHead(response.status ?? 200, headers);
        res.end(ide.gzipped);
        return;
      }
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
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    inFlight.add(res);
    if (!ready) res.setHeader("connection", "close");
    const info: RequestInfo = { id: requestIdOf(req), operationName: null, internalError: false };
    res.setHeader("x-request-id", info.id);
    // Logged and counted once: when the response is written ("finish"), or when it is cut off
    // ("close" first, e.g. at the end of the shutdown grace period; logged as not completed).
    let done = false;
    const complete = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const outcome: Outcome =
        info.internalError || res.statusCode >= 500
          ? "server_error"
          : res.statusCode >= 400
            ? "client_error"
            : "success";
      if (path === GRAPHQL_PATH) metrics.observe(info.operationName, outcome, seconds);
      logger.info(
        {
          requestId: info.id,
          method: req.method,
          path,
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
      if (error instanceof HttpError) {
        if (!res.headersSent) sendError(res, error);
        return;
      }
      info.internalError = true;
      logger.error({ err: error, requestId: info.id }, "unexpected error while handling a request");
      if (!res.headersSent) sendError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const displayHost = host === "0.0.0.0" || host === "[::]" ? "localhost" : host;
  const url = `http://${displayHost}:${address.port}${GRAPHQL_PATH}`;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      ready = false;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = new Promise<void>(resolve => setTimeout(resolve, config.shutdownGraceMs).unref());
      // Wait for the listener to close and every in-flight response to be done (and logged).
      const allDone = inFlight.size === 0 ? Promise.resolve() : new Promise<void>(resolve => (drained = resolve));
      await Promise.race([Promise.all([closed, allDone]), grace]);
      server.closeAllConnections();
      await apollo.stop();
    })();
    return stopping;
  };

  return { url, server, metrics, stop };
}
