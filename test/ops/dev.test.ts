/**
 * `npm run dev`: compiles, serves, and restarts with the new code when a file of src/ changes. It
 * runs in a copy of the project in the temporary folder (src/ copied, node_modules linked), so the
 * change it makes never touches the checkout.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ROOT, SEED_DIR } from "../support/harness";

jest.setTimeout(120_000);

let dir: string;
let dev: ChildProcess | undefined;
let output = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bilateral-graph-dev-"));
  for (const file of ["package.json", "tsconfig.json", "tsconfig.build.json"])
    cpSync(join(ROOT, file), join(dir, file));
  cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  symlinkSync(SEED_DIR, join(dir, "seed"));
});

afterAll(() => {
  // npm, tsc --watch and node --watch share a process group: stop them all.
  if (dev?.pid !== undefined && dev.exitCode === null) process.kill(-dev.pid, "SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the output holds `count` start-up lines; returns the last URL. */
async function started(count: number): Promise<string> {
  for (let i = 0; i < 1000; i++) {
    const urls = [...output.matchAll(/"url":"([^"]+)"/g)].map(m => m[1] ?? "");
    if (urls.length >= count) return urls[count - 1] ?? "";
    if (dev?.exitCode !== null) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`npm run dev did not start (${count}); its output:\n${output}`);
}

async function queryDescription(url: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __schema { queryType { description } } }" }),
  });
  return ((await response.json()) as { data?: { __schema: { queryType: { description: string } } } }).data?.__schema
    .queryType.description;
}

test("npm run dev serves, then restarts with the new code when src/ changes", async () => {
  dev = spawn("npm", ["run", "dev"], {
    cwd: dir,
    detached: true,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, NODE_ENV: "test", PORT: "0", SEED_DIR },
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const first = await started(1);
  expect(await queryDescription(first)).toMatch(/^The entry points of the graph of relations between states\./);

  const schemaFile = join(dir, "src", "graphql", "schema.ts");
  const source = readFileSync(schemaFile, "utf8");
  writeFileSync(
    schemaFile,
    source.replace("The entry points of the graph", "Changed while running: the entry points of the graph"),
  );
  const second = await started(2);
  expect(await queryDescription(second)).toMatch(/^Changed while running: the entry points of the graph/);
});
