/**
 * Wires the stages together: configuration → seed loader → repository → schema → HTTP.
 * Each stage receives what it needs; nothing is kept in module-level state.
 */
import "reflect-metadata";

import pino, { type Logger } from "pino";

import type { Config } from "./config/config";
import { buildServiceSchema } from "./graphql/schema";
import { type RunningService, startService } from "./http/server";
import { InMemoryRepository } from "./repository/in-memory.repository";
import type { GraphRepository } from "./repository/repository";
import { loadSeed } from "./seed/seed.loader";

export interface App extends RunningService {
  readonly repository: GraphRepository;
}

/**
 * JSON lines on stdout, written synchronously: lines keep their order and none is lost when the
 * process exits (pino's default asynchronous stream can drop or reorder the last ones).
 */
export function createLogger(config: Pick<Config, "logLevel">, destination?: pino.DestinationStream): Logger {
  return pino(
    { level: config.logLevel, base: { service: "bilateral-graph" } },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export async function startApp(config: Config, logger: Logger, repository?: GraphRepository): Promise<App> {
  const repo = repository ?? new InMemoryRepository(loadSeed({ seedDir: config.seedDir }));
  const schema = buildServiceSchema();
  if (!config.routerSecret) {
    logger.warn("ROUTER_SECRET is not set: _entities and _service answer anyone; set it when running behind a router");
  }
  const service = await startService({ config, schema, repository: repo, logger });
  return { ...service, repository: repo };
}
