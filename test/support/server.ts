import pino from "pino";

import { type App, startApp } from "../../src/app";
import { loadConfig } from "../../src/config/config";
import type { GraphRepository } from "../../src/repository/repository";
import { SEED_DIR } from "./harness";

/** Starts the real HTTP service on a free loopback port. */
export function startTestServer(env: Record<string, string> = {}, repository?: GraphRepository): Promise<App> {
  const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", SEED_DIR, ...env });
  return startApp(config, pino({ level: "silent" }), repository);
}
