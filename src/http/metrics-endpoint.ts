/**
 * `GET /metrics`: the Prometheus exposition, behind a bearer token when `METRICS_TOKEN` is set, on
 * the public port or on a port of its own (`METRICS_PORT`, on `METRICS_HOST`) that serves nothing
 * else. The token is compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import type { MetricsAccess } from "../config/config";
import type { Metrics } from "./metrics";
import { HttpError, listen, sendError } from "./request";

export const METRICS_PATH = "/metrics";

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

/** Answers a metrics request, or throws the HttpError it deserves. */
export function metricsHandler(
  metrics: Metrics,
  access: Pick<MetricsAccess, "token">,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const expected = access.token === null ? null : digest(`Bearer ${access.token}`);
  return async (req, res) => {
    const method = (req.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", `${method} is not supported on ${METRICS_PATH}; use GET.`, {
        allow: "GET, HEAD",
      });
    }
    if (expected !== null && !timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) {
      throw new HttpError(401, "UNAUTHENTICATED", "Metrics need `Authorization: Bearer <METRICS_TOKEN>`.", {
        "www-authenticate": 'Bearer realm="metrics"',
      });
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
    res.end(method === "HEAD" ? undefined : body);
  };
}

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  readonly url: string;
  stop(): Promise<void>;
}

/** A listener of its own for `/metrics` (METRICS_PORT); every other path is 404. */
export async function startMetricsServer(
  metrics: Metrics,
  access: MetricsAccess & { readonly port: number },
): Promise<MetricsServer> {
  const handle = metricsHandler(metrics, access);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const work =
      path === METRICS_PATH
        ? handle(req, res)
        : Promise.reject(new HttpError(404, "NOT_FOUND", `Only ${METRICS_PATH} is served on this port.`));
    work.catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendError(
        res,
        error instanceof HttpError ? error : new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error"),
      );
    });
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  const origin = await listen(server, access.port, access.host);
  return {
    url: `${origin}${METRICS_PATH}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
