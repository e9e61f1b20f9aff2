/**
 * `npm run schema`: writes the client-facing schema (`schema.graphql`), generated from the code,
 * types and fields sorted. `npm test` fails when the committed file differs from what this writes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { PROJECT_ROOT } from "../config/config";

import { buildGraphSchema, printGraphSchema } from "../graphql/schema";

const target = join(PROJECT_ROOT, "schema.graphql");
writeFileSync(target, printGraphSchema(buildGraphSchema()));
process.stdout.write(`wrote ${target}\n`);
