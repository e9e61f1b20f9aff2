/**
 * Warm start: a snapshot of the validated graph (the records `loadSeed` built), written after a
 * successful load and read instead of re-validating the seed when nothing it depends on changed.
 *
 * A snapshot is named by its key: SHA-256 over the snapshot format, the service version
 * (package.json) and every file under the seed folder (relative name, size and bytes; the source
 * texts live there too). Its first line is a JSON header (format, version, key, payload size and
 * SHA-256); the payload follows as lines, each a JSON `[collection, records]` chunk, so no single
 * string grows with the dataset. Reading checks the header against the key computed now and the
 * payload against its size and checksum: a snapshot of another seed or version, a truncated or a
 * corrupt one is never trusted — the seed is loaded cold and the snapshot rewritten. The folder
 * holds one snapshot: writing a new one removes the others.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join, relative, resolve, sep } from "node:path";

import { PROJECT_ROOT } from "../config/config";
import type { GraphData, NodeRecord } from "../domain/records";

/** Bumped whenever the layout of the snapshot or of the records in it changes. */
export const SNAPSHOT_FORMAT = 2;
const PREFIX = "bilateral-graph-";
const SUFFIX = ".snapshot";
/** Records per payload line. */
const CHUNK = 5_000;
/** Room for the header line (JSON padded with spaces), newline included. */
const HEADER_BYTES = 512;

interface Header {
  readonly format: number;
  readonly version: string;
  readonly key: string;
  readonly payloadBytes: number;
  readonly payloadSha256: string;
}

export interface SnapshotLoad {
  readonly data: GraphData;
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

/** The snapshot key for a seed folder: format, service version, and every file's name, size and bytes. */
export function snapshotKey(seedDir: string, snapshotDir: string, version = serviceVersion()): string {
  const hash = createHash("sha256").update(`bilateral-graph snapshot ${SNAPSHOT_FORMAT} ${version}\n`);
  for (const name of filesUnder(seedDir, resolve(snapshotDir))) {
    const bytes = readFileSync(join(seedDir, name));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

const snapshotPath = (snapshotDir: string, key: string) => join(snapshotDir, `${PREFIX}${key}${SUFFIX}`);

/** The graph in the snapshot for `key`, or why there is none to trust. */
function readSnapshot(snapshotDir: string, key: string, version: string): GraphData | string {
  let file: Buffer;
  try {
    file = readFileSync(snapshotPath(snapshotDir, key));
  } catch (error) {
    return `no snapshot for this seed and version (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`;
  }
  const newline = file.indexOf(10);
  if (newline < 0) return "the snapshot has no header";
  let header: Header;
  try {
    header = JSON.parse(file.subarray(0, newline).toString("utf8")) as Header;
  } catch {
    return "the snapshot's header is not JSON";
  }
  if (header.format !== SNAPSHOT_FORMAT || header.version !== version || header.key !== key) {
    return "the snapshot was written for another format, version or seed";
  }
  const payload = file.subarray(newline + 1);
  if (payload.length !== header.payloadBytes) {
    return `the snapshot is truncated or padded (${payload.length} payload bytes, header says ${header.payloadBytes})`;
  }
  if (createHash("sha256").update(payload).digest("hex") !== header.payloadSha256) {
    return "the snapshot's payload does not match its checksum";
  }
  const data: Record<string, NodeRecord[]> = {};
  try {
    let start = 0;
    while (start < payload.length) {
      const end = payload.indexOf(10, start);
      const line = payload.subarray(start, end < 0 ? payload.length : end).toString("utf8");
      const [collection, records] = JSON.parse(line) as [string, NodeRecord[]];
      const list = (data[collection] ??= []);
      for (const record of records) list.push(record);
      start = end < 0 ? payload.length : end + 1;
    }
  } catch {
    return "the snapshot's payload is not the JSON it should be";
  }
  return data as unknown as GraphData;
}

/** Writes the snapshot for `key` (to a temporary file, then renamed), then removes the folder's other snapshots. */
function writeSnapshot(snapshotDir: string, key: string, version: string, data: GraphData): string {
  mkdirSync(snapshotDir, { recursive: true });
  const path = snapshotPath(snapshotDir, key);
  const temporary = `${path}.${process.pid}.tmp`;
  const hash = createHash("sha256");
  let payloadBytes = 0;
  const fd = openSync(temporary, "w");
  try {
    // The header goes first but needs the payload's checksum: room is kept for it, filled in last.
    writeSync(fd, `${" ".repeat(HEADER_BYTES - 1)}\n`);
    for (const [collection, records] of Object.entries(data) as Array<[string, readonly NodeRecord[]]>) {
      for (let i = 0; i < records.length || i === 0; i += CHUNK) {
        const line = Buffer.from(`${JSON.stringify([collection, records.slice(i, i + CHUNK)])}\n`, "utf8");
        hash.update(line);
        payloadBytes += line.length;
        writeSync(fd, line);
      }
    }
    const header: Header = { format: SNAPSHOT_FORMAT, version, key, payloadBytes, payloadSha256: hash.digest("hex") };
    writeSync(fd, JSON.stringify(header).padEnd(HEADER_BYTES - 1, " "), 0, "utf8");
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
 * The graph for `seedDir`: from a trusted snapshot in `snapshotDir` when there is one, else by
 * `load` (the cold load, which throws on an invalid seed), after which the snapshot is (re)written.
 * A snapshot that cannot be written is reported, not fatal: the service runs, cold next time.
 */
export function loadWithSnapshot(seedDir: string, snapshotDir: string, load: () => GraphData): SnapshotLoad {
  const version = serviceVersion();
  const key = snapshotKey(seedDir, snapshotDir, version);
  const snapshot = readSnapshot(snapshotDir, key, version);
  if (typeof snapshot !== "string") return { data: snapshot, warm: true, coldReason: null, written: null };
  const data = load();
  let written: SnapshotLoad["written"];
  try {
    written = { path: writeSnapshot(snapshotDir, key, version, data) };
  } catch (error) {
    written = { error: (error as Error).message };
  }
  return { data, warm: false, coldReason: snapshot, written };
}
