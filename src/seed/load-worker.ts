/**
 * Loads the graph (the seed, or its snapshot; see ./snapshot.ts) on a worker thread, so the main
 * thread keeps answering `/health/live` and `/health/ready` while the seed is read and validated
 * (the indexes are built afterwards, on the main thread: see src/app.ts). Parsing and
 * validation, and all the garbage they make, stay in the worker's heap, which goes when the worker
 * exits; the main thread only receives the records (structured clone). A `SeedValidationError` in
 * the worker is rebuilt on the main thread with the same problems, hence the same message.
 *
 * The worker runs this module's compiled file; where there is none (the TypeScript sources under
 * ts-jest), the load runs on the calling thread instead.
 */
import "reflect-metadata";

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

import { loadSeed, SeedValidationError } from "./seed.loader";
import { loadWithSnapshot, type SnapshotLoad } from "./snapshot";

export interface GraphLoadRequest {
  readonly seedDir: string;
  /** Where the snapshot is kept (SNAPSHOT_DIR), or null for no snapshot. */
  readonly snapshotDir: string | null;
}

export type GraphLoad = SnapshotLoad;

const WORKER_TAG = "bilateral-graph:load";

type Reply = { readonly tag: typeof WORKER_TAG } & (
  | { readonly ok: true; readonly load: GraphLoad }
  | { readonly ok: false; readonly problems: readonly string[] | null; readonly message: string }
);

/**
 * Whether a message from the worker is its reply. Node posts messages of its own on the same port
 * (under `node --watch`, the files the worker loads), which are not.
 */
const isReply = (message: unknown): message is Reply =>
  typeof message === "object" && message !== null && (message as { tag?: unknown }).tag === WORKER_TAG;

/** The graph, on this thread: from the snapshot when one is configured and trusted, else the seed. */
export function loadGraph({ seedDir, snapshotDir }: GraphLoadRequest): GraphLoad {
  if (snapshotDir === null) return { data: loadSeed({ seedDir }), warm: false, coldReason: null, written: null };
  return loadWithSnapshot(seedDir, snapshotDir, () => loadSeed({ seedDir }));
}

/** The graph, loaded on a worker thread (see the module comment). */
export function loadGraphOffThread(request: GraphLoadRequest): Promise<GraphLoad> {
  if (!__filename.endsWith(".js")) return Promise.resolve().then(() => loadGraph(request));
  return new Promise<GraphLoad>((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { tag: WORKER_TAG, request } });
    let settled = false;
    worker.on("message", (reply: unknown) => {
      if (!isReply(reply) || settled) return;
      settled = true;
      if (reply.ok) resolve(reply.load);
      else reject(reply.problems ? new SeedValidationError(reply.problems) : new Error(reply.message));
    });
    worker.once("error", (error: unknown) => {
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.once("exit", code => {
      if (!settled) reject(new Error(`the graph loader thread exited (code ${code}) without an answer`));
    });
  });
}

if (!isMainThread && (workerData as { tag?: unknown } | null)?.tag === WORKER_TAG && parentPort) {
  const { request } = workerData as { request: GraphLoadRequest };
  let reply: Reply;
  try {
    reply = { tag: WORKER_TAG, ok: true, load: loadGraph(request) };
  } catch (error) {
    reply =
      error instanceof SeedValidationError
        ? { tag: WORKER_TAG, ok: false, problems: error.problems, message: error.message }
        : {
            tag: WORKER_TAG,
            ok: false,
            problems: null,
            message: error instanceof Error ? error.message : String(error),
          };
  }
  parentPort.postMessage(reply);
}
