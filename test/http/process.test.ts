/**
 * The service as `npm start` runs it: the compiled entry point in a child process. `npm test`
 * builds `dist/` before jest runs, so these tests exercise the real start-up and shutdown.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { ROOT, SEED_DIR } from "../support/harness";

const MAIN = join(ROOT, "dist", "src", "main.js");

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) first`);
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function start(env: Record<string, string>): { child: ChildProcess; exit: Promise<Exit>; output: () => string } {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", HOST: "127.0.0.1", LOG_LEVEL: "info", SEED_DIR, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<Exit>(resolve =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exit, output: () => stdout };
}

async function waitForUrl(output: () => string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const match = /"url":"([^"]+)"/.exec(output());
    if (match?.[1]) return match[1];
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`the service did not report its URL; output so far:\n${output()}`);
}

describe("the service process", () => {
  test("serves on the port it is given and stops cleanly on SIGTERM", async () => {
    const { child, exit, output } = start({ PORT: "0" });
    const url = await waitForUrl(output);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Count { countries { totalCount } }" }),
    });
    expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
      status: 200,
      body: { data: { countries: { totalCount: 2 } }, extensions: { cost: { requested: 3, actual: 2, limit: 25000 } } },
    });
    child.kill("SIGTERM");
    const result = await exit;
    expect({ code: result.code, signal: result.signal, stopped: /"msg":"stopped"/.test(result.stdout) }).toEqual({
      code: 0,
      signal: null,
      stopped: true,
    });
  });

  test("stops cleanly on SIGINT", async () => {
    const { child, exit, output } = start({ PORT: "0" });
    await waitForUrl(output);
    child.kill("SIGINT");
    const result = await exit;
    expect([result.code, result.signal]).toEqual([0, null]);
  });

  test("refuses to start on an invalid variable, naming it", async () => {
    const { exit } = start({ PORT: "eighty" });
    const result = await exit;
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 1,
      stderr: 'Invalid configuration:\n  - PORT must be an integer from 0 to 65535, got "eighty"\n',
    });
  });

  test("refuses to start on invalid seed data, naming file, path and problem", async () => {
    const dir = join(ROOT, "test", "fixtures", "process-bad-seed");
    const { exit } = start({ PORT: "0", SEED_DIR: dir });
    const result = await exit;
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 1,
      stderr:
        "The seed data is invalid (1 problem):\n" +
        `  - ${dir}/bad.json: $.cities[0].country: references unknown id "country:XX"\n`,
    });
  });
});
