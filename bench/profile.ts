/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`): self time by layer (Apollo,
 * graphql-js, type-graphql, our resolvers, JSON, http, …), the top self-time functions, and the
 * inclusive time of the request's stages. Native frames (no script URL: regexes, Map lookups, …)
 * are charged to the layer that called them; `JSON.stringify`/`JSON.parse` are their own layer.
 *
 * Usable on its own: `node dist/bench/profile.js <file.cpuprofile> [load]` prints the summary.
 */
import { readFileSync } from "node:fs";

import { fmt, table } from "./common";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const PACKAGE_LAYERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^@apollo\/(server|utils\.[a-z.]+|cache-control-types|usage-reporting-protobuf)$/, "Apollo Server"],
  [/^@apollo\/(subgraph|federation-internals)$/, "Apollo subgraph"],
  [/^type-graphql$/, "type-graphql"],
  [/^graphql-jit$/, "graphql-jit (compiled execution)"],
  [/^(class-validator|class-transformer|validator|libphonenumber-js)$/, "class-validator / class-transformer"],
  [/^graphql-query-complexity$/, "cost plugin (graphql-query-complexity)"],
  [/^@escape\.tech\//, "graphql-armor rules"],
  [/^graphql-relay$/, "graphql-relay (cursors)"],
  [/^graphql-scalars$/, "graphql-scalars"],
  [
    /^(pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify|real-require)$/,
    "pino logging",
  ],
  [/^(prom-client|tdigest|bintrees)$/, "metrics (prom-client)"],
  [/^@graphql-tools\//, "graphql-tools"],
  [
    /^(body-parser|raw-body|cors|finalhandler|content-type|iconv-lite|type-is|media-typer|on-finished|debug)$/,
    "HTTP helper packages (content-type, body-parser, …)",
  ],
  [/^(negotiator|lru-cache|uuid|whatwg-mimetype)$/, "Apollo Server"],
];

function packageOf(url: string): string | null {
  const at = url.lastIndexOf("/node_modules/");
  if (at < 0) return null;
  const rest = url.slice(at + "/node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? null);
}

/** The layer a frame belongs to; null for a native frame, which inherits its caller's layer. */
export function layerOf(frame: CallFrame): string | null {
  const { functionName: fn, url } = frame;
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)") return "V8 (program, unattributed)";
  if (fn === "(root)") return "V8 (program, unattributed)";
  if (url === "") {
    if (fn === "stringify") return "JSON.stringify";
    if (fn === "parse") return "JSON.parse";
    return null;
  }
  // V8 charges the JSON builtins to the JS function that calls them.
  if (fn === "prettyJSONStringify") return "JSON.stringify (Apollo's prettyJSONStringify)";
  if (fn === "parseJson" && url.includes("/dist/src/common/json")) return "JSON.parse (our parseJson)";
  const pkg = packageOf(url);
  if (pkg === "graphql") {
    if (url.includes("/execution/")) return "graphql-js execute";
    if (url.includes("/validation/")) return "graphql-js validate";
    if (url.includes("/language/")) return "graphql-js parse/print/visit";
    return "graphql-js types & values";
  }
  if (pkg) {
    for (const [pattern, layer] of PACKAGE_LAYERS) if (pattern.test(pkg)) return layer;
    return `other package: ${pkg}`;
  }
  const src = /\/dist\/(src|bench)\/([^/]+)/.exec(url);
  if (src) {
    if (src[1] === "bench") return "benchmark harness";
    if (src[2] === "graphql") return "our GraphQL code (src/graphql: resolvers, plugins)";
    if (src[2] === "repository") return "our repository (src/repository)";
    if (src[2] === "http") return "our HTTP layer (src/http)";
    return `our code (src/${src[2]})`;
  }
  if (url.startsWith("node:")) {
    if (url.startsWith("node:internal/modules/") || url === "node:path") return "Node module loader (require)";
    if (/http|_http_/.test(url)) return "Node http";
    if (/net|stream|socket|buffer/.test(url)) return "Node net/streams";
    if (/timers|task_queues|async_hooks|promise|events/.test(url)) return "Node events/timers/promises";
    if (/crypto/.test(url)) return "Node crypto";
    if (/url/.test(url)) return "Node url";
    return "Node core (other)";
  }
  return "other";
}

function shortUrl(url: string): string {
  if (url === "") return "(native)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) return url.slice(nm + "/node_modules/".length);
  const dist = url.indexOf("/dist/");
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, "");
}

/**
 * Stages whose inclusive time is reported: a sample counts once if any frame on its stack matches.
 * Stacks stop at the last `await` (a resumed async function sits under the microtask runner), so
 * this is exact for synchronous work (cost walk, argument validation, JSON, logging) and an
 * undercount for async pipelines (Apollo's request pipeline, graphql-js execute), which are left out.
 */
export type Stage = readonly [string, (f: CallFrame) => boolean, "self"?];
/** The stages of one HTTP request to the service. */
export const REQUEST_STAGES: readonly Stage[] = [
  ["type-graphql resolver wrappers (our resolvers included)", f => f.url.includes("/type-graphql/")],
  ["  class-validator / class-transformer on arguments", f => /\/(class-validator|class-transformer)\//.test(f.url)],
  [
    '  require() at request time (type-graphql validateArg\'s `await import("class-validator")`)',
    f => f.functionName === "require" && f.url === "node:internal/modules/helpers",
  ],
  [
    "  our resolvers and repository (src/graphql minus plugins and schema.ts, src/repository)",
    f =>
      f.url.includes("/dist/src/repository/") ||
      (f.url.includes("/dist/src/graphql/") && !/\/(limits|errors|schema|router-secret\.plugin)\.js/.test(f.url)),
  ],
  ["    repository (src/repository)", f => f.url.includes("/dist/src/repository/")],
  ["    graphql-relay cursors", f => f.url.includes("/graphql-relay/")],
  [
    "Apollo per-field instrumentation (schemaInstrumentation, cache-control willResolveField), self",
    f => /@apollo\/server\/dist\/cjs\/(utils\/schemaInstrumentation|plugin\/cacheControl)/.test(f.url),
    "self",
  ],
  ["cost plugin: getComplexity (graphql-query-complexity, per request)", f => f.functionName === "getComplexity"],
  ["graphql-js validate", f => f.functionName === "validate" && f.url.includes("graphql/validation/validate")],
  ["graphql-js parse", f => f.functionName === "parse" && f.url.includes("graphql/language/parser")],
  ["JSON.stringify of the response (Apollo prettyJSONStringify)", f => f.functionName === "prettyJSONStringify"],
  ["JSON.parse of the body (our parseJson)", f => f.functionName === "parseJson"],
  ["pino logging", f => /\/(pino|sonic-boom)\//.test(f.url)],
  ["prom-client metrics", f => f.url.includes("/prom-client/")],
  ["our HTTP layer (src/http), self", f => f.url.includes("/dist/src/http/"), "self"],
  [
    "Node http & sockets (parser, writes), self",
    f => /^node:(_http_|internal\/http|net|internal\/stream_base)/.test(f.url),
    "self",
  ],
  ["GC", f => f.functionName === "(garbage collector)"],
];

/** The stages of loading a seed folder (`loadSeed` + `new InMemoryRepository`). */
export const LOAD_STAGES: readonly Stage[] = [
  ["loadSeed (everything below)", f => f.functionName === "loadSeed"],
  ["  JSON.parse of the files (parseJson)", f => f.functionName === "parseJson"],
  [
    "  plainToInstance + validateSync (class-transformer / class-validator)",
    f => /\/(class-validator|class-transformer)\//.test(f.url),
  ],
  ["  indexSourceText (code points, Intl.Segmenter sentences)", f => f.functionName === "indexSourceText"],
  ["  citation checks (citationsOf)", f => f.functionName === "citationsOf"],
  ["  toRecord", f => f.functionName === "toRecord"],
  ["  deepFreeze", f => f.functionName === "deepFreeze"],
  ["new InMemoryRepository (everything below)", f => f.functionName === "InMemoryRepository"],
  ["  register: per-type sorts and filter buckets", f => f.functionName === "register"],
  ["  SearchIndex: tokenize, postings, sort", f => f.functionName === "SearchIndex"],
  ["GC", f => f.functionName === "(garbage collector)"],
];

export interface ProfileSummary {
  readonly totalMs: number;
  readonly busyMs: number;
  readonly windowed: boolean;
  readonly layers: ReadonlyArray<{ layer: string; ms: number; share: number }>;
  readonly functions: ReadonlyArray<{ name: string; where: string; layer: string; ms: number; share: number }>;
  readonly stages: ReadonlyArray<{ stage: string; ms: number; share: number }>;
}

/**
 * Summarises the samples taken between `fromUs` and `toUs` (CLOCK_MONOTONIC microseconds, the clock
 * of both V8's profile timestamps and `process.hrtime`), or all samples when no window is given or
 * it does not overlap the profile.
 */
export function summariseProfile(
  file: string,
  window?: { fromUs: number; toUs: number },
  stages: readonly Stage[] = REQUEST_STAGES,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const layerCache = new Map<number, string>();
  const layerOfNode = (id: number): string => {
    const cached = layerCache.get(id);
    if (cached) return cached;
    const node = byId.get(id) as ProfileNode;
    let layer = layerOf(node.callFrame);
    if (layer === null) {
      const up = parent.get(id);
      layer = up === undefined ? "native (no caller)" : layerOfNode(up);
    }
    layerCache.set(id, layer);
    return layer;
  };

  let windowed = false;
  let t = profile.startTime;
  const inWindow: boolean[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    inWindow.push(!window || (t >= window.fromUs && t <= window.toUs));
  }
  if (window && inWindow.some(Boolean)) windowed = true;
  else inWindow.fill(true);

  const layerMs = new Map<string, number>();
  const fnMs = new Map<string, { name: string; where: string; layer: string; ms: number }>();
  const stageMs = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    if (!inWindow[i]) continue;
    // A sample's weight is the time to the next sample.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i] as number;
    const node = byId.get(id) as ProfileNode;
    totalMs += ms;
    const layer = layerOfNode(id);
    if (layer === "idle") {
      idleMs += ms;
      continue;
    }
    layerMs.set(layer, (layerMs.get(layer) ?? 0) + ms);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const where = url === "" ? "(native)" : `${shortUrl(url)}:${lineNumber + 1}`;
    const key = `${name}\u0000${where}\u0000${layer}`;
    const entry = fnMs.get(key) ?? { name, where, layer, ms: 0 };
    entry.ms += ms;
    fnMs.set(key, entry);
    const matched = new Set<string>();
    // "self" stages test the running frame, or for a native frame its nearest JS caller.
    let own: number | undefined = id;
    while (own !== undefined && (byId.get(own) as ProfileNode).callFrame.url === "" && parent.has(own)) {
      own = parent.get(own);
    }
    const ownFrame = (byId.get(own ?? id) as ProfileNode).callFrame;
    for (const [stage, test, mode] of stages) if (mode === "self" && test(ownFrame)) matched.add(stage);
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as ProfileNode).callFrame;
      for (const [stage, test, mode] of stages) if (!mode && !matched.has(stage) && test(frame)) matched.add(stage);
    }
    for (const stage of matched) stageMs.set(stage, (stageMs.get(stage) ?? 0) + ms);
  }
  const busyMs = totalMs - idleMs;
  const share = (ms: number) => (busyMs > 0 ? ms / busyMs : 0);
  return {
    totalMs,
    busyMs,
    windowed,
    layers: [...layerMs].map(([layer, ms]) => ({ layer, ms, share: share(ms) })).sort((a, b) => b.ms - a.ms),
    functions: [...fnMs.values()].map(f => ({ ...f, share: share(f.ms) })).sort((a, b) => b.ms - a.ms),
    stages: stages.map(([stage]) => ({ stage, ms: stageMs.get(stage) ?? 0, share: share(stageMs.get(stage) ?? 0) })),
  };
}

const pct = (share: number) => `${fmt(share * 100, 1)} %`;

/**
 * The summary as markdown tables. With `usPerUnit` (CPU µs per request, or per record, measured
 * without the profiler), shares are also shown as µs per unit.
 */
export function profileMarkdown(
  summary: ProfileSummary,
  topFunctions = 30,
  usPerUnit?: { readonly us: number; readonly unit: string },
): string {
  const per = usPerUnit ? [`≈ µs/${usPerUnit.unit}`] : [];
  const us = (share: number) => (usPerUnit ? [fmt(share * usPerUnit.us, usPerUnit.us < 100 ? 1 : 0)] : []);
  const layers = table(
    ["Layer (self time)", "ms", "share of busy CPU", ...per],
    summary.layers.filter(l => l.share >= 0.001).map(l => [l.layer, fmt(l.ms), pct(l.share), ...us(l.share)]),
  );
  const functions = table(
    ["#", "Function (self time)", "Where", "Layer", "share", ...per],
    summary.functions
      .slice(0, topFunctions)
      .map((f, i) => [String(i + 1), `\`${f.name}\``, `\`${f.where}\``, f.layer, pct(f.share), ...us(f.share)]),
  );
  const stages = table(
    ["Stage (inclusive unless marked self: a sample counts if the stage is on its stack)", "share of busy CPU", ...per],
    summary.stages.map(s => [
      s.stage.replace(/^( +)/, m => "\u00a0\u00a0".repeat(m.length / 2)),
      pct(s.share),
      ...us(s.share),
    ]),
  );
  return [
    `Busy CPU sampled: ${fmt(summary.busyMs)} ms of ${fmt(summary.totalMs)} ms${summary.windowed ? " (load window only)" : " (whole process lifetime)"}${usPerUnit ? `; µs/${usPerUnit.unit} = share × ${fmt(usPerUnit.us)} µs, the CPU per ${usPerUnit.unit} measured without the profiler` : ""}.`,
    "",
    layers,
    "",
    stages,
    "",
    functions,
  ].join("\n");
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node dist/bench/profile.js <file.cpuprofile>");
    process.exit(2);
  }
  console.log(
    profileMarkdown(summariseProfile(file, undefined, process.argv[3] === "load" ? LOAD_STAGES : REQUEST_STAGES)),
  );
}
