/**
 * What the service answers, by path: GraphQL at GRAPHQL_PATH (handed to Apollo Server through its
 * integration API, `executeHTTPGraphQLRequest`), `/health/live` and `/health/ready`, the IDE (and
 * `/` redirecting to it), and `/metrics` when it is served on the public port. No web framework sits
 * in between: the body is read with a size limit and JSON is parsed here; everything else about
 * GraphQL over HTTP (CSRF prevention, GET/POST semantics, content negotiation) is Apollo's.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";

import { truncate } from "../common/text";
import type { Config } from "../config/config";
import { createContext, type GraphContext, type RequestInfo } from "../graphql/base/context";
import { createRepeatedFieldsGuard } from "../graphql/repeated-fields";
import type { GraphRepository } from "../repository/repository";
import { corsPolicy } from "./cors";
import { type IdePage, isBrowserPageRequest, sendIdeDisabled, sendIdePage } from "./ide";
import type { Metrics } from "./metrics";
import { METRICS_PATH, metricsHandler } from "./metrics-endpoint";
import { checkSearchParams, HttpError, parseBody, readBody, sendJson } from "./request";

export const GRAPHQL_PATH = "/graphql";

/** Answers one request, or throws the HttpError (or ClientAbortError) it deserves. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, info: RequestInfo) => Promise<void>;

export interface RouteParts {
  readonly config: Config;
  readonly apollo: ApolloServer<GraphContext>;
  readonly metrics: Metrics;
  /** The IDE page, when the IDE is on. */
  readonly ide: IdePage | undefined;
  /** The graph, or null while it is still loading. */
  readonly repository: () => GraphRepository | null;
  /** False once stopping has started. */
  readonly ready: () => boolean;
}

/** Seconds a client is told to wait (`Retry-After`) when it asks while the graph is loading. */
const LOADING_RETRY_AFTER_S = 5;

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

/** The `query` of a parsed JSON body, when it is a string. */
const queryOf = (body: unknown): string | null =>
  typeof body === "object" && body !== null && "query" in body && typeof body.query === "string" ? body.query : null;

/** A client-given path, cut for a message. */
const shortPath = (path: string): string => truncate(path, 80);

export function createRequestHandler({ config, apollo, metrics, ide, repository, ready }: RouteParts): RequestHandler {
  const serveMetrics = metricsHandler(metrics, config.metrics);
  // Before Apollo validates: a document whose repeated fields would stall graphql-js's validation.
  const guardRepeats = createRepeatedFieldsGuard({
    maxRepeats: config.limits.maxFieldRepeats,
    maxTokens: config.limits.maxTokens,
    cacheBytes: Math.floor(config.limits.documentCacheBytes / 4),
  });
  const cors = corsPolicy(config);
  return async (req, res, info) => {
    if (cors.handle(req, res)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = (req.method ?? "GET").toUpperCase();
    if (url.pathname === "/health/live") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/health/ready") {
      const accepting = ready();
      if (accepting && repository() === null) return sendJson(res, 503, { status: "loading" });
      return sendJson(res, accepting ? 200 : 503, { status: accepting ? "ready" : "stopping" });
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
    const graph = repository();
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
}
