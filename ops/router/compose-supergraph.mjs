// Composes ops/router/supergraph.graphql, the supergraph schema the router container serves, from
// ops/router/supergraph.yaml (rover's config format: each subgraph's routing_url and schema file)
// with @apollo/composition — the same composition rover runs, without rover or network access.
//
//   node ops/router/compose-supergraph.mjs           writes ops/router/supergraph.graphql
//   node ops/router/compose-supergraph.mjs --check   exits 1 when the committed file is stale
//
// Run `npm run schema` first when the schema changed, then this; test/ops/compose.test.ts fails
// while the committed supergraph is stale. The output is formatted with the project's Prettier
// settings (so `npm run format:check` passes); rover's output for the same config differs only in
// formatting:
//   rover supergraph compose --config ops/router/supergraph.yaml > ops/router/supergraph.graphql
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

import { composeServices } from "@apollo/composition";
import { parse as parseGraphQL } from "graphql";
import * as prettier from "prettier";
import { parse as parseYaml } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const configFile = join(here, "supergraph.yaml");
const target = join(here, "supergraph.graphql");

const config = parseYaml(readFileSync(configFile, "utf8"));
const subgraphs = Object.entries(config.subgraphs ?? {}).map(([name, subgraph]) => {
  if (!subgraph?.schema?.file) {
    throw new Error(`${configFile}: subgraphs.${name}.schema.file is required (no introspection here)`);
  }
  // rover resolves schema files relative to the config file.
  const typeDefs = parseGraphQL(readFileSync(join(here, subgraph.schema.file), "utf8"));
  return { name, url: subgraph.routing_url, typeDefs };
});

const composed = composeServices(subgraphs);
if (composed.errors) {
  process.stderr.write(`composition failed:\n${composed.errors.map(e => `  - ${e.message}`).join("\n")}\n`);
  process.exit(1);
}
const sdl = await prettier.format(composed.supergraphSdl, {
  ...(await prettier.resolveConfig(target)),
  parser: "graphql",
});

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // missing: stale
  }
  if (committed !== sdl) {
    process.stderr.write(`${target} is stale: run \`node ops/router/compose-supergraph.mjs\`\n`);
    process.exit(1);
  }
} else {
  writeFileSync(target, sdl);
  process.stdout.write(`wrote ${target}\n`);
}
