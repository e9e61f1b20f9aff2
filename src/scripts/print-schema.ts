/**
 * `npm run schema`: writes the client-facing schema (`schema.graphql`) and the subgraph schema with
 * its federation directives (`subgraph.graphql`), both generated from the code and sorted.
 * `npm test` fails when a committed file differs from what this writes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { PROJECT_ROOT } from "../config/config";
import { buildSubgraph, printSubgraph } from "../graphql/federation";
import { buildGraphSchema, printGraphSchema } from "../graphql/schema";

const schema = buildGraphSchema();
const targets: Array<[string, string]> = [
  [join(PROJECT_ROOT, "schema.graphql"), printGraphSchema(schema)],
  [join(PROJECT_ROOT, "subgraph.graphql"), printSubgraph(buildSubgraph(schema))],
];
for (const [target, text] of targets) {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
