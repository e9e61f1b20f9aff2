/**
 * Configuration, read once from the environment at start-up and passed down. Every variable is
 * checked; a bad value refuses start-up with a message naming the variable.
 */
import { isAbsolute, join, resolve } from "node:path";

import { parseCorsOrigins } from "../http/cors";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Limits on what one HTTP connection and request may hold (see src/http/listener.ts): timeouts,
 * connection and header caps, and the deepest JSON a body (or a GET's variables) may nest.
 */
export interface ConnectionLimits {
  /** Time for a client to send a request's headers, in milliseconds (node's `headersTimeout`). */
  readonly headersTimeoutMs: number;
  /** Time for a client to send a whole request, headers and body, in milliseconds (node's `requestTimeout`). */
  readonly receiveTimeoutMs: number;
  /** How long an idle keep-alive connection stays open, in milliseconds. */
  readonly keepAliveTimeoutMs: number;
  /** Most concurrent connections; more are refused (closed at once). */
  readonly maxConnections: number;
  /** Most header lines in one request. */
  readonly maxHeaders: number;
  /** Largest size of a request's headers, in bytes (431 beyond it). */
  readonly maxHeaderBytes: number;
  /** Deepest nesting of arrays and objects in a JSON body or a GET's `variables`/`extensions`. */
  readonly maxJsonDepth: number;
}

/** Where Prometheus metrics are served, and to whom. */
export interface MetricsAccess {
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <token>`. */
  readonly token: string | null;
  /** When set, `/metrics` is served on this port (on `host`) and not on the public port. */
  readonly port: number | null;
  /** Interface of the metrics port. */
  readonly host: string;
  /** Whether `/metrics` is served on the public port: off in production unless a token guards it. */
  readonly onPublicPort: boolean;
}

/** Limits on what one GraphQL operation may ask for (see src/graphql/limits.ts). */
export interface Limits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** Most variable coercion errors reported for one request; coercion stops there. */
  readonly maxVariableErrors: number;
  /** Bytes the cache of computed operation costs may hold (keys are hashes, so entries are small). */
  readonly costCacheBytes: number;
  /** Bytes (of their JSON) the cache of parsed and validated documents may hold; a quarter of it bounds the query texts the repeated-fields guard remembers. */
  readonly documentCacheBytes: number;
  /** Bytes (estimated heap) the cache of compiled operations and their argument checks may hold. */
  readonly executionCacheBytes: number;
  /** Most repeats of a field with arguments or selections at a place where it is already selected (see src/graphql/repeated-fields.ts). */
  readonly maxFieldRepeats: number;
}

export interface Config {
  /** TCP port to listen on (0 picks a free one). */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Folder of the seed `*.json` files. */
  readonly seedDir: string;
  /** Where the snapshot of the loaded graph is kept for warm starts (src/seed/snapshot.ts); null: no snapshot. */
  readonly snapshotDir: string | null;
  /** pino's log level. */
  readonly logLevel: LogLevel;
  /** Whether the service runs in production mode (`NODE_ENV=production`). */
  readonly production: boolean;
  /** The largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** How long in-flight requests may take to finish after SIGTERM/SIGINT, in milliseconds. */
  readonly shutdownGraceMs: number;
  /** When set, `_entities` and `_service` answer only requests carrying it in `x-router-secret`. */
  readonly routerSecret: string | null;
  /** Limits on one operation: depth, aliases, directives, tokens and cost. */
  readonly limits: Limits;
  /** How long a GraphQL request may run before it is answered with a timeout error, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** Whether the GraphQL IDE is served (default: as introspection; never without it). */
  readonly ide: boolean;
  /** Whether introspection is allowed, and field suggestions shown in errors (default: on, except in production). */
  readonly introspection: boolean;
  /** Timeouts and caps on connections, headers and JSON nesting. */
  readonly connections: ConnectionLimits;
  /** Who may read `/metrics`, and on which port. */
  readonly metrics: MetricsAccess;
  /** Browser origins allowed to call the API across origins (CORS); empty: none. */
  readonly corsOrigins: readonly string[];
  /** Whether those origins may send credentials (cookies, HTTP authentication). */
  readonly corsCredentials: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map(p => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The repository's own folder (two levels up from `dist/src/config` and from `src/config`). */
export const PROJECT_ROOT = resolve(__dirname, __dirname.includes(`${join("dist", "src")}`) ? "../../.." : "../..");

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return Number(raw);
}

function logLevelOf(env: Env, fallback: LogLevel, problems: string[]): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === "") return fallback;
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  return fallback;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function metricsAccess(env: Env, production: boolean, problems: string[]): MetricsAccess {
  const token = env.METRICS_TOKEN ? env.METRICS_TOKEN : null;
  if (token !== null && (token.length < 16 || /[^\x21-\x7e]/.test(token))) {
    problems.push("METRICS_TOKEN must be at least 16 printable characters without spaces");
  }
  const port = env.METRICS_PORT ? integer(env, "METRICS_PORT", 0, 0, 65535, problems) : null;
  const host = env.METRICS_HOST ?? "127.0.0.1";
  if (host.trim() === "" || /\s/.test(host)) {
    problems.push(`METRICS_HOST must be a host name or IP address, got "${host}"`);
  }
  // Production keeps the process's figures off the public port unless a token guards them.
  return { token, port, host, onPublicPort: port === null && (!production || token !== null) };
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? "development";
  if (!["development", "production", "test"].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be one of development, production, test, got "${nodeEnv}"`);
  }
  // Loopback unless told otherwise: the IDE, introspection and `_entities` are not for every interface.
  // The container image sets HOST=0.0.0.0.
  const host = env.HOST ?? "127.0.0.1";
  if (host.trim() === "" || /\s/.test(host)) problems.push(`HOST must be a host name or IP address, got "${host}"`);
  const seedDir = env.SEED_DIR
    ? isAbsolute(env.SEED_DIR)
      ? env.SEED_DIR
      : resolve(env.SEED_DIR)
    : join(PROJECT_ROOT, "seed");
  const introspection = boolean(env, "ENABLE_INTROSPECTION", nodeEnv !== "production", problems);
  // The IDE reads the schema by introspection: it follows ENABLE_INTROSPECTION unless set, and cannot be on without it.
  const ide = boolean(env, "ENABLE_IDE", introspection, problems);
  const config: Config = {
    port: integer(env, "PORT", 4000, 0, 65535, problems),
    host,
    seedDir,
    snapshotDir: env.SNAPSHOT_DIR ? resolve(env.SNAPSHOT_DIR) : null,
    production: nodeEnv === "production",
    logLevel: logLevelOf(env, nodeEnv === "production" ? "info" : "debug", problems),
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", 100_000, 1_000, 10_000_000, problems),
    shutdownGraceMs: integer(env, "SHUTDOWN_GRACE_MS", 10_000, 0, 600_000, problems),
    routerSecret: env.ROUTER_SECRET ? env.ROUTER_SECRET : null,
    limits: {
      maxDepth: integer(env, "MAX_DEPTH", 15, 1, 100, problems),
      maxAliases: integer(env, "MAX_ALIASES", 15, 0, 1000, problems),
      maxDirectives: integer(env, "MAX_DIRECTIVES", 20, 0, 1000, problems),
      maxTokens: integer(env, "MAX_TOKENS", 3000, 100, 100_000, problems),
      maxCost: integer(env, "MAX_COST", 25_000, 1, 10_000_000, problems),
      maxVariableErrors: integer(env, "MAX_VARIABLE_ERRORS", 10, 1, 100, problems),
      costCacheBytes: integer(env, "COST_CACHE_BYTES", 1_000_000, 0, 1_000_000_000, problems),
      documentCacheBytes: integer(env, "DOCUMENT_CACHE_BYTES", 2_000_000, 0, 1_000_000_000, problems),
      maxFieldRepeats: integer(env, "MAX_FIELD_REPEATS", 50, 0, 10_000, problems),
      executionCacheBytes: integer(env, "EXECUTION_CACHE_BYTES", 8_000_000, 0, 1_000_000_000, problems),
    },
    connections: {
      headersTimeoutMs: integer(env, "HEADERS_TIMEOUT_MS", 10_000, 100, 600_000, problems),
      receiveTimeoutMs: integer(env, "RECEIVE_TIMEOUT_MS", 30_000, 100, 600_000, problems),
      keepAliveTimeoutMs: integer(env, "KEEP_ALIVE_TIMEOUT_MS", 5_000, 100, 600_000, problems),
      maxConnections: integer(env, "MAX_CONNECTIONS", 1_000, 1, 1_000_000, problems),
      maxHeaders: integer(env, "MAX_HEADERS", 100, 10, 10_000, problems),
      maxHeaderBytes: integer(env, "MAX_HEADER_BYTES", 16_384, 1_024, 1_048_576, problems),
      maxJsonDepth: integer(env, "MAX_JSON_DEPTH", 32, 2, 1_000, problems),
    },
    metrics: metricsAccess(env, nodeEnv === "production", problems),
    requestTimeoutMs: integer(env, "REQUEST_TIMEOUT_MS", 10_000, 1, 600_000, problems),
    ide,
    introspection,
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS, problems),
    corsCredentials: boolean(env, "CORS_CREDENTIALS", false, problems),
  };
  if (config.connections.headersTimeoutMs > config.connections.receiveTimeoutMs) {
    problems.push(
      `HEADERS_TIMEOUT_MS (${config.connections.headersTimeoutMs}) must not be more than RECEIVE_TIMEOUT_MS (${config.connections.receiveTimeoutMs})`,
    );
  }
  if (ide && !introspection) {
    problems.push(
      "ENABLE_IDE=true needs ENABLE_INTROSPECTION=true (the IDE reads the schema by introspection); set ENABLE_INTROSPECTION=true or ENABLE_IDE=false",
    );
  }
  if (config.corsCredentials && config.corsOrigins.length === 0) {
    problems.push("CORS_CREDENTIALS=true needs CORS_ORIGINS, the origins that may send credentials");
  }
  if (config.routerSecret !== null && config.routerSecret.length < 16) {
    problems.push("ROUTER_SECRET must be at least 16 characters long");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
