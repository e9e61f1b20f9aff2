/**
 * What ships: the production dependency tree (`npm ls --omit=dev`) holds only OSI-approved licences,
 * and the compiled service starts with that tree alone — as after `npm ci --omit=dev` on a built
 * checkout — through `npm run start:prod`'s command.
 *
 * The second test does not reinstall anything (that needs the network): it builds a folder whose
 * node_modules holds links to exactly the packages `npm ls --omit=dev` lists, and runs the compiled
 * entry point from there with `--preserve-symlinks`, so a dev-only package the service requires
 * cannot be found.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";

import { ROOT, SEED_DIR } from "../support/harness";

/** SPDX ids of licences the Open Source Initiative has approved, among those npm packages commonly use. */
const OSI_APPROVED = new Set([
  "0BSD",
  "Apache-2.0",
  "Artistic-2.0",
  "BlueOak-1.0.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "ISC",
  "MIT",
  "MIT-0",
  "MPL-2.0",
  "Python-2.0",
  "Unlicense",
  "Zlib",
]);

/**
 * Whether an SPDX licence expression is OSI-approved: every licence of an `AND`, at least one of an
 * `OR` (parentheses group). Anything else — a missing licence, `SEE LICENSE IN …`, an unknown id — is not.
 */
export function isOsiApproved(expression: unknown): boolean {
  if (typeof expression !== "string") return false;
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const term = (): boolean => {
    const token = tokens[at++];
    if (token === "(") {
      const value = or();
      return tokens[at++] === ")" && value;
    }
    return token !== undefined && OSI_APPROVED.has(token);
  };
  const and = (): boolean => {
    let value = term();
    while (tokens[at] === "AND") {
      at++;
      value = term() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (tokens[at] === "OR") {
      at++;
      value = and() || value;
    }
    return value;
  };
  const value = or();
  return value && at === tokens.length;
}

/** The folders of the production dependency tree, as `npm ls --omit=dev` lists them (the project itself excluded). */
function productionPackages(): string[] {
  const output = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: ROOT, encoding: "utf8" });
  return output
    .split("\n")
    .map(line => line.trim())
    .filter(line => line !== "" && line !== ROOT);
}

describe("licences", () => {
  test("the project is MIT-licensed: package.json and LICENSE agree", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string };
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8").split("\n")[0]).toBe("MIT License");
  });

  test("SPDX expressions are read as npm writes them", () => {
    const cases = [
      "MIT",
      "(MIT AND BSD-3-Clause)",
      "(MIT OR Elastic-2.0)",
      "Elastic-2.0",
      "(MIT AND Elastic-2.0)",
      "SEE LICENSE IN LICENSE.md",
      "UNLICENSED",
      "(MIT",
      undefined,
    ];
    expect(Object.fromEntries(cases.map(c => [String(c), isOsiApproved(c)]))).toEqual({
      MIT: true,
      "(MIT AND BSD-3-Clause)": true,
      "(MIT OR Elastic-2.0)": true,
      "Elastic-2.0": false,
      "(MIT AND Elastic-2.0)": false,
      "SEE LICENSE IN LICENSE.md": false,
      UNLICENSED: false,
      "(MIT": false,
      undefined: false,
    });
  });

  test("every package of the production tree (`npm ls --omit=dev`) has an OSI-approved licence", () => {
    const packages = productionPackages().map(folder => {
      const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
        name: string;
        version: string;
        license?: unknown;
      };
      return { name: `${pkg.name}@${pkg.version}`, license: pkg.license };
    });
    expect(packages.length).toBeGreaterThan(50);
    expect(packages.filter(p => !isOsiApproved(p.license))).toEqual([]);
    // The Elastic-2.0 federation packages are test tools only.
    const names = packages.map(p => p.name.replace(/@[^@]+$/, ""));
    expect(
      names.filter(name => name.startsWith("@apollo/federation") || name.startsWith("@apollo/composition")),
    ).toEqual([]);
  });
});

describe("the production start (`npm run start:prod`) with production dependencies only", () => {
  const MAIN = join(ROOT, "dist", "src", "main.js");
  let app: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does) first`);
    app = mkdtempSync(join(tmpdir(), "bilateral-graph-production-"));
    symlinkSync(join(ROOT, "dist"), join(app, "dist"));
    symlinkSync(join(ROOT, "package.json"), join(app, "package.json"));
    // Top-level packages only: nested node_modules come with the package that holds them.
    const topLevel = productionPackages()
      .map(folder => relative(join(ROOT, "node_modules"), folder))
      .filter(name => !name.startsWith("..") && !name.includes(`${sep}node_modules${sep}`));
    for (const name of topLevel) {
      mkdirSync(dirname(join(app, "node_modules", name)), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", name), join(app, "node_modules", name));
    }
  });

  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(app, { recursive: true, force: true });
  });

  test("starts, answers a query, and stops on SIGTERM", async () => {
    const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
      .scripts["start:prod"];
    expect(script).toBe("node --enable-source-maps dist/src/main.js");
    const [, ...args] = (script ?? "").split(" ");
    const started = spawn(process.execPath, ["--preserve-symlinks", "--preserve-symlinks-main", ...args], {
      cwd: app,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: "0",
        SEED_DIR,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    let output = "";
    started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>(resolve => started.on("exit", code => resolve(code)));

    let url: string | undefined;
    for (let i = 0; i < 300 && !url && started.exitCode === null; i++) {
      url = /"url":"([^"]+)"/.exec(output)?.[1];
      if (!url) await new Promise(resolve => setTimeout(resolve, 50));
    }
    if (!url) throw new Error(`the service did not start; its output:\n${output}`);

    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ country(code: "JO") { name } }' }),
    });
    expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
      status: 200,
      body: { data: { country: { name: "Jordan" } }, extensions: { cost: { requested: 2, actual: 2, limit: 25000 } } },
    });
    started.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
