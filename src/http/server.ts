/**
 * The HTTP layer, assembled: a `node:http` server (./listener.ts: connection limits, request ids, log
 * lines, metrics samples) that routes requests (./routes.ts: GraphQL through Apollo Server's
 * integration API, the IDE, health and metrics endpoints) to the service's Apollo Server
 * (./apollo.ts), an optional metrics server on a port of its own, and a graceful stop (./shutdown.ts).
 */
import type { Server } from "node:http";

import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import type { Config } from "../config/config";
import type { GraphRepository } from "../repository/repository";
import { createApollo } from "./apollo";
import { renderIde } from "./ide";
import { InFlight, startListener } from "./listener";
import { Metrics } from "./metrics";
import { startMetricsServer } from "./metrics-endpoint";
import { createRequestHandler, GRAPHQL_PATH } from "./routes";
import { gracefulStop } from "./shutdown";

export { createApollo } from "./apollo";
export { GRAPHQL_PATH } from "./routes";

export interface RunningService {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** Where `/metrics` is served on a port of its own (METRICS_PORT), else null. */
  readonly metricsUrl: string | null;
  readonly server: Server;
  readonly metrics: Metrics;
  /** Stops accepting connections, lets in-flight requests finish (within the grace period), stops Apollo. */
  stop(): Promise<void>;
}

export interface ServiceParts {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  /**
   * The graph, or its load still under way: the listener opens at once; until the promise settles
   * `/health/ready` answers 503 "loading" and GraphQL 503 SERVICE_UNAVAILABLE with `Retry-After`,
   * while `/health/live` answers 200. Whoever passes a promise handles its rejection.
   */
  readonly repository: GraphRepository | Promise<GraphRepository>;
  readonly logger: Logger;
}

export async function startService(parts: ServiceParts): Promise<RunningService> {
  const { config, logger } = parts;
  let repository: GraphRepository | null = null;
  Promise.resolve(parts.repository).then(
    loaded => (repository = loaded),
    () => undefined,
  );
  const ide = config.ide ? renderIde(GRAPHQL_PATH) : undefined;
  const apollo = createApollo({
    ...parts,
    ide,
    onFallback: (operation, reason) => metrics.countFallback(operation, reason),
  });
  await apollo.start();
  const metrics = new Metrics();
  const inFlight = new InFlight();
  const handle = createRequestHandler({
    config,
    apollo,
    metrics,
    ide,
    repository: () => repository,
    ready: () => inFlight.ready,
  });
  const { server, origin } = await startListener({ config, logger, metrics, inFlight, handle });
  const metricsServer =
    config.metrics.port === null
      ? null
      : await startMetricsServer(metrics, { ...config.metrics, port: config.metrics.port });
  const stop = gracefulStop({
    server,
    inFlight,
    graceMs: config.shutdownGraceMs,
    stopLast: () => Promise.all([apollo.stop(), metricsServer?.stop()]),
  });
  return { url: `${origin}${GRAPHQL_PATH}`, metricsUrl: metricsServer?.url ?? null, server, metrics, stop };
}
