/**
 * CORS: lets browser apps served from other origins call the API, when their origin is listed in
 * `CORS_ORIGINS` (none by default: browsers then allow only same-origin calls, such as the IDE's).
 *
 * - A preflight (`OPTIONS` with `Access-Control-Request-Method`) from an allowed origin is answered
 *   204 with the methods (GET, POST) and request headers the API accepts, cached for 10 minutes;
 *   from any other origin 403 `FORBIDDEN`, naming the origin.
 * - Every other response to an allowed origin carries `Access-Control-Allow-Origin` with that origin
 *   (never `*`), exposes `x-request-id`, and allows credentials only with `CORS_CREDENTIALS=true`.
 *   Responses to other origins carry no CORS headers, so the browser keeps them from the page.
 * - `Vary: Origin` on every response while origins are configured, so caches keep answers apart.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import type { Config } from "../config/config";

/** What a browser may send across origins: JSON bodies, Apollo's CSRF-prevention headers, a request id. */
const ALLOWED_HEADERS = [
  "accept",
  "content-type",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-request-id",
];
const ALLOWED_METHODS = "GET, POST";
const MAX_AGE_SECONDS = 600;

/**
 * Reads `CORS_ORIGINS`: comma-separated origins, each `scheme://host[:port]` exactly as browsers
 * send it in `Origin` (lower case, no path, no trailing slash). Problems are added to `problems`.
 */
export function parseCorsOrigins(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined || raw.trim() === "") return [];
  const origins: string[] = [];
  for (const entry of raw.split(",").map(part => part.trim())) {
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if ((url.protocol === "http:" || url.protocol === "https:") && url.origin === entry) origin = url.origin;
    } catch {
      // not a URL: reported below
    }
    if (origin === null) {
      problems.push(
        `CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com or http://localhost:5173 (scheme, host and optional port; no path, no trailing slash, no "*"), got "${entry}"`,
      );
    } else if (!origins.includes(origin)) {
      origins.push(origin);
    }
  }
  return origins;
}

export interface CorsPolicy {
  /**
   * Adds the CORS headers `req` calls for to `res`, and answers it when it is a preflight.
   * Returns true when the request has been answered.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export function corsPolicy(config: Pick<Config, "corsOrigins" | "corsCredentials">): CorsPolicy {
  const allowed = new Set(config.corsOrigins);
  return {
    handle(req, res) {
      if (allowed.size === 0) return false;
      res.setHeader("vary", "origin");
      const origin = req.headers.origin;
      if (origin === undefined) return false;
      const isAllowed = allowed.has(origin);
      if (isAllowed) {
        res.setHeader("access-control-allow-origin", origin);
        if (config.corsCredentials) res.setHeader("access-control-allow-credentials", "true");
      }
      const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
      if (!preflight) {
        if (isAllowed) res.setHeader("access-control-expose-headers", "x-request-id");
        return false;
      }
      if (!isAllowed) {
        const body = JSON.stringify({
          errors: [
            {
              message: `The origin ${origin} may not call this API from a browser; CORS_ORIGINS lists the origins that may.`,
              extensions: { code: "FORBIDDEN" },
            },
          ],
        });
        res.writeHead(403, {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
        });
        res.end(body);
        return true;
      }
      res.writeHead(204, {
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": ALLOWED_HEADERS.join(", "),
        "access-control-max-age": String(MAX_AGE_SECONDS),
        "content-length": 0,
      });
      res.end();
      return true;
    },
  };
}
