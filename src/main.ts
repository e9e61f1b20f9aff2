/**
 * `npm start`: reads the configuration, loads the seed, serves GraphQL until SIGINT or SIGTERM.
 * Invalid configuration or seed data stops start-up with a message naming what is wrong.
 */
import { createLogger, startApp } from "./app";
import { ConfigError, loadConfig } from "./config/config";
import { SeedValidationError } from "./seed/seed.loader";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  let app;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof SeedValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  logger.info({ url: app.url }, `bilateral-graph serving GraphQL at ${app.url}`);

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    app
      .stop()
      .then(() => {
        logger.info("stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        process.exit(1);
      });
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`bilateral-graph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
