/**
 * Loads the graph (the seed, or its snapshot; see ./snapshot.ts) in a loader process, a child of
 * the service's, so the service keeps answering `/health/live` and `/health/ready` while the seed is
 * read, validated and indexed, and gets back all the memory the load used when the loader exits (a
 * worker thread's freed heap and allocator arenas stay in the service's RSS: about 1 GB after a
 * cold start at ×10,000). The loader hands over the repository's image (its records and indexes
 * as bytes: src/repository/in-memory/image.ts) as a file: the snapshot it read or wrote when
 * `SNAPSHOT_DIR` is set, else a private temporary file, which the service reads and removes. The
 * service only decodes the image (src/app.ts). A `SeedValidationError` in the loader is rebuilt in
 * the service with the same problems, hence the same message.
 *
 * The loader runs this module's compiled file; where there is none (the TypeScript sources under
 * ts-jest), the load runs on the calling thread instead.
 */
import "reflect-metadata";

import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { InMemoryRepository } from "../repository/in-memory.repository";
import { encodeImage } from "../repository/in-memory/image";
import { loadSeed, SeedValidationError } from "./seed.loader";
import { loadWithSnapshot, SNAPSHOT_PAYLOAD_OFFSET, type SnapshotLoad } from "./snapshot";

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

const isReply = (message: unknown): message is Reply =>
  typeof message === "object" && message !== null && (message as { tag?: unknown }).tag === LOADER_TAG;

/** The seed loaded and indexed, as the repository's image. */
const imageOf = (seedDir: string): Uint8Array => encodeImage(new InMemoryRepository(loadSeed({ seedDir })));

/**
 * The graph's image, in this process: from the snapshot when one is configured and trusted, else
 * from the seed. Decode it with `decodeImage` (src/repository/in-memory/image.ts).
 */
export function loadGraph({ seedDir, snapshotDir }: GraphLoadRequest): GraphLoad {
  if (snapshotDir === null) {
    return { payload: imageOf(seedDir), path: null, warm: false, coldReason: null, written: null };
  }
  return loadWithSnapshot(seedDir, snapshotDir, () => imageOf(seedDir));
}

/** The `bytes` bytes of the file at `path` from `offset`, in a buffer of their own. */
function readImage({ path, offset, bytes }: ImageFile): Uint8Array {
  const fd = openSync(path, "r");
  try {
    if (fstatSync(fd).size !== offset + bytes) throw new Error(`the loader's image ${path} changed before it was read`);
    const image = Buffer.allocUnsafeSlow(bytes);
    for (let done = 0; done < bytes;) {
      const read = readSync(fd, image, done, bytes - done, offset + done);
      if (read === 0) throw new Error(`the loader's image ${path} ended early`);
      done += read;
    }
    return image;
  } finally {
    closeSync(fd);
  }
}

/** Flags of this process the loader should not inherit: debuggers and profilers attach to one process. */
const PER_PROCESS_FLAG = /^--(inspect|debug|cpu-prof|heap-prof|prof)/;

/** The graph, loaded in a loader process (see the module comment). */
export function loadGraphInLoaderProcess(request: GraphLoadRequest): Promise<GraphLoad> {
  if (!__filename.endsWith(".js")) return Promise.resolve().then(() => loadGraph(request));
  return new Promise<GraphLoad>((resolve, reject) => {
    const loader = fork(__filename, [], {
      env: { ...process.env, BILATERAL_GRAPH_LOADER: JSON.stringify(request) },
      execArgv: process.execArgv.filter(flag => !PER_PROCESS_FLAG.test(flag)),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "json",
    });
    // The loader goes with the service: it cannot notice while its load runs synchronously.
    const stop = () => loader.kill();
    process.once("exit", stop);
    loader.once("exit", () => process.off("exit", stop));
    let settled = false;
    const settle = (outcome: () => GraphLoad | Error) => {
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
        try {
          return { ...reply.load, payload: readImage(reply.image) };
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        } finally {
          if (reply.image.temporary) rmSync(reply.image.path, { force: true });
        }
      });
    loader.once("error", error => settle(() => error));
    // "close": the process has exited and its channel closed, so every message it sent has arrived.
    loader.once("close", (code, signal) => {
      if (reply) answer(reply);
      else settle(() => new Error(`the graph loader process exited (${signal ?? `code ${code}`}) without an answer`));
    });
  });
}

/** In the loader process: loads, leaves the image in a file, replies, and exits. */
function runLoader(request: GraphLoadRequest, send: (reply: Reply, done: () => void) => void): void {
  let reply: Reply;
  try {
    const { payload, ...load } = loadGraph(request);
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
  runLoader(JSON.parse(loaderRequest) as GraphLoadRequest, (reply, done) => send(reply, undefined, {}, done));
}
