// Composes a supergraph schema with @apollo/composition — what `rover supergraph compose` does,
// without rover and without network access beyond the subgraphs named in the config.
//
//   node ops/router/compose-supergraph.mjs                      ops/router/supergraph.yaml → ops/router/supergraph.graphql
//   node ops/router/compose-supergraph.mjs --check              exits 1 when that committed file is stale
//   node ops/router/compose-supergraph.mjs --config <yaml>      another config; the supergraph on stdout
//   node ops/router/compose-supergraph.mjs --config <yaml> --output <file>
//
// The config is rover's format: `federation_version`, then per subgraph a `routing_url` and a
// `schema` that is either `file:` (relative to the config file) or `subgraph_url:` (a running
// subgraph, asked for `{ _service { sdl } }`, with optional `introspection_headers`; `${env.NAME}`
// in a header value is read from the environment, as rover does). `routing_url` defaults to the
// `subgraph_url`. `federation_version` must be `=` the installed @apollo/composition version (or `2`),
// so that rover and this script compose alike.
//
// Run `npm run schema` first when the schema changed; test/ops/compose.test.ts fails while the
// committed ops/router/supergraph.graphql is stale. The output is formatted with the project's
// Prettier settings (so `npm run format:check` passes); rover's output differs only in formatting.
/* global fetch -- Node 22+ has it; ESLint's defaults for .mjs files do not know it */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { composeServices } from "@apollo/composition";
import { parse as parseGraphQL } from "graphql";
import * as prettier from "prettier";
import { parse as parseYaml } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_CONFIG = join(here, "supergraph.yaml");
const DEFAULT_OUTPUT = join(here, "supergraph.graphql");

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values: options } = parseArgs({
  options: {
    config: { type: "string" },
    output: { type: "string" },
    check: { type: "boolean", default: false },
  },
});
const configFile = resolve(options.config ?? DEFAULT_CONFIG);
// The default config writes its committed supergraph; another config prints to stdout unless told.
const target = options.output ? resolve(options.output) : options.config ? null : DEFAULT_OUTPUT;

let config;
try {
  config = parseYaml(readFileSync(configFile, "utf8"));
} catch (error) {
  fail(`${configFile}: cannot read the supergraph config: ${error.message}`);
}

const composition = createRequire(import.meta.url)("@apollo/composition/package.json").version;
const federationVersion = String(config?.federation_version ?? "");
if (federationVersion !== `=${composition}` && federationVersion !== "2") {
  fail(
    `${configFile}: federation_version is "${federationVersion}", but this script composes with @apollo/composition ${composition}; set federation_version: =${composition}`,
  );
}

/** `${env.NAME}` replaced by the variable's value, as rover expands its config. */
function expandEnv(value, where) {
  return String(value).replace(/\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name) => {
    const found = process.env[name];
    if (found === undefined) fail(`${configFile}: ${where} uses \${env.${name}}, which is not set`);
    return found;
  });
}

async function sdlOf(name, schema) {
  const where = `subgraphs.${name}.schema`;
  if (typeof schema?.file === "string") {
    const file = resolve(dirname(configFile), schema.file);
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      fail(`${configFile}: ${where}.file: cannot read ${file} (${error.code ?? error.message})`);
    }
  }
  if (typeof schema?.subgraph_url === "string") {
    const headers = { "content-type": "application/json" };
    for (const [header, value] of Object.entries(schema.introspection_headers ?? {})) {
      headers[header] = expandEnv(value, `${where}.introspection_headers.${header}`);
    }
    let body;
    try {
      const response = await fetch(schema.subgraph_url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: "query SubgraphSdl { _service { sdl } }" }),
      });
      body = await response.json();
    } catch (error) {
      fail(
        `${configFile}: ${where}.subgraph_url: cannot fetch ${schema.subgraph_url}: ${error.cause?.message ?? error.message}`,
      );
    }
    const sdl = body?.data?._service?.sdl;
    if (typeof sdl !== "string") {
      const errors = (body?.errors ?? []).map(e => e.message).join("; ");
      fail(
        `${configFile}: ${where}.subgraph_url: ${schema.subgraph_url} returned no _service.sdl${errors ? `: ${errors}` : ""}`,
      );
    }
    return sdl;
  }
  return fail(`${configFile}: ${where} needs a file or a subgraph_url`);
}

const subgraphs = [];
for (const [name, subgraph] of Object.entries(config?.subgraphs ?? {})) {
  const url = subgraph?.routing_url ?? subgraph?.schema?.subgraph_url;
  if (typeof url !== "string") fail(`${configFile}: subgraphs.${name}.routing_url is required`);
  subgraphs.push({ name, url, typeDefs: parseGraphQL(await sdlOf(name, subgraph.schema)) });
}
if (subgraphs.length === 0) fail(`${configFile}: no subgraphs`);

const composed = composeServices(subgraphs);
if (composed.errors) {
  fail(`composition failed:\n${composed.errors.map(e => `  - ${e.message}`).join("\n")}`);
}
const sdl = await prettier.format(composed.supergraphSdl, {
  ...(await prettier.resolveConfig(target ?? configFile)),
  parser: "graphql",
});

if (options.check) {
  const checked = target ?? DEFAULT_OUTPUT;
  let committed = "";
  try {
    committed = readFileSync(checked, "utf8");
  } catch {
    // missing: stale
  }
  if (committed !== sdl) fail(`${checked} is stale: run \`node ops/router/compose-supergraph.mjs\``);
} else if (target) {
  writeFileSync(target, sdl);
  process.stdout.write(`wrote ${target}\n`);
} else {
  process.stdout.write(sdl);
}
