/**
 * Wires the stages together: configuration → seed loader → repository → schema → HTTP.
 * Each stage receives what it needs; nothing is kept in module-level state.
 */
import "reflect-metadata";

import { setImmediate as nextTurn } from "node:timers/promises";

import pino, { type Logger } from "pino";

import type { Config } from "./config/config";
import { releaseMemory } from "./common/heap";
import { buildServiceSchema } from "./graphql/schema";
import { type RunningService, startService } from "./http/server";
import { decodeImage } from "./repository/in-memory/image";
import type { InMemoryRepository } from "./repository/in-memory.repository";
import type { GraphRepository, MaybePromise } from "./repository/repository";
import { type GraphLoad, type GraphLoadRequest, loadGraphInLoaderProcess } from "./seed/load-worker";

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

/**
 * The in-memory repository over the seed (from its snapshot when `SNAPSHOT_DIR` is set and the
 * snapshot is trusted). The seed is read, validated and indexed in a loader process, so health
 * probes are answered meanwhile; the image it hands over (records and indexes) is decoded here,
 * after a turn of the event loop — the only part of the load that holds the main thread.
 */
async function loadRepository(config: Config, logger: Logger): Promise<GraphRepository> {
  const { seedDir, snapshotDir } = config;
  const { repository, loaded, decodeMs, bytes } = decode(await loadImage({ seedDir, snapshotDir }));
  // The image's bytes are garbage from here on (only `decode` held them), but the promise that
  // brought them is still held while this turn runs: they are given back in the next one.
  await nextTurn();
  const releasing = process.hrtime.bigint();
  releaseMemory();
  const releaseMs = Math.round(Number(process.hrtime.bigint() - releasing) / 1e6);
  const { ms } = loaded;
  if (loaded.warm) logger.info({ snapshotDir, ms, decodeMs, releaseMs, bytes }, "graph loaded from its snapshot");
  else {
    const { coldReason, written } = loaded;
    logger.info({ snapshotDir, ms, decodeMs, releaseMs, bytes, coldReason, written }, "seed loaded cold");
  }
  return repository;
}

type TimedLoad = GraphLoad & { readonly ms: number };

/** The graph's image (from the loader process, or the snapshot), timed; then a turn of the event loop. */
async function loadImage(request: GraphLoadRequest): Promise<TimedLoad> {
  const started = process.hrtime.bigint();
  const load = await loadGraphInLoaderProcess(request);
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  await nextTurn();
  return { ...load, ms };
}

/** The repository decoded from a load's image, timed; the image itself is not kept. */
function decode({ payload, ...loaded }: TimedLoad): {
  repository: InMemoryRepository;
  loaded: Omit<TimedLoad, "payload">;
  decodeMs: number;
  bytes: number;
} {
  const decoding = process.hrtime.bigint();
  const repository = decodeImage(payload);
  const decodeMs = Math.round(Number(process.hrtime.bigint() - decoding) / 1e6);
  return { repository, loaded, decodeMs, bytes: payload.byteLength };
}

/**
 * Starts listening first, then loads the graph (by default the seed in `config.seedDir`; or builds
 * it with `repository`; see `ServiceParts.repository` for what is served meanwhile): the returned
 * promise settles once the graph is loaded. A load that fails stops the listener and rejects.
 */
export async function startApp(
  config: Config,
  logger: Logger,
  repository?: GraphRepository | (() => MaybePromise<GraphRepository>),
): Promise<App> {
  const schema = buildServiceSchema();
  if (!config.routerSecret) {
    logger.warn("ROUTER_SECRET is not set: _entities and _service answer anyone; set it when running behind a router");
  }
  let load: (graph: MaybePromise<GraphRepository>) => void = () => undefined;
  const loading = new Promise<GraphRepository>(resolve => (load = resolve));
  const service = await startService({ config, schema, repository: loading, logger });
  logger.info({ listening: service.url }, "listening; loading the graph");
  load(
    repository === undefined
      ? loadRepository(config, logger)
      : typeof repository === "function"
        ? nextTurn().then(repository)
        : repository,
  );
  try {
    return { ...service, repository: await loading };
  } catch (error) {
    await service.stop();
    throw error;
  }
}
