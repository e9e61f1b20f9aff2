/**
 * The HTTP layer: a `node:http` server that hands GraphQL requests to Apollo Server through its
 * integration API (`executeHTTPGraphQLRequest`), plus health endpoints. No web framework sits in
 * between: the body is read with a size limit, JSON is parsed here, and everything else (CSRF
 * prevention, GET/POST semantics, content negotiation) is Apollo's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
  ApolloServerPluginSchemaReportingDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import { parseJson } from "../common/json";
import type { Config } from "../config/config";
import type { GraphContext } from "../graphql/common/context";
import { badUserInputStatusPlugin, createErrorFormatter } from "../graphql/errors";
import { routerSecretPlugin } from "../graphql/router-secret.plugin";
import type { GraphRepository } from "../repository/repository";

export const GRAPHQL_PATH = "/graphql";

export interface RunningService {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  readonly server: Server;
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
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    return Promise.reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`));
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

export function createApollo({ config, schema, logger }: Omit<ServiceParts, "repository">): ApolloServer<GraphContext> {
  return new ApolloServer<GraphContext>({
    schema,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    logger,
    plugins: [
      badUserInputStatusPlugin<GraphContext>(),
      ...(config.routerSecret ? [routerSecretPlugin<GraphContext>(config.routerSecret)] : []),
      ApolloServerPluginUsageReportingDisabled(),
      // Federated tracing (ftv1) is for Apollo GraphOS, which this service does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}

export async function startService(parts: ServiceParts): Promise<RunningService> {
  const { config, repository, logger } = parts;
  const apollo = createApollo(parts);
  await apollo.start();
  let ready = true;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health/live") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/health/ready") {
      return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "stopping" });
    }
    if (url.pathname !== GRAPHQL_PATH) {
      throw new HttpError(
        404,
        "NOT_FOUND",
        `Nothing is served at ${url.pathname}; the GraphQL endpoint is ${GRAPHQL_PATH}.`,
      );
    }
    const method = (req.method ?? "GET").toUpperCase();
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
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => Promise.resolve({ repository }),
    });
    const headers: Record<string, string> = {};
    for (const [key, value] of response.headers) headers[key] = value;
    if (response.body.kind === "complete") {
      headers["content-length"] = String(Buffer.byteLength(response.body.string));
      res.writeHead(response.status ?? 200, headers);
      res.end(response.body.string);
      return;
    }
    res.writeHead(response.status ?? 200, headers);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendError(res, error);
        return;
      }
      logger.error({ err: error }, "unexpected error while handling a request");
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
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = new Promise<void>(resolve => setTimeout(resolve, config.shutdownGraceMs).unref());
      await Promise.race([closed, grace]);
      server.closeAllConnections();
      await apollo.stop();
    })();
    return stopping;
  };

  return { url, server, stop };
}
