/**
 * Loads the graph (the seed, or its snapshot; see ./snapshot.ts) away from the service's event
 * loop, so the service keeps answering `/health/live` and `/health/ready` meanwhile, and hands it
 * over as the repository's image (its records and indexes as bytes:
 * src/repository/in-memory/image.ts), which the service only decodes (src/app.ts):
 *
 * - a trusted snapshot is read on worker threads, which hash the seed and, meanwhile, read and
 *   check the snapshot, and move its bytes to the main thread without a copy (little else is
 *   allocated);
 * - otherwise the seed is loaded in a loader process, a child of the service's, which parses,
 *   validates and indexes it, writes the snapshot when `SNAPSHOT_DIR` is set, and hands the image
 *   over as a file (the snapshot itself, else a private temporary file that the service reads and
 *   removes). All the memory the load used goes back to the OS when the loader exits, where a worker
 *   thread's freed heap and allocator arenas stayed in the service's RSS (about 1 GB after a cold
 *   start at ×10,000).
 *
 * A `SeedValidationError` in the loader is rebuilt in the service with the same problems, hence the
 * same message. Worker and loader run this module's compiled file; where there is none (the
 * TypeScript sources under ts-jest), the load runs on the calling thread instead.
 */
import "reflect-metadata";

import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

import { InMemoryRepository } from "../repository/in-memory.repository";
import { encodeImage } from "../repository/in-memory/image";
import { loadSeed, SeedValidationError } from "./seed.loader";
import {
  loadWithSnapshot,
  readFully,
  readSnapshotOf,
  SNAPSHOT_PAYLOAD_OFFSET,
  snapshotKey,
  type SnapshotLoad,
  type SnapshotLookup,
  soleSnapshotKey,
} from "./snapshot";

export interface GraphLoadRequest {
  readonly seedDir: string;
  /** Where the snapshot is kept (SNAPSHOT_DIR), or null for no snapshot. */
  readonly snapshotDir: string | null;
}

export type GraphLoad = SnapshotLoad;

const LOADER_TAG = "bilateral-graph:load";

/** Where the loader left the image: a file, from an offset, of a size; removed after reading when temporary. */
interface ImageFile {
  readonly path: string;
  readonly offset: number;
  readonly bytes: number;
  readonly temporary: boolean;
}

type Reply = { readonly tag: typeof LOADER_TAG } & (
  | { readonly ok: true; readonly load: Omit<GraphLoad, "payload">; readonly image: ImageFile }
  | { readonly ok: false; readonly problems: readonly string[] | null; readonly message: string }
);

/**
 * A test of whether a message is one of this module's, by its tag: Node posts messages of its own
 * on the same channels (under `node --watch`, the files a worker loads).
 */
const tagged =
  <T>(tag: string) =>
  (message: unknown): message is T =>
    typeof message === "object" && message !== null && (message as { tag?: unknown }).tag === tag;

const isReply = tagged<Reply>(LOADER_TAG);

/** The seed loaded and indexed, as the repository's image. */
const imageOf = (seedDir: string): Uint8Array => encodeImage(new InMemoryRepository(loadSeed({ seedDir })));

/**
 * The graph's image, in this process: from the snapshot when one is configured and trusted, else
 * from the seed. Decode it with `decodeImage` (src/repository/in-memory/image.ts). `lookup`: what
 * looking for the snapshot already found, if it was looked for.
 */
export function loadGraph({ seedDir, snapshotDir }: GraphLoadRequest, lookup?: SnapshotLookup): GraphLoad {
  if (snapshotDir === null) {
    return { payload: imageOf(seedDir), path: null, warm: false, coldReason: null, written: null };
  }
  return loadWithSnapshot(seedDir, snapshotDir, () => imageOf(seedDir), lookup);
}

/** The `bytes` bytes of the file at `path` from `offset`, in a buffer of their own. */
function readImage({ path, offset, bytes }: ImageFile): Uint8Array {
  const fd = openSync(path, "r");
  try {
    if (fstatSync(fd).size !== offset + bytes) throw new Error(`the loader's image ${path} changed before it was read`);
    const image = Buffer.allocUnsafeSlow(bytes);
    if (readFully(fd, image, offset) !== bytes) throw new Error(`the loader's image ${path} ended early`);
    return image;
  } finally {
    closeSync(fd);
  }
}

/**
 * Flags of this process the loader should not inherit: debuggers and profilers attach to one
 * process, and a loader in watch mode (`npm run dev`) would never exit.
 */
const PER_PROCESS_FLAG = /^--(inspect|debug|cpu-prof|heap-prof|prof|watch)/;

const SNAPSHOT_TAG = "bilateral-graph:snapshot";

/**
 * A snapshot thread's job. `key`: hash the seed for its key, then read the snapshot of that key,
 * unless it is the folder's only snapshot (which a `read` job reads meanwhile). `read`: read the
 * snapshot of `key`, or (null) the folder's only snapshot, under the key its name gives.
 */
type SnapshotJob = { readonly tag: typeof SNAPSHOT_TAG; readonly snapshotDir: string } & (
  { readonly job: "key"; readonly seedDir: string } | { readonly job: "read"; readonly key: string | null }
);

/** A snapshot thread's answer: the key it hashed or read, and the lookup (null: left to the `read` job, or no snapshot). */
type SnapshotReply = { readonly tag: typeof SNAPSHOT_TAG } & (
  | { readonly ok: true; readonly key: string | null; readonly lookup: SnapshotLookup | null }
  | { readonly ok: false; readonly message: string }
);

const isSnapshotReply = tagged<SnapshotReply>(SNAPSHOT_TAG);

/** One snapshot job on a worker thread: a handle to stop it, and its reply once the thread has exited. */
function onSnapshotThread(job: SnapshotJob): { stop: () => void; reply: Promise<SnapshotReply & { ok: true }> } {
  const worker = new Worker(__filename, { workerData: job });
  const reply = new Promise<SnapshotReply & { ok: true }>((resolve, reject) => {
    let answer: SnapshotReply | null = null;
    let failure: Error | null = null;
    worker.on("message", (message: unknown) => {
      if (isSnapshotReply(message)) answer ??= message;
    });
    worker.once("error", (error: unknown) => {
      failure ??= error instanceof Error ? error : new Error(String(error));
    });
    // Acted on once the thread has exited, so that nothing of it still holds the bytes it moved.
    worker.once("exit", code => {
      if (answer?.ok) resolve(answer);
      else if (answer) reject(new Error(answer.message));
      else reject(failure ?? new Error(`the snapshot reader thread exited (code ${code}) without an answer`));
    });
  });
  return { stop: () => void worker.terminate(), reply };
}

/**
 * The trusted snapshot of the seed, or why there is none, read on worker threads: one hashes the
 * seed for its key while the other reads and checks the folder's only snapshot (the usual case:
 * writing a snapshot removes the others). Its answer is taken when its key is the seed's; otherwise
 * the first thread has read the snapshot of the seed's key itself, and the second is stopped.
 */
async function readSnapshotOffThread(seedDir: string, snapshotDir: string): Promise<SnapshotLookup> {
  const sole = onSnapshotThread({ tag: SNAPSHOT_TAG, job: "read", key: null, snapshotDir });
  const own = await onSnapshotThread({ tag: SNAPSHOT_TAG, job: "key", seedDir, snapshotDir }).reply;
  if (own.lookup !== null) {
    // Not waited for: a thread stops at its next JavaScript step, after the read it is in.
    sole.stop();
    sole.reply.catch(() => undefined);
    return own.lookup;
  }
  const found = await sole.reply;
  if (found.key === own.key && found.lookup !== null) return found.lookup;
  // The folder changed between the two threads' looks at it: read the snapshot of the seed's key.
  const read = await onSnapshotThread({ tag: SNAPSHOT_TAG, job: "read", key: own.key, snapshotDir }).reply;
  if (read.lookup === null) throw new Error("the snapshot reader thread gave no answer for the seed's key");
  return read.lookup;
}

/** The graph, from its snapshot on a worker thread or else loaded in a loader process (see the module comment). */
export async function loadGraphInLoaderProcess(request: GraphLoadRequest): Promise<GraphLoad> {
  if (!__filename.endsWith(".js")) return loadGraph(request);
  const lookup =
    request.snapshotDir === null ? null : await readSnapshotOffThread(request.seedDir, request.snapshotDir);
  if (lookup !== null && "payload" in lookup) return { ...lookup, warm: true, coldReason: null, written: null };
  // The image is read here, not in the loader's event handlers: what their closures hold (the
  // process object keeps them a while after it exits) must not include the image.
  const { load, image } = await loadInLoaderProcess(request, lookup);
  try {
    return { ...load, payload: readImage(image) };
  } finally {
    if (image.temporary) rmSync(image.path, { force: true });
  }
}

/**
 * The graph loaded cold in a loader process, which writes the snapshot when one is configured
 * (`lookup`: why none was trusted, and the key it gets).
 */
function loadInLoaderProcess(
  request: GraphLoadRequest,
  lookup: SnapshotLookup | null,
): Promise<{ load: Omit<GraphLoad, "payload">; image: ImageFile }> {
  return new Promise((resolve, reject) => {
    const loader = fork(__filename, [], {
      env: { ...process.env, BILATERAL_GRAPH_LOADER: JSON.stringify({ request, lookup } satisfies LoaderJob) },
      execArgv: process.execArgv.filter(flag => !PER_PROCESS_FLAG.test(flag)),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "json",
    });
    // The loader goes with the service: it cannot notice while its load runs synchronously.
    const stop = () => loader.kill();
    process.once("exit", stop);
    loader.once("exit", () => process.off("exit", stop));
    let settled = false;
    const settle = (outcome: () => { load: Omit<GraphLoad, "payload">; image: ImageFile } | Error) => {
      if (settled) return;
      settled = true;
      const result = outcome();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    // The reply is acted on once the loader has exited: its memory is back, its CPU accounted for.
    let reply: Reply | null = null;
    loader.on("message", (message: unknown) => {
      if (isReply(message)) reply ??= message;
    });
    const answer = (reply: Reply) =>
      settle(() => {
        if (!reply.ok) return reply.problems ? new SeedValidationError(reply.problems) : new Error(reply.message);
        return { load: reply.load, image: reply.image };
      });
    loader.once("error", error => settle(() => error));
    // "close": the process has exited and its channel closed, so every message it sent has arrived.
    loader.once("close", (code, signal) => {
      if (reply) answer(reply);
      else settle(() => new Error(`the graph loader process exited (${signal ?? `code ${code}`}) without an answer`));
    });
  });
}

/** What the loader process is asked: the request, and what looking for its snapshot found. */
interface LoaderJob {
  readonly request: GraphLoadRequest;
  readonly lookup: SnapshotLookup | null;
}

/** In the loader process: loads, leaves the image in a file, replies, and exits. */
function runLoader({ request, lookup }: LoaderJob, send: (reply: Reply, done: () => void) => void): void {
  let reply: Reply;
  try {
    const { payload, ...load } = loadGraph(request, lookup ?? undefined);
    let image: ImageFile;
    if (load.path !== null) {
      image = { path: load.path, offset: SNAPSHOT_PAYLOAD_OFFSET, bytes: payload.length, temporary: false };
    } else {
      const path = join(tmpdir(), `bilateral-graph-image-${process.pid}-${randomBytes(8).toString("hex")}`);
      writeFileSync(path, payload, { mode: 0o600, flag: "wx" });
      image = { path, offset: 0, bytes: payload.length, temporary: true };
    }
    reply = { tag: LOADER_TAG, ok: true, load, image };
  } catch (error) {
    reply =
      error instanceof SeedValidationError
        ? { tag: LOADER_TAG, ok: false, problems: error.problems, message: error.message }
        : {
            tag: LOADER_TAG,
            ok: false,
            problems: null,
            message: error instanceof Error ? error.message : String(error),
          };
  }
  send(reply, () => process.exit(0));
}

const loaderRequest = process.env.BILATERAL_GRAPH_LOADER;
if (loaderRequest !== undefined && process.send && require.main === module) {
  // The service went away (and could not stop this process: see loadGraphInLoaderProcess).
  process.once("disconnect", () => process.exit(1));
  const send = process.send.bind(process);
  runLoader(JSON.parse(loaderRequest) as LoaderJob, (reply, done) => send(reply, undefined, {}, done));
}

if (!isMainThread && tagged<SnapshotJob>(SNAPSHOT_TAG)(workerData) && parentPort) {
  const job = workerData;
  let reply: SnapshotReply;
  const transfer: ArrayBuffer[] = [];
  try {
    let key: string | null;
    let lookup: SnapshotLookup | null;
    if (job.job === "key") {
      key = snapshotKey(job.seedDir, job.snapshotDir);
      lookup = soleSnapshotKey(job.snapshotDir) === key ? null : readSnapshotOf(job.snapshotDir, key);
    } else {
      key = job.key ?? soleSnapshotKey(job.snapshotDir);
      lookup = key === null ? null : readSnapshotOf(job.snapshotDir, key);
    }
    if (lookup !== null && "payload" in lookup) {
      // The snapshot's bytes are read into a buffer of their own (./snapshot.ts): moved, not copied.
      const { buffer, byteOffset, byteLength } = lookup.payload;
      if (byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer) transfer.push(buffer);
    }
    reply = { tag: SNAPSHOT_TAG, ok: true, key, lookup };
  } catch (error) {
    reply = { tag: SNAPSHOT_TAG, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(reply, transfer);
}
