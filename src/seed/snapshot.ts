/**
 * Warm start: a snapshot of the validated, indexed graph (the bytes of the repository's image,
 * src/repository/in-memory/image.ts), written after a successful load and read instead of
 * re-validating the seed and re-building the indexes when nothing it depends on changed.
 *
 * A snapshot is named by its key: SHA-256 over the snapshot format, the service version
 * (package.json), the V8 version (the image is V8's serialisation) and every file under the seed
 * folder (relative name, size and bytes; the source texts live there too). Its first line is a JSON
 * header (format, version, key, payload size and SHA-256), padded to a fixed size; the payload
 * follows. Reading checks the header against the key computed now and the payload against its size
 * and checksum: a snapshot of another seed or version, a truncated or a corrupt one is never
 * trusted — the seed is loaded cold and the snapshot rewritten. The folder holds one snapshot:
 * writing a new one removes the others. What the payload means is the caller's business: this
 * module stores and checks bytes.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join, relative, resolve, sep } from "node:path";

import { PROJECT_ROOT } from "../config/config";

/** Bumped whenever the layout of the snapshot or of what its payload encodes changes. */
export const SNAPSHOT_FORMAT = 6;
const PREFIX = "bilateral-graph-";
const SUFFIX = ".snapshot";
/** Room for the header line (JSON padded with spaces), newline included: the payload starts there. */
const HEADER_BYTES = 512;
export const SNAPSHOT_PAYLOAD_OFFSET = HEADER_BYTES;

interface Header {
  readonly format: number;
  readonly version: string;
  readonly key: string;
  readonly payloadBytes: number;
  readonly payloadSha256: string;
}

export interface SnapshotLoad {
  /** The payload: read from the snapshot (warm), or what the cold load built (and was written). */
  readonly payload: Uint8Array;
  /**
   * The snapshot file that holds this payload, from `SNAPSHOT_PAYLOAD_OFFSET` on: the one read
   * (warm) or written (cold); null when none was written.
   */
  readonly path: string | null;
  /** True when the graph came from the snapshot, false when the seed was loaded cold. */
  readonly warm: boolean;
  /** Why the snapshot was not used (cold loads only). */
  readonly coldReason: string | null;
  /** Where the snapshot was written after a cold load, or why it could not be. */
  readonly written: { readonly path: string } | { readonly error: string } | null;
}

/**
 * Every file under `dir`, as sorted relative paths, leaving out the folder `skip` (when inside).
 * Symbolic links are followed (seed files mounted as links, as Kubernetes mounts a ConfigMap, must
 * count by their content); a folder reached twice through links is walked once.
 */
function filesUnder(dir: string, skip: string): string[] {
  const files: string[] = [];
  const walked = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (walked.has(real)) return;
    walked.add(real);
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (path === skip) continue;
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isDirectory()) walk(path);
      else if (stats?.isFile()) files.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

function serviceVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version?: unknown };
  return String(pkg.version);
}

/** The snapshot key for a seed folder: format, service and V8 versions, and every file's name, size and bytes. */
export function snapshotKey(seedDir: string, snapshotDir: string, version = serviceVersion()): string {
  const hash = createHash("sha256").update(
    `bilateral-graph snapshot ${SNAPSHOT_FORMAT} ${version} v8 ${process.versions.v8}\n`,
  );
  // One reused buffer for every file's bytes: no fresh memory (and its page faults) per file.
  const chunk = Buffer.allocUnsafeSlow(1 << 20);
  for (const name of filesUnder(seedDir, resolve(snapshotDir))) {
    const fd = openSync(join(seedDir, name), "r");
    try {
      hash.update(`${name}\0${fstatSync(fd).size}\0`);
      for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, read));
    } finally {
      closeSync(fd);
    }
  }
  return hash.digest("hex");
}

const snapshotPath = (snapshotDir: string, key: string) => join(snapshotDir, `${PREFIX}${key}${SUFFIX}`);

/** The payload of the snapshot for `key`, or why there is none to trust. */
function readSnapshot(snapshotDir: string, key: string, version: string): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(snapshotPath(snapshotDir, key), "r");
  } catch (error) {
    return `no snapshot for this seed and version (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(HEADER_BYTES);
    if (size < HEADER_BYTES || readFully(fd, head, 0) < HEADER_BYTES || head[HEADER_BYTES - 1] !== 10) {
      return "the snapshot has no header";
    }
    let header: Header;
    try {
      header = JSON.parse(head.subarray(0, HEADER_BYTES - 1).toString("utf8")) as Header;
    } catch {
      return "the snapshot's header is not JSON";
    }
    if (header.format !== SNAPSHOT_FORMAT || header.version !== version || header.key !== key) {
      return "the snapshot was written for another format, version or seed";
    }
    if (size - HEADER_BYTES !== header.payloadBytes) {
      return `the snapshot is truncated or padded (${size - HEADER_BYTES} payload bytes, header says ${header.payloadBytes})`;
    }
    // The payload in a buffer of its own (not a slice of a pooled or larger one), so the loader
    // thread can hand it over without a copy.
    const payload = Buffer.allocUnsafeSlow(header.payloadBytes);
    if (readFully(fd, payload, HEADER_BYTES) !== payload.length) return "the snapshot changed while it was read";
    if (createHash("sha256").update(payload).digest("hex") !== header.payloadSha256) {
      return "the snapshot's payload does not match its checksum";
    }
    return payload;
  } finally {
    closeSync(fd);
  }
}

/** Reads into all of `buffer` from `position`, or until the end of the file; the bytes read. */
export function readFully(fd: number, buffer: Uint8Array, position: number): number {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/** Writes the snapshot for `key` (to a temporary file, then renamed), then removes the folder's other snapshots. */
function writeSnapshot(snapshotDir: string, key: string, version: string, payload: Uint8Array): string {
  mkdirSync(snapshotDir, { recursive: true });
  const path = snapshotPath(snapshotDir, key);
  const temporary = `${path}.${process.pid}.tmp`;
  const payloadSha256 = createHash("sha256").update(payload).digest("hex");
  const header: Header = { format: SNAPSHOT_FORMAT, version, key, payloadBytes: payload.length, payloadSha256 };
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, `${JSON.stringify(header).padEnd(HEADER_BYTES - 1, " ")}\n`);
    for (let at = 0; at < payload.length;) at += writeSync(fd, payload, at);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  for (const name of readdirSync(snapshotDir)) {
    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(snapshotDir, name) !== path) {
      rmSync(join(snapshotDir, name), { force: true });
    }
  }
  return path;
}

/**
 * What looking for the snapshot of a seed found: its payload and file; or why none is trusted, with
 * the key (and service version) a snapshot written now gets.
 */
export type SnapshotLookup =
  | { readonly payload: Uint8Array; readonly path: string }
  | { readonly missing: string; readonly key: string; readonly version: string };

/** Looks for the trusted snapshot of `seedDir` in `snapshotDir` (the seed is hashed for its key). */
export function readTrustedSnapshot(seedDir: string, snapshotDir: string): SnapshotLookup {
  return readSnapshotOf(snapshotDir, snapshotKey(seedDir, snapshotDir));
}

/**
 * What `readTrustedSnapshot` finds for a seed whose key is `key`, without hashing the seed: the
 * caller vouches for the key, or reads the snapshot while the seed is hashed and compares the keys
 * afterwards (src/seed/load-worker.ts).
 */
export function readSnapshotOf(snapshotDir: string, key: string): SnapshotLookup {
  const version = serviceVersion();
  const snapshot = readSnapshot(snapshotDir, key, version);
  return typeof snapshot === "string"
    ? { missing: snapshot, key, version }
    : { payload: snapshot, path: snapshotPath(snapshotDir, key) };
}

/** The key of the one snapshot in `snapshotDir`, by its name; null when it holds none, or several. */
export function soleSnapshotKey(snapshotDir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(snapshotDir).filter(name => name.startsWith(PREFIX) && name.endsWith(SUFFIX));
  } catch {
    return null;
  }
  const [name, ...others] = names;
  return name === undefined || others.length > 0 ? null : name.slice(PREFIX.length, -SUFFIX.length);
}

/**
 * The payload for `seedDir`: from a trusted snapshot in `snapshotDir` when there is one, else built
 * by `build` (the cold load, which throws on an invalid seed), after which the snapshot is
 * (re)written. `lookup` is what `readTrustedSnapshot` found, when it was already called (the seed is
 * not hashed twice). A snapshot that cannot be written is reported, not fatal: the service runs,
 * cold next time.
 */
export function loadWithSnapshot(
  seedDir: string,
  snapshotDir: string,
  build: () => Uint8Array,
  lookup: SnapshotLookup = readTrustedSnapshot(seedDir, snapshotDir),
): SnapshotLoad {
  if ("payload" in lookup) return { ...lookup, warm: true, coldReason: null, written: null };
  const payload = build();
  let written: SnapshotLoad["written"];
  try {
    written = { path: writeSnapshot(snapshotDir, lookup.key, lookup.version, payload) };
  } catch (error) {
    written = { error: (error as Error).message };
  }
  return { payload, path: "path" in written ? written.path : null, warm: false, coldReason: lookup.missing, written };
}
