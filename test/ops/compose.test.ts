/**
 * docker-compose.yml, the Dockerfile, .dockerignore and ops/router/ checked against what the service
 * actually reads and serves: variable names derived from `loadConfig` itself, the healthcheck run
 * against a real server, the router's routing URL against the service's port and GraphQL path.
 * Nothing here needs Docker; the files are parsed (YAML with the `yaml` package, the Dockerfile by
 * the small parser below, which refuses what it does not understand).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

import { parse as parseYaml } from "yaml";

import { type Config, loadConfig } from "../../src/config/config";
import { ROUTER_SECRET_HEADER } from "../../src/graphql/router-secret.plugin";
import { GRAPHQL_PATH } from "../../src/http/server";
import { ROOT } from "../support/harness";
import { startTestServer } from "../support/server";

type Env = Record<string, string | undefined>;
const SERVICE = "bilateral-graph";
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

// ---------------------------------------------------------------------------------------------
// docker-compose.yml, with compose's variable interpolation evaluated

interface ComposeService {
  readonly build?: { readonly context?: string; readonly dockerfile?: string } | string;
  readonly image?: string;
  readonly profiles?: readonly string[];
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly ports?: ReadonlyArray<string | { readonly target: number; readonly published?: number | string }>;
  readonly volumes?: readonly string[];
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly stop_grace_period?: string;
  readonly depends_on?: Readonly<Record<string, { readonly condition?: string }>>;
}
interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
}

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$` as compose evaluates them; any other `$` is an error. */
function interpolate(text: string, host: Env): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?)-([^}]*))?\}|\$/g,
    (match, name?: string, colon?: string, dflt?: string) => {
      if (match === "$$") return "$";
      if (name === undefined) throw new Error(`docker-compose.yml: unsupported "$" in ${JSON.stringify(text)}`);
      const value = host[name];
      if (dflt === undefined) return value ?? "";
      return value === undefined || (colon === ":" && value === "") ? dflt : value;
    },
  );
}

function interpolateAll(value: unknown, host: Env): unknown {
  if (typeof value === "string") return interpolate(value, host);
  if (Array.isArray(value)) return value.map(v => interpolateAll(v, host));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, host)]));
  }
  return value;
}

const rawCompose = parseYaml(read("docker-compose.yml")) as ComposeFile;
/** The compose file as `docker compose` sees it when the host sets `host` (default: nothing). */
const composeWith = (host: Env = {}) => interpolateAll(rawCompose, host) as ComposeFile;
const compose = composeWith();
const service = compose.services[SERVICE] as ComposeService;
const router = compose.services.router as ComposeService;

/** `"4000:4000"`, `"127.0.0.1:4000:4000/tcp"`, `"4000"` or the long syntax, as {published, target}. */
function portMappings(s: ComposeService): Array<{ published: number | null; target: number }> {
  return (s.ports ?? []).map(port => {
    if (typeof port === "object") {
      return { published: port.published === undefined ? null : Number(port.published), target: port.target };
    }
    const parts = port.replace(/\/(tcp|udp)$/, "").split(":");
    if (parts.length > 3 || parts.some(p => !/^[\d.]+$/.test(p))) throw new Error(`unsupported port mapping ${port}`);
    const target = Number(parts[parts.length - 1]);
    return { published: parts.length > 1 ? Number(parts[parts.length - 2]) : null, target };
  });
}

/** Compose durations: "15s", "1m30s", "500ms". */
function durationMs(text: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|us|h|m|s)/g)];
  if (parts.length === 0 || parts.map(p => p[0]).join("") !== text) throw new Error(`unsupported duration "${text}"`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (units[unit ?? ""] ?? NaN), 0);
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}
interface Stage {
  readonly from: string;
  readonly name: string | null;
  readonly instructions: readonly Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    if (/^\s*#/.test(raw) || (pending === "" && raw.trim() === "")) continue;
    if (raw.endsWith("\\")) {
      pending += `${raw.slice(0, -1)} `;
      continue;
    }
    lines.push(`${pending}${raw}`.trim());
    pending = "";
  }
  const stages: Array<{ from: string; name: string | null; instructions: Instruction[] }> = [];
  for (const line of lines) {
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`Dockerfile: cannot read "${line}"`);
    const keyword = match[1].toUpperCase();
    const args = match[2];
    if (keyword === "FROM") {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from?.[1]) throw new Error(`Dockerfile: cannot read "${line}"`);
      stages.push({ from: from[1], name: from[2] ?? null, instructions: [] });
    } else {
      const stage = stages[stages.length - 1];
      if (!stage) throw new Error(`Dockerfile: "${line}" before any FROM`);
      stage.instructions.push({ keyword, args });
    }
  }
  return stages;
}

const stages = parseDockerfile(read("Dockerfile"));
const buildStage = stages[0] as Stage;
const runtime = stages[stages.length - 1] as Stage;
const all = (stage: Stage, keyword: string) => stage.instructions.filter(i => i.keyword === keyword);
const last = (stage: Stage, keyword: string) => all(stage, keyword).pop();

/** `ENV A=1 B="two"` (and the legacy `ENV A 1`) of a stage, merged in order. */
function dockerEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of all(stage, "ENV")) {
    if (!args.includes("=")) {
      const [name, ...rest] = args.split(/\s+/);
      if (name) env[name] = rest.join(" ");
      continue;
    }
    const rest = args.replace(
      /([A-Za-z_]\w*)=("([^"]*)"|\S*)\s*/g,
      (_m, name: string, raw: string, quoted?: string) => {
        env[name] = quoted ?? raw;
        return "";
      },
    );
    if (rest.trim() !== "") throw new Error(`Dockerfile: cannot read ENV ${args}`);
  }
  return env;
}

/** The exec-form command of `HEALTHCHECK [--options] CMD [...]`. */
function healthcheckCommand(stage: Stage): string[] {
  const instruction = last(stage, "HEALTHCHECK");
  const match = instruction && /^(?:--[a-z-]+=\S+\s+)*CMD\s+(\[.*\])$/.exec(instruction.args);
  if (!match?.[1]) throw new Error(`Dockerfile: no exec-form HEALTHCHECK CMD in the runtime stage`);
  return JSON.parse(match[1]) as string[];
}

/** Sources of `COPY [--from=stage] src... dest`. */
function copies(stage: Stage): Array<{ from: string | null; sources: string[]; dest: string }> {
  return all(stage, "COPY").map(({ args }) => {
    const words = args.split(/\s+/);
    const from = words.find(w => w.startsWith("--from="))?.slice("--from=".length) ?? null;
    const paths = words.filter(w => !w.startsWith("--"));
    return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1] ?? "" };
  });
}

// ---------------------------------------------------------------------------------------------
// What the service reads

/** The environment variable names `readEnv` looks up, recorded by a Proxy standing in for the environment. */
function variablesRead(readEnv: (env: Env) => void): string[] {
  const names = new Set<string>();
  const env = new Proxy<Env>(
    {},
    {
      get: (_target, key) => {
        if (typeof key === "string") names.add(key);
        return undefined;
      },
    },
  );
  readEnv(env);
  return [...names].sort();
}

/** Every variable the service reads at start-up: all of them go through `loadConfig`. */
const serviceVariables = new Set(variablesRead(env => loadConfig(env)));

/** The container's environment: the image's ENV overlaid with compose's `environment`. */
const containerEnv = (c: ComposeFile = compose): Env => ({
  ...dockerEnv(runtime),
  ...(c.services[SERVICE]?.environment ?? {}),
});
const containerConfig: Config = loadConfig(containerEnv());

// ---------------------------------------------------------------------------------------------
// Running the healthcheck command

let fake: Server;
let fakeStatus = 200;
const fakeRequests: string[] = [];

beforeAll(async () => {
  fake = createServer((req, res) => {
    fakeRequests.push(`${req.method} ${req.url}`);
    res.writeHead(fakeStatus, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>(done => fake.listen(0, "127.0.0.1", done));
});

afterAll(() => new Promise<void>(done => fake.close(() => done())));

/** Runs a healthcheck `["CMD", "node", ...]` here, as Docker would in the container, with PORT set. */
function runHealthcheck(test: readonly string[], port: number): Promise<number | null> {
  const [form, program, ...args] = test;
  expect([form, program]).toEqual(["CMD", "node"]);
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", PORT: String(port) } });
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  return new Promise(done =>
    child.on("exit", code => {
      clearTimeout(timer);
      done(code);
    }),
  );
}

// ---------------------------------------------------------------------------------------------

describe(`the ${SERVICE} container (Dockerfile + docker-compose.yml)`, () => {
  test("every variable it is given is one the service reads, and together they are a valid configuration", () => {
    const given = [...Object.keys(dockerEnv(runtime)), ...Object.keys(service.environment ?? {})];
    expect(given.filter(name => !serviceVariables.has(name))).toEqual([]);

    const config = (host: Env) => {
      const c = loadConfig(containerEnv(composeWith(host)));
      return { production: c.production, ide: c.ide, introspection: c.introspection, routerSecret: c.routerSecret };
    };
    // Production, with the IDE on for exploring — and introspection, without which the IDE has no schema.
    expect(config({})).toEqual({ production: true, ide: true, introspection: true, routerSecret: null });
    // ROUTER_SECRET passes through from the host.
    const secret = "0123456789abcdef0123456789abcdef";
    expect(config({ ROUTER_SECRET: secret }).routerSecret).toBe(secret);
  });

  test("the published port is the container's PORT, which the image exposes and sets", () => {
    expect(portMappings(service)).toEqual([{ published: containerConfig.port, target: containerConfig.port }]);
    expect(all(runtime, "EXPOSE").flatMap(i => i.args.split(/\s+/).map(p => Number(p.replace(/\/tcp$/, ""))))).toEqual([
      containerConfig.port,
    ]);
    expect(loadConfig(dockerEnv(runtime)).port).toBe(containerConfig.port);
  });

  test("compose's healthcheck is the image's, and it asks GET /health/ready on PORT", async () => {
    const imageCheck = healthcheckCommand(runtime);
    expect(service.healthcheck?.test).toEqual(["CMD", ...imageCheck]);

    const port = (fake.address() as AddressInfo).port;
    fakeRequests.length = 0;
    fakeStatus = 200;
    expect(await runHealthcheck(["CMD", ...imageCheck], port)).toBe(0);
    expect(fakeRequests).toEqual(["GET /health/ready"]);
    fakeStatus = 503;
    expect(await runHealthcheck(["CMD", ...imageCheck], port)).toBe(1);
  });

  test("the healthcheck passes against the real service, and fails once it has stopped", async () => {
    const app = await startTestServer();
    const port = Number(new URL(app.url).port);
    try {
      expect(await runHealthcheck(["CMD", ...healthcheckCommand(runtime)], port)).toBe(0);
    } finally {
      await app.stop();
    }
    expect(await runHealthcheck(["CMD", ...healthcheckCommand(runtime)], port)).toBe(1);
  });

  test("docker stop waits longer than the shutdown grace period before it kills", () => {
    expect(service.stop_grace_period).toBeDefined();
    expect(durationMs(service.stop_grace_period ?? "0s")).toBeGreaterThan(containerConfig.shutdownGraceMs);
  });

  test("the image runs `npm run start:prod` (package.json's main, with source maps) as a non-root user", () => {
    const pkg = JSON.parse(read("package.json")) as { main: string; scripts: Record<string, string> };
    const cmd = JSON.parse(last(runtime, "CMD")?.args ?? "null") as string[];
    expect(cmd).toEqual(["node", "--enable-source-maps", pkg.main]);
    expect(pkg.scripts["start:prod"]).toBe(cmd.join(" "));
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);

    const user = last(runtime, "USER")?.args;
    expect(user).toBeDefined();
    expect(["root", "0", "0:0", "root:root"]).not.toContain(user);
    const order = runtime.instructions.map(i => i.keyword);
    expect(order.lastIndexOf("USER")).toBeLessThan(order.lastIndexOf("CMD"));
  });

  test("both stages are the Node 24 that CI tests on, pinned; the build prunes dev dependencies after compiling", () => {
    const ciNode = /^NODE_VERSION=(24\.\d+\.\d+)$/m.exec(read(".ci/run"))?.[1];
    expect(ciNode).toBeDefined();
    expect(stages.map(s => s.from)).toEqual([`node:${ciNode}-bookworm-slim`, `node:${ciNode}-bookworm-slim`]);
    // .nvmrc names the same major version; package.json's engines admit it (and Node 22).
    expect(read(".nvmrc").trim()).toBe("24");
    expect((JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node).toBe(">=22.12.0");
    const runs = all(buildStage, "RUN")
      .map(i => i.args)
      .join(" && ");
    const steps = ["npm ci", "npm run build", "npm prune --omit=dev"].map(step => runs.indexOf(step));
    expect(steps.every(index => index >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  test("the runtime stage copies only what runs: package.json, production node_modules, dist/src, seed", () => {
    const copied = copies(runtime).map(c => ({ from: c.from, sources: c.sources }));
    expect(copied).toEqual([
      { from: buildStage.name, sources: ["/app/package.json"] },
      { from: buildStage.name, sources: ["/app/node_modules"] },
      { from: buildStage.name, sources: ["/app/dist/src"] },
      { from: null, sources: ["seed"] },
    ]);
    // The build stage compiles the service alone: no tests or examples in the image's build.
    expect(copies(buildStage).flatMap(c => c.sources)).toEqual([
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "tsconfig.build.json",
      "src",
    ]);
  });

  test("every package the service imports is a production dependency, so `npm prune --omit=dev` keeps it", () => {
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
      );
    const imported = new Set<string>();
    for (const file of files(join(ROOT, "src"))) {
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:from|import|require\()\s*"([^".][^"]*)"/g)) {
        if (!specifier || specifier.startsWith("node:")) continue;
        const parts = specifier.split("/");
        imported.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier));
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter(name => !(name in pkg.dependencies)).sort()).toEqual([]);
  });

  test(".dockerignore keeps the build context to what the Dockerfile copies from it", () => {
    const patterns = read(".dockerignore")
      .split("\n")
      .map(line => line.trim())
      .filter(line => line !== "" && !line.startsWith("#"));
    /** Whether a top-level name is in the build context (last matching pattern wins, `!` re-includes). */
    const inContext = (name: string): boolean => {
      let included = true;
      for (const pattern of patterns) {
        const negated = pattern.startsWith("!");
        const glob = pattern.replace(/^!/, "").replace(/^\//, "").replace(/\/$/, "");
        if (glob.includes("/") || /[?[\]]/.test(glob)) throw new Error(`.dockerignore: unsupported pattern ${pattern}`);
        const regex = new RegExp(`^${glob.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*+/g, ".*")}$`);
        if (regex.test(name)) included = negated;
      }
      return included;
    };
    const fromContext = [...copies(buildStage), ...copies(runtime)]
      .filter(c => c.from === null)
      .flatMap(c => c.sources);
    expect(fromContext.filter(name => !inContext(name))).toEqual([]);
    const excluded = [".git", "node_modules", "dist", "coverage", "docs", "test", "examples", "ops", ".env"];
    expect(excluded.filter(inContext)).toEqual([]);
  });
});

describe("the router (profile `supergraph`)", () => {
  interface RouterYaml {
    readonly supergraph?: { readonly listen?: string };
    readonly headers?: {
      readonly all?: { readonly request?: ReadonlyArray<{ readonly insert?: { name: string; value: string } }> };
    };
  }
  interface SupergraphYaml {
    readonly federation_version: string;
    readonly subgraphs: Readonly<Record<string, { routing_url: string; schema: { file: string } }>>;
  }
  const routerYaml = parseYaml(read("ops/router/router.yaml")) as RouterYaml;
  const supergraphYaml = parseYaml(read("ops/router/supergraph.yaml")) as SupergraphYaml;
  /** The router's command-line option `name`, e.g. `--config`. */
  const option = (name: string) => {
    const command = router.command ?? [];
    return command[command.indexOf(name) + 1];
  };
  /** Host path (relative to the checkout) of the file mounted at `target` in the router container. */
  const mountedFrom = (target: string | undefined) =>
    (router.volumes ?? [])
      .map(volume => volume.split(":"))
      .find(([, t]) => t === target)?.[0]
      ?.replace(/^\.\//, "");

  test("runs only under the `supergraph` profile, from a pinned image, once the service is healthy", () => {
    expect(router.profiles).toEqual(["supergraph"]);
    expect(service.profiles).toBeUndefined();
    expect(router.image).toMatch(/^ghcr\.io\/apollographql\/router:v\d+\.\d+\.\d+$/);
    expect(router.depends_on).toEqual({ [SERVICE]: { condition: "service_healthy" } });
  });

  test("serves the committed router.yaml and supergraph.graphql, mounted from ops/router", () => {
    expect({ config: mountedFrom(option("--config")), supergraph: mountedFrom(option("--supergraph")) }).toEqual({
      config: "ops/router/router.yaml",
      supergraph: "ops/router/supergraph.graphql",
    });
  });

  test("listens, on all interfaces, on the container port compose publishes", () => {
    const listen = /^0\.0\.0\.0:(\d+)$/.exec(routerYaml.supergraph?.listen ?? "");
    expect(listen).not.toBeNull();
    expect(portMappings(router).map(p => p.target)).toEqual([Number(listen?.[1])]);
  });

  test("routes to the service's compose name, container PORT and GraphQL path", () => {
    const expected = `http://${SERVICE}:${containerConfig.port}${GRAPHQL_PATH}`;
    expect(Object.values(supergraphYaml.subgraphs).map(s => s.routing_url)).toEqual([expected]);
    const joinGraphs = [
      ...read("ops/router/supergraph.graphql").matchAll(/@join__graph\(name: "[^"]+", url: "([^"]+)"\)/g),
    ];
    expect(joinGraphs.map(([, url]) => url)).toEqual([expected]);
  });

  test("sends the secret the service checks, from the same ROUTER_SECRET", () => {
    expect(routerYaml.headers?.all?.request).toContainEqual({
      insert: { name: ROUTER_SECRET_HEADER, value: "${env.ROUTER_SECRET}" },
    });
    const secret = "0123456789abcdef0123456789abcdef";
    const withSecret = composeWith({ ROUTER_SECRET: secret });
    expect(withSecret.services.router?.environment?.ROUTER_SECRET).toBe(secret);
    expect(loadConfig(containerEnv(withSecret)).routerSecret).toBe(secret);
  });

  test("supergraph.graphql is the current composition of subgraph.graphql (`node ops/router/compose-supergraph.mjs`)", async () => {
    const composition = (JSON.parse(read("node_modules/@apollo/composition/package.json")) as { version: string })
      .version;
    expect(supergraphYaml.federation_version).toBe(`=${composition}`);
    const schemaFiles = Object.values(supergraphYaml.subgraphs).map(s =>
      relative(ROOT, resolve(ROOT, "ops/router", s.schema.file)),
    );
    expect(schemaFiles).toEqual(["subgraph.graphql"]);

    const child = spawn(process.execPath, [join(ROOT, "ops/router/compose-supergraph.mjs"), "--check"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>(done => child.on("exit", done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });
});

describe("composing a supergraph without rover (ops/router/compose-supergraph.mjs)", () => {
  const composition = (JSON.parse(read("node_modules/@apollo/composition/package.json")) as { version: string })
    .version;
  const EXAMPLE = "examples/supergraph/supergraph.yaml";
  const COMMAND = `node ops/router/compose-supergraph.mjs --config ${EXAMPLE} > supergraph.graphql`;

  /** Runs the script with `args`; exit code, stdout and stderr. */
  async function compose(args: readonly string[]) {
    const child = spawn(process.execPath, [join(ROOT, "ops/router/compose-supergraph.mjs"), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>(done => child.on("close", done));
    return { code, stdout, stderr };
  }

  test("one federation_version everywhere: the installed @apollo/composition's", () => {
    const versions = [read("README.md"), read("ops/router/supergraph.yaml"), read(EXAMPLE)].flatMap(text =>
      [...text.matchAll(/federation_version: (\S+)/g)].map(([, version]) => version),
    );
    expect(versions).toEqual([`=${composition}`, `=${composition}`, `=${composition}`]);
  });

  test("the README's two-subgraph example is examples/supergraph/supergraph.yaml, and composes as written", async () => {
    const readme = read("README.md");
    expect(readme).toContain("```yaml\n# " + EXAMPLE + "\n" + read(EXAMPLE) + "```");
    expect(readme).toContain(COMMAND);
    const result = await compose(COMMAND.split(" ").slice(2, -2));
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const joinGraphs = [...result.stdout.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)];
    expect(joinGraphs.map(([, name, url]) => `${name} ${url}`)).toEqual([
      "bilateral http://localhost:4000/graphql",
      "population http://localhost:4001/graphql",
    ]);
    expect(result.stdout).toMatch(/population: Int @join__field\(graph: POPULATION\)/);
  });

  test("refuses a config for another federation version, naming what to set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compose-"));
    try {
      const config = join(dir, "supergraph.yaml");
      writeFileSync(config, read(EXAMPLE).replace(/federation_version: \S+/, "federation_version: =2.7.0"));
      expect(await compose(["--config", config])).toEqual({
        code: 1,
        stdout: "",
        stderr: `${config}: federation_version is "=2.7.0", but this script composes with @apollo/composition ${composition}; set federation_version: =${composition}\n`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
