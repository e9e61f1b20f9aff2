import { Writable } from "node:stream";

import pino, { type Logger } from "pino";

import { type App, startApp } from "../../src/app";
import { loadConfig } from "../../src/config/config";
import type { GraphRepository } from "../../src/repository/repository";
import { SEED_DIR } from "./harness";

/** Starts the real HTTP service on a free loopback port. */
export function startTestServer(
  env: Record<string, string> = {},
  repository?: GraphRepository,
  logger: Logger = pino({ level: "silent" }),
): Promise<App> {
  const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", SEED_DIR, ...env });
  return startApp(config, logger, repository);
}

/** A pino logger that keeps its JSON lines, parsed, for assertions. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n"))
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}
