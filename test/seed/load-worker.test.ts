/**
 * The graph loaded in a loader process (src/seed/load-worker.ts) decodes to the graph `loadSeed` builds, and
 * an invalid seed is refused with the same problems and message. The worker runs compiled code:
 * these tests use `dist/` (`npm test` builds it before jest runs, as for test/http/process.test.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { decodeImage } from "../../src/repository/in-memory/image";
import { loadSeed } from "../../src/seed/seed.loader";
import { copyFollowingLinks, ROOT, SEED_DIR } from "../support/harness";

const COMPILED = join(ROOT, "dist", "src", "seed", "load-worker.js");
type Module = typeof import("../../src/seed/load-worker");

let compiled: Module;
beforeAll(() => {
  if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run \`npm run build\` (npm test does) first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiled = require(COMPILED) as Module;
});

describe("loading the graph in a loader process", () => {
  test("gives the records loadSeed gives, through a temporary file it leaves no trace of", async () => {
    // The loader inherits the environment: its temporary file goes to a folder of this test's.
    const folder = mkdtempSync(join(tmpdir(), "load-worker-tmp-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = folder;
    try {
      const loaded = await compiled.loadGraphInLoaderProcess({ seedDir: SEED_DIR, snapshotDir: null });
      expect({ warm: loaded.warm, coldReason: loaded.coldReason, written: loaded.written, path: loaded.path }).toEqual({
        warm: false,
        coldReason: null,
        written: null,
        path: null,
      });
      expect(decodeImage(loaded.payload).data).toEqual(loadSeed({ seedDir: SEED_DIR }));
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test("refuses an invalid seed with the same problems and message as loadSeed", async () => {
    const seedDir = join(ROOT, "test", "fixtures", "process-bad-seed");
    let expected: unknown;
    try {
      loadSeed({ seedDir });
    } catch (error) {
      expected = error;
    }
    const refused = await compiled.loadGraphInLoaderProcess({ seedDir, snapshotDir: null }).then(
      () => null,
      (error: unknown) => error as Error & { problems?: readonly string[] },
    );
    expect({ name: refused?.name, message: refused?.message, problems: refused?.problems }).toEqual({
      name: "SeedValidationError",
      message: (expected as Error).message,
      problems: (expected as { problems: readonly string[] }).problems,
    });
  });

  test("writes and then reads the snapshot when SNAPSHOT_DIR is given", async () => {
    const snapshotDir = mkdtempSync(join(tmpdir(), "load-worker-test-"));
    try {
      const cold = await compiled.loadGraphInLoaderProcess({ seedDir: SEED_DIR, snapshotDir });
      const warm = await compiled.loadGraphInLoaderProcess({ seedDir: SEED_DIR, snapshotDir });
      expect([cold.warm, warm.warm]).toEqual([false, true]);
      // Both hand over the image in the snapshot file itself (no temporary copy).
      const [file] = readdirSync(snapshotDir);
      expect([cold.path, warm.path, readdirSync(snapshotDir).length]).toEqual([
        join(snapshotDir, file as string),
        join(snapshotDir, file as string),
        1,
      ]);
      expect(decodeImage(warm.payload).data).toEqual(decodeImage(cold.payload).data);
    } finally {
      rmSync(snapshotDir, { recursive: true, force: true });
    }
  });

  test("trusts a snapshot read while the seed is hashed only when it is the seed's, and checked", async () => {
    const folder = mkdtempSync(join(tmpdir(), "load-worker-snapshots-"));
    const seedDir = join(folder, "seed");
    const snapshotDir = join(folder, "snapshots");
    copyFollowingLinks(SEED_DIR, seedDir);
    const load = () => compiled.loadGraphInLoaderProcess({ seedDir, snapshotDir });
    const outcome = async () => {
      const { warm, coldReason } = await load();
      return { warm, coldReason, snapshots: readdirSync(snapshotDir).length };
    };
    try {
      expect(await outcome()).toEqual({
        warm: false,
        coldReason: "no snapshot for this seed and version (ENOENT)",
        snapshots: 1,
      });
      const [name] = readdirSync(snapshotDir) as [string];
      const path = join(snapshotDir, name);
      const good = readFileSync(path);
      // The folder's only snapshot is the seed's but corrupt: its check fails, as read by the seed's key.
      const bad = Buffer.from(good);
      bad[bad.length - 100] = (bad[bad.length - 100] as number) ^ 1;
      writeFileSync(path, bad);
      expect(await outcome()).toEqual({
        warm: false,
        coldReason: "the snapshot's payload does not match its checksum",
        snapshots: 1,
      });
      // Beside another snapshot (no longer the only one): read by the seed's key once it is hashed.
      writeFileSync(join(snapshotDir, "bilateral-graph-0000.snapshot"), good);
      expect(await outcome()).toEqual({ warm: true, coldReason: null, snapshots: 2 });
      rmSync(join(snapshotDir, "bilateral-graph-0000.snapshot"));
      // The seed changed: the only snapshot is another seed's, and is not used.
      writeFileSync(join(seedDir, "reference.json"), `${readFileSync(join(seedDir, "reference.json"), "utf8")}\n`);
      expect(await outcome()).toEqual({
        warm: false,
        coldReason: "no snapshot for this seed and version (ENOENT)",
        snapshots: 1,
      });
      expect(readdirSync(snapshotDir)).not.toEqual([name]);
      expect(await outcome()).toEqual({ warm: true, coldReason: null, snapshots: 1 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
