/**
 * The `node:http` listener and what happens to each request around its handler: the connection
 * limits and timeouts (`config.connections`), an id per request (echoed in `x-request-id`), one JSON
 * log line and one metrics sample when its response is written or cut off, and the HTTP answer a
 * handler's error deserves. The responses in flight are tracked for the shutdown (./shutdown.ts).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import type { Logger } from "pino";

import { truncate } from "../common/text";
import type { Config } from "../config/config";
import type { RequestInfo } from "../graphql/base/context";
import type { Metrics, Outcome } from "./metrics";
import { ClientAbortError, HttpError, listen, sendError } from "./request";
import { GRAPHQL_PATH, type RequestHandler } from "./routes";

/** The responses not yet done, and whether the service still takes requests: shared with the shutdown. */
export class InFlight {
  private readonly responses = new Set<ServerResponse>();
  private drained: (() => void) | null = null;
  /** False once stopping has started: each response then asks to close its connection when done. */
  ready = true;
  /** Set when the shutdown grace period ran out and open connections were cut. */
  cutOff = false;

  add(res: ServerResponse): void {
    this.responses.add(res);
    if (!this.ready) res.setHeader("connection", "close");
  }

  done(res: ServerResponse): void {
    this.responses.delete(res);
    if (this.responses.size === 0) this.drained?.();
  }

  /** Stops being ready: every response not yet started is told to close its connection when done. */
  stopAccepting(): void {
    this.ready = false;
    for (const res of this.responses) if (!res.headersSent) res.setHeader("connection", "close");
  }

  /** Settles once no response is in flight. */
  drain(): Promise<void> {
    return this.responses.size === 0 ? Promise.resolve() : new Promise<void>(resolve => (this.drained = resolve));
  }
}

export interface ListenerParts {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inFlight: InFlight;
  readonly handle: RequestHandler;
}

/** The caller's request id when it is short and plain, otherwise a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Creates the server and starts it listening on `config.port` and `config.host`; answers it and its origin. */
export async function startListener({
  config,
  logger,
  metrics,
  inFlight,
  handle,
}: ListenerParts): Promise<{ readonly server: Server; readonly origin: string }> {
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
          aborted || (!res.writableFinished && !inFlight.cutOff)
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
        inFlight.done(res);
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
  return { server, origin: await listen(server, config.port, config.host) };
}
