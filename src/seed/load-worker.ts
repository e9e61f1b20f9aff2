/**
 * Loads the graph (the seed, or its snapshot; see ./snapshot.ts) on a worker thread, so the main
 * thread keeps answering `/health/live` and `/health/ready` while the seed is read and validated
 * and the indexes are built. The worker hands over the repository's image (its records and indexes
 * as bytes: src/repository/in-memory/image.ts), the snapshot's own bytes on a warm start, moved to
 * the main thread without a copy; the main thread only decodes it (src/app.ts). Parsing,
 * validation, indexing and all the garbage they make stay in the worker's heap, which goes when the
 * worker exits. A `SeedValidationError` in the worker is rebuilt on the main thread with the same
 * problems, hence the same message.
 *
 * The worker runs this module's compiled file; where there is none (the TypeScript sources under
 * ts-jest), the load runs on the calling thread instead.
 */
import "reflect-metadata";

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

import { InMemoryRepository } from "../repository/in-memory.repository";
import { encodeImage } from "../repository/in-memory/image";
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

/** The seed loaded and indexed, as the repository's image. */
const imageOf = (seedDir: string): Uint8Array => encodeImage(new InMemoryRepository(loadSeed({ seedDir })));

/**
 * The graph's image, on this thread: from the snapshot when one is configured and trusted, else
 * from the seed. Decode it with `decodeImage` (src/repository/in-memory/image.ts).
 */
export function loadGraph({ seedDir, snapshotDir }: GraphLoadRequest): GraphLoad {
  if (snapshotDir === null) return { payload: imageOf(seedDir), warm: false, coldReason: null, written: null };
  return loadWithSnapshot(seedDir, snapshotDir, () => imageOf(seedDir));
}

/** The bytes of `payload` in an ArrayBuffer of their own, which can be moved to another thread. */
function movable(payload: Uint8Array): Uint8Array {
  const whole = payload.byteOffset === 0 && payload.byteLength === payload.buffer.byteLength;
  return whole && payload.buffer instanceof ArrayBuffer ? payload : new Uint8Array(payload);
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
  const transfer: ArrayBuffer[] = [];
  try {
    const load = loadGraph(request);
    const payload = movable(load.payload);
    transfer.push(payload.buffer as ArrayBuffer);
    reply = { tag: WORKER_TAG, ok: true, load: { ...load, payload } };
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
  parentPort.postMessage(reply, transfer);
}
