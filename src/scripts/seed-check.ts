/**
 * `npm run seed:check [folder]`: validates a seed folder — by default `SEED_DIR`, else the
 * checkout's `seed/` — exactly as start-up does, without starting the server. Prints what it
 * loaded and exits 0, or prints every problem (`file: $.json.path: problem`) and exits 1.
 */
import "reflect-metadata";

import { join, resolve } from "node:path";

import { PROJECT_ROOT } from "../config/config";
import { SEED_COLLECTIONS } from "../seed/seed.dto";
import { loadSeed, SeedValidationError } from "../seed/seed.loader";

const given = process.argv[2] ?? process.env.SEED_DIR;
// `npm run` starts scripts in the project folder; a relative path is meant from where npm was run.
const seedDir = given ? resolve(process.env.INIT_CWD ?? process.cwd(), given) : join(PROJECT_ROOT, "seed");
try {
  const data = loadSeed({ seedDir });
  const counts = SEED_COLLECTIONS.filter(collection => data[collection].length > 0).map(
    collection => `${data[collection].length} ${collection}`,
  );
  process.stdout.write(`${seedDir} is valid: ${counts.join(", ")}\n`);
} catch (error) {
  if (!(error instanceof SeedValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
