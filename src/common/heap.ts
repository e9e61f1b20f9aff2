/**
 * Memory back to the operating system after a large, short-lived allocation. Used once per start,
 * after the graph is decoded (src/app.ts): the image's bytes (287 MB at ×10,000) stay allocated
 * until V8 next collects garbage, which an idle service may not do for a long time, and the heap
 * pages the decode left free stay resident in V8's page pool. The collection V8 runs under memory
 * pressure frees both, in about 1 s at ×10,000 (`npm run bench:scale` reports it as "release"):
 * measured when it was added, 1,870 → 1,034 B of RSS per record.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** V8's `gc()` (the one `--expose-gc` gives), taking its options object. */
type Collect = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/** Collects all garbage, compacts the heap and unmaps the pages it no longer needs. */
export function releaseMemory(): void {
  collector()({ type: "major", execution: "sync", flavor: "last-resort" });
}

/**
 * The process's `gc()` when Node runs with `--expose-gc`; otherwise V8's, from a context created
 * while the flag is briefly on (the way Node's documentation shows flags set at run time).
 */
function collector(): Collect {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return exposed as Collect;
  setFlagsFromString("--expose-gc");
  try {
    return runInNewContext("gc") as Collect;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}
