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
 * snapshot is trusted), loaded by `startGraph`, and logged.
 */
async function loadRepository(config: Config, logger: Logger): Promise<GraphRepository> {
  const { seedDir, snapshotDir } = config;
  const { repository, load, bytes, ...took } = await startGraph({ seedDir, snapshotDir });
  const [ms, decodeMs, releaseMs] = [took.loadMs, took.decodeMs, took.releaseMs].map(Math.round);
  if (load.warm) logger.info({ snapshotDir, ms, decodeMs, releaseMs, bytes }, "graph loaded from its snapshot");
  else {
    const { coldReason, written } = load;
    logger.info({ snapshotDir, ms, decodeMs, releaseMs, bytes, coldReason, written }, "seed loaded cold");
  }
  return repository;
}

/** A graph `startGraph` loaded, and how long each of its steps took (milliseconds). */
export interface GraphStart {
  readonly repository: InMemoryRepository;
  /** How it was loaded (warm or cold, why, what was written), without its image. */
  readonly load: Omit<GraphLoad, "payload">;
  /** The size of its image. */
  readonly bytes: number;
  /** The loader process, or reading the snapshot on worker threads. */
  readonly loadMs: number;
  /** Decoding the image on this thread. */
  readonly decodeMs: number;
  /** Giving the memory the load used back to the OS (src/common/heap.ts). */
  readonly releaseMs: number;
}

/**
 * The graph loaded as the service loads it (`npm run bench:scale` measures this too): read,
 * validated and indexed in a loader process (or its snapshot read on worker threads), so health
 * probes are answered meanwhile; the image handed over (records and indexes) is decoded here after
 * a turn of the event loop — the only part of the load that holds the main thread — and, a turn
 * later, the memory the load used is given back. `loaded` is called once the image has arrived.
 */
export async function startGraph(request: GraphLoadRequest, loaded?: () => void): Promise<GraphStart> {
  const decoded = decode(await loadImage(request, loaded));
  // The image's bytes are garbage from here on (only `decode` held them), but the promise that
  // brought them is still held while this turn runs: they are given back in the next one.
  await nextTurn();
  const releasing = performance.now();
  releaseMemory();
  return { ...decoded, releaseMs: performance.now() - releasing };
}

type TimedLoad = GraphLoad & { readonly loadMs: number };

/** The graph's image (from the loader process, or the snapshot), timed; then a turn of the event loop. */
async function loadImage(request: GraphLoadRequest, loaded?: () => void): Promise<TimedLoad> {
  const started = performance.now();
  const load = await loadGraphInLoaderProcess(request);
  const loadMs = performance.now() - started;
  loaded?.();
  await nextTurn();
  return { ...load, loadMs };
}

/** The repository decoded from a load's image, timed; the image itself is not kept. */
function decode({ payload, loadMs, ...load }: TimedLoad): Omit<GraphStart, "releaseMs"> {
  const decoding = performance.now();
  const repository = decodeImage(payload);
  return { repository, load, bytes: payload.byteLength, loadMs, decodeMs: performance.now() - decoding };
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
