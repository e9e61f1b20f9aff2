/**
 * `releaseMemory` (src/common/heap.ts), which the service runs once after decoding the graph: it
 * frees what nothing holds any more (here, a large buffer) without `--expose-gc`, and leaves no
 * `gc` behind it in new contexts.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { runInNewContext } from "node:vm";

import { releaseMemory } from "../../src/common/heap";

/** A weak reference to a 64 MB buffer that nothing else holds. */
function dropped(): WeakRef<ArrayBuffer> {
  return new WeakRef(new ArrayBuffer(64 * 2 ** 20));
}

describe("releaseMemory", () => {
  test("collects a large buffer nothing holds, and exposes no gc() to contexts created afterwards", async () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
    const buffer = dropped();
    // A weak reference keeps its target alive until the end of the job that created it.
    await nextTurn();
    releaseMemory();
    expect(buffer.deref()).toBeUndefined();
    expect(runInNewContext("typeof gc")).toBe("undefined");
  });
});
