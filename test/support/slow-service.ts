/**
 * The real service process (src/process.ts) over the real seed, except that listing countries
 * takes SLOW_MS milliseconds (default 1500): a slow in-flight request for the shutdown tests; and
 * listing cities keeps the process busy (the event loop blocked) for BUSY_MS (default 0). It writes
 * a line to stderr when such a request starts.
 * `npm run build` compiles it to dist/test/support/slow-service.js; test/http/shutdown.test.ts runs it.
 */
import "reflect-metadata";

import type { NodeTypename } from "../../src/domain/records";
import { runService } from "../../src/process";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import type {
  CitingQuery,
  GraphRepository,
  ListFilterKey,
  ListQuery,
  SearchQuery,
} from "../../src/repository/repository";
import { loadSeed } from "../../src/seed/seed.loader";

/**
 * Wraps a repository; `list("Country", …)` answers with a Promise that settles after `delayMs`;
 * `list("City", …)` blocks the process for `busyMs` before answering.
 */
class SlowCountries implements GraphRepository {
  constructor(
    private readonly inner: GraphRepository,
    private readonly delayMs: number,
    private readonly busyMs: number,
  ) {}

  list<K extends NodeTypename>(type: K, queries: ReadonlyArray<ListQuery<K>>) {
    if (type === "City" && this.busyMs > 0) {
      process.stderr.write(`slow-service: busy for ${this.busyMs} ms\n`);
      const until = Date.now() + this.busyMs;
      while (Date.now() < until) {
        // The event loop stays blocked: nothing else runs, incoming bytes wait in the socket.
      }
      return this.inner.list(type, queries);
    }
    if (type !== "Country") return this.inner.list(type, queries);
    // Tells the tests the request is in flight (stderr, apart from the JSON log on stdout).
    process.stderr.write(`slow-service: listing countries, answering in ${this.delayMs} ms\n`);
    const delay = new Promise<void>(resolve => setTimeout(resolve, this.delayMs));
    return delay.then(() => this.inner.list(type, queries));
  }

  getMany<K extends NodeTypename>(type: K, ids: readonly string[]) {
    return this.inner.getMany(type, ids);
  }

  nodes(ids: readonly string[]) {
    return this.inner.nodes(ids);
  }

  countriesByCode(codes: readonly string[]) {
    return this.inner.countriesByCode(codes);
  }

  citing(queries: readonly CitingQuery[]) {
    return this.inner.citing(queries);
  }

  search(query: SearchQuery) {
    return this.inner.search(query);
  }

  largestList<K extends NodeTypename>(type: K, filterKey: ListFilterKey<K> | null) {
    return this.inner.largestList(type, filterKey);
  }

  largestCiting() {
    return this.inner.largestCiting();
  }
}

function milliseconds(name: string, fallback: string): number {
  const value = process.env[name] ?? fallback;
  if (!/^\d+$/.test(value)) {
    process.stderr.write(`${name} must be a whole number of milliseconds, got "${value}"\n`);
    process.exit(1);
  }
  return Number(value);
}
const slowMs = milliseconds("SLOW_MS", "1500");
const busyMs = milliseconds("BUSY_MS", "0");

runService({
  repository: config =>
    new SlowCountries(new InMemoryRepository(loadSeed({ seedDir: config.seedDir })), slowMs, busyMs),
}).catch((error: unknown) => {
  process.stderr.write(`slow-service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
