/**
 * The service as a process: reads the configuration, loads the seed, serves GraphQL, and stops on
 * SIGTERM or SIGINT — the listener closes at once (new connections are refused, `/health/ready`
 * answers 503 on connections already open), in-flight requests get up to `SHUTDOWN_GRACE_MS` to
 * finish, then the process exits 0 (1 if stopping failed). Invalid configuration or seed data stops
 * start-up with exit code 1 and a message naming what is wrong.
 *
 * `src/main.ts` runs it as is; tests run it with another repository (see test/support/slow-service.ts).
 */
import type { Logger } from "pino";

import { createLogger, startApp } from "./app";
import { type Config, ConfigError, loadConfig } from "./config/config";
import type { GraphRepository, MaybePromise } from "./repository/repository";
import { SeedValidationError } from "./seed/seed.loader";

export interface RunOptions {
  /**
   * Builds the repository from the configuration (default: the in-memory repository over the
   * seed in `config.seedDir`). A `SeedValidationError` it throws refuses start-up like a bad seed.
   */
  readonly repository?: (config: Config, logger: Logger) => MaybePromise<GraphRepository>;
}

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export async function runService(options: RunOptions = {}): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    throw error;
  }
  const logger = createLogger(config);
  let app;
  try {
    const build = options.repository;
    app = await startApp(config, logger, build && (() => build(config, logger)));
  } catch (error) {
    if (error instanceof SeedValidationError) refuse(error.message);
    throw error;
  }

  // The logger writes synchronously (see createLogger), so nothing logged is lost on exit.
  const exit = (code: number) => process.exit(code);
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down: finishing in-flight requests");
    app
      .stop()
      .then(() => {
        logger.info("stopped");
        exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        exit(1);
      });
  };
  // Apollo's own signal handlers are off (stopOnTerminationSignals: false): this is the one shutdown.
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  // Announced only once the signals are ours: a supervisor that signals as soon as it reads this line
  // must not meet the default disposition (which kills the process without a clean stop).
  logger.info({ url: app.url }, `bilateral-graph serving GraphQL at ${app.url}`);
}
