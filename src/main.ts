/**
 * `npm start`: reads the configuration, loads the seed, serves GraphQL until SIGINT or SIGTERM
 * (see src/process.ts). Invalid configuration or seed data stops start-up with a message naming
 * what is wrong.
 */
import { runService } from "./process";

runService().catch((error: unknown) => {
  process.stderr.write(
    `bilateral-graph failed to start: ${error instanceof Error ? error.message || String(error) : String(error)}\n`,
  );
  process.exit(1);
});
