/**
 * Configuration, read once from the environment at start-up and passed down. Every variable is
 * checked; a bad value refuses start-up with a message naming the variable.
 */
import { isAbsolute, join, resolve } from "node:path";

import { parseCorsOrigins } from "../http/cors";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Limits on what one GraphQL operation may ask for (see src/graphql/limits.ts). */
export interface Limits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
}

export interface Config {
  /** TCP port to listen on (0 picks a free one). */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Folder of the seed `*.json` files. */
  readonly seedDir: string;
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
    },
    requestTimeoutMs: integer(env, "REQUEST_TIMEOUT_MS", 10_000, 1, 600_000, problems),
    ide,
    introspection,
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS, problems),
    corsCredentials: boolean(env, "CORS_CREDENTIALS", false, problems),
  };
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
