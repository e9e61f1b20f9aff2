/**
 * Warm start from a snapshot (src/seed/snapshot.ts): the same graph as a cold load, and a snapshot
 * that is corrupt, truncated or for another seed is never trusted (the seed is loaded cold and the
 * snapshot rewritten). Everything happens in temporary folders: the committed seed is only read.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { startApp } from "../../src/app";
import { loadConfig } from "../../src/config/config";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { decodeImage, encodeImage } from "../../src/repository/in-memory/image";
import { loadSeed } from "../../src/seed/seed.loader";
import { loadWithSnapshot, snapshotKey } from "../../src/seed/snapshot";
import { copyFollowingLinks, SEED_DIR } from "../support/harness";
import { answers } from "../support/repository-answers";

import { capturingLogger } from "../support/server";

let work: string;
let seedDir: string;
let snapshotDir: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "snapshot-test-"));
  seedDir = join(work, "seed");
  snapshotDir = join(work, "snapshots");
  // Real files, not the fixture's links (cpSync copies links as links to the committed files): the
  // tests change them.
  copyFollowingLinks(SEED_DIR, seedDir);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The seed loaded and indexed, as the repository's image (what the service's loader thread builds). */
const image = () => encodeImage(new InMemoryRepository(loadSeed({ seedDir })));

/** Loads through the snapshot, counting cold loads. */
function load() {
  let cold = 0;
  const result = loadWithSnapshot(seedDir, snapshotDir, () => {
    cold++;
    return image();
  });
  return { ...result, cold };
}

const snapshotFiles = () => readdirSync(snapshotDir).sort();
const onlySnapshot = () => join(snapshotDir, snapshotFiles()[0] as string);

describe("warm start from a snapshot", () => {
  test("a cold load writes the snapshot; the next load reads it and answers exactly as the cold one", () => {
    const cold = load();
    expect({ warm: cold.warm, cold: cold.cold, files: snapshotFiles().length }).toEqual({
      warm: false,
      cold: 1,
      files: 1,
    });
    expect(cold.coldReason).toMatch(/^no snapshot for this seed and version/);
    const warm = load();
    expect({ warm: warm.warm, cold: warm.cold, coldReason: warm.coldReason, written: warm.written }).toEqual({
      warm: true,
      cold: 0,
      coldReason: null,
      written: null,
    });
    // The snapshot's image restores the graph and its indexes: the same records, and the same
    // answers as a repository indexed from the seed now.
    const restored = decodeImage(warm.payload);
    const seed = loadSeed({ seedDir });
    expect(restored.data).toEqual(seed);
    expect(decodeImage(cold.payload).data).toEqual(seed);
    expect(answers(restored)).toEqual(answers(new InMemoryRepository(seed)));
  });

  test("a corrupt snapshot (one payload byte changed) is ignored, loaded cold and rewritten", () => {
    load();
    const path = onlySnapshot();
    const good = readFileSync(path);
    const bad = Buffer.from(good);
    const at = bad.length - 100;
    bad[at] = (bad[at] as number) ^ 1;
    writeFileSync(path, bad);
    const again = load();
    expect({ warm: again.warm, cold: again.cold, coldReason: again.coldReason }).toEqual({
      warm: false,
      cold: 1,
      coldReason: "the snapshot's payload does not match its checksum",
    });
    expect(readFileSync(path).equals(good)).toBe(true);
    expect(load().warm).toBe(true);
  });

  test("a truncated snapshot, or one whose header is damaged, is ignored, loaded cold and rewritten", () => {
    load();
    const path = onlySnapshot();
    const good = readFileSync(path);
    writeFileSync(path, good.subarray(0, good.length - 10));
    const truncated = load();
    expect([truncated.warm, truncated.cold, truncated.coldReason]).toEqual([
      false,
      1,
      `the snapshot is truncated or padded (${good.length - 10 - 512} payload bytes, header says ${good.length - 512})`,
    ]);
    expect(readFileSync(path).equals(good)).toBe(true);
    writeFileSync(path, Buffer.concat([Buffer.from("{not json"), good.subarray(9)]));
    const damaged = load();
    expect([damaged.warm, damaged.cold, damaged.coldReason]).toEqual([false, 1, "the snapshot's header is not JSON"]);
    expect(readFileSync(path).equals(good)).toBe(true);
  });

  test("a changed seed file (or source text) gives another key: loaded cold, the old snapshot replaced", () => {
    const first = load();
    const before = snapshotFiles();
    const file = join(seedDir, "reference.json");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n`);
    const changed = load();
    expect([changed.warm, changed.cold, changed.coldReason]).toEqual([
      false,
      1,
      "no snapshot for this seed and version (ENOENT)",
    ]);
    expect(snapshotFiles()).toHaveLength(1);
    expect(snapshotFiles()).not.toEqual(before);
    expect(decodeImage(changed.payload).data).toEqual(decodeImage(first.payload).data);

    const text = join(seedDir, "sources", readdirSync(join(seedDir, "sources"))[0] as string);
    const keyBefore = snapshotKey(seedDir, snapshotDir);
    writeFileSync(text, `${readFileSync(text, "utf8")} `);
    expect(snapshotKey(seedDir, snapshotDir)).not.toBe(keyBefore);
  });

  test("the key depends on the service version and ignores a snapshot folder inside the seed folder", () => {
    const inside = join(seedDir, "snapshots");
    const key = snapshotKey(seedDir, inside, "0.1.0");
    expect(snapshotKey(seedDir, inside, "0.1.1")).not.toBe(key);
    loadWithSnapshot(seedDir, inside, image);
    expect(snapshotKey(seedDir, inside, "0.1.0")).toBe(key);
    expect(loadWithSnapshot(seedDir, inside, image).warm).toBe(true);
  });

  test("seed files behind symbolic links count by their content (as mounted ConfigMaps are)", () => {
    // SEED_DIR holds links to the committed files; seedDir holds copies of them.
    expect(snapshotKey(SEED_DIR, snapshotDir)).toBe(snapshotKey(seedDir, snapshotDir));
    writeFileSync(join(seedDir, "reference.json"), `${readFileSync(join(seedDir, "reference.json"), "utf8")}\n`);
    expect(snapshotKey(SEED_DIR, snapshotDir)).not.toBe(snapshotKey(seedDir, snapshotDir));
  });

  test("a snapshot that cannot be written is reported and the cold graph still served", () => {
    writeFileSync(snapshotDir, "a file where the folder should be");
    const result = load();
    expect({ warm: result.warm, cold: result.cold, error: "error" in (result.written ?? {}) }).toEqual({
      warm: false,
      cold: 1,
      error: true,
    });
    expect(decodeImage(result.payload).data).toEqual(loadSeed({ seedDir }));
  });

  test("the service uses SNAPSHOT_DIR: the first start loads cold and writes it, the second reads it", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      SEED_DIR: seedDir,
      SNAPSHOT_DIR: snapshotDir,
    });
    expect(loadConfig({ NODE_ENV: "test" }).snapshotDir).toBeNull();
    const messages: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { logger, lines } = capturingLogger();
      const app = await startApp(config, logger);
      await app.stop();
      messages.push(String(lines.find(line => /loaded/.test(String(line.msg)))?.msg));
    }
    expect(messages).toEqual(["seed loaded cold", "graph loaded from its snapshot"]);
    expect(snapshotFiles()).toHaveLength(1);
  });
});
