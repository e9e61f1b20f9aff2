/**
 * Prometheus metrics (prom-client), on a registry of the service's own (no global state): request
 * count and duration by operation name and outcome, plus the process metrics prom-client collects
 * (event-loop lag among them: `nodejs_eventloop_lag_seconds` and its percentiles, so a stall shows).
 *
 * Operation names come from clients, so the label is safe by construction: the HTTP layer passes
 * only names of operations that parsed and validated; a name is cut to `MAX_LABEL_CHARS`; and the
 * label takes at most `maxOperations` distinct names, later ones counted as "other".
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

import { truncate } from "../common/text";

export type Outcome = "success" | "client_error" | "server_error" | "aborted";

/** Longest operation name kept as a label (and in logs); longer ones are cut and marked with "…". */
export const MAX_LABEL_CHARS = 64;

/** An operation name, cut to MAX_LABEL_CHARS. */
export const capName = (name: string): string => truncate(name, MAX_LABEL_CHARS);

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"operation" | "outcome">;
  private readonly duration: Histogram<"operation" | "outcome">;
  private readonly operations = new Set<string>();
  private readonly fallbacks: Counter<"operation" | "reason">;

  constructor(private readonly maxOperations = 100) {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "graphql_requests_total",
      help: "GraphQL requests, by operation name and outcome.",
      labelNames: ["operation", "outcome"],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its response, by operation name and outcome.",
      labelNames: ["operation", "outcome"],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.fallbacks = new Counter({
      name: "graphql_jit_fallbacks_total",
      help: "Executions by graphql-js instead of graphql-jit, by operation name and reason: uncompiled (graphql-jit cannot compile it alike), errors (the compiled execution met errors and graphql-js answered) or variables.",
      labelNames: ["operation", "reason"],
      registers: [this.registry],
    });
  }

  /** The label for an operation name, within the cardinality bound. */
  private label(operation: string | null): string {
    const name = operation === null ? "anonymous" : capName(operation);
    if (this.operations.has(name)) return name;
    if (this.operations.size >= this.maxOperations) return "other";
    this.operations.add(name);
    return name;
  }

  observe(operation: string | null, outcome: Outcome, seconds: number): void {
    const labels = { operation: this.label(operation), outcome };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** One execution by graphql-js instead of graphql-jit (see src/graphql/execution/compiled-executor.ts). */
  countFallback(operation: string | null, reason: string): void {
    this.fallbacks.inc({ operation: this.label(operation), reason });
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
