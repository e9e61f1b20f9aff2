/**
 * Lists of records by key, without an array per list: every list is a run of positions (indexes
 * into one array of records) in a single `Int32Array`. The in-memory repository keeps its orderings
 * and filter buckets this way. At ×10,000 they hold about 7 M entries in about 700,000 lists (a
 * bucket per area, meeting, actor…): arrays of records would cost 8 bytes per entry plus about 48
 * per list, runs cost 4 per entry. The keys are sorted, and a key's run is found by binary search
 * (about 20 string comparisons among 700,000 keys) rather than through a Map, which would cost
 * another 30–40 bytes per key and, restored from the repository's image (./image.ts), time to
 * rebuild: the runs are restored as they are stored.
 */
import { lowerBound } from "../../common/compare";

/**
 * The runs as data: key i's records are at positions[offsets[i]] to positions[offsets[i + 1]];
 * the keys are sorted (by UTF-16 code units, as `<` compares strings).
 */
export interface RunsState {
  readonly keys: readonly string[];
  readonly offsets: Int32Array;
  readonly positions: Int32Array;
}

export class RecordRuns<R> {
  /**
   * Per position, the run that holds it (−1: none), when no position is in two runs (a filter with
   * one key per record, such as a category); null when some is. Built on the first `membership`.
   */
  private runOfPosition: Int32Array | null | undefined;

  /** `state` over `records` (its positions index them). */
  constructor(
    private readonly records: readonly R[],
    private readonly data: RunsState,
  ) {}

  /** The runs of `lists` of positions in `records`, each in its order. */
  static fromPositions<R>(records: readonly R[], lists: ReadonlyMap<string, readonly number[]>): RecordRuns<R> {
    // Sorted by the engine's own string order (UTF-16 code units, as `<`), with no comparator to call.
    const keys = [...lists.keys()].sort();
    const offsets = new Int32Array(keys.length + 1);
    let total = 0;
    for (const list of lists.values()) total += list.length;
    const positions = new Int32Array(total);
    let at = 0;
    keys.forEach((key, run) => {
      const list = lists.get(key) as readonly number[];
      positions.set(list, at);
      at += list.length;
      offsets[run + 1] = at;
    });
    return new RecordRuns(records, { keys, offsets, positions });
  }

  state(): RunsState {
    return this.data;
  }

  keys(): readonly string[] {
    return this.data.keys;
  }

  /** How many records `key` has (0 for a key it does not hold). */
  size(key: string): number {
    const run = this.run(key);
    return run === undefined ? 0 : (this.data.offsets[run + 1] as number) - (this.data.offsets[run] as number);
  }

  /** The records of `key` from `start` (inclusive) to `end` (exclusive), clamped to its list. */
  slice(key: string, start: number, end: number): R[] {
    const run = this.run(key);
    if (run === undefined) return [];
    const { offsets, positions } = this.data;
    const from = offsets[run] as number;
    const to = Math.min(offsets[run + 1] as number, from + end);
    const out: R[] = [];
    for (let at = from + Math.max(0, start); at < to; at++) out.push(this.records[positions[at] as number] as R);
    return out;
  }

  /**
   * A test of whether the record at a position is in `key`'s list, one array read per call; null
   * when a record can be in several lists (then test the record itself).
   */
  membership(key: string): ((position: number) => boolean) | null {
    if (this.runOfPosition === undefined) this.runOfPosition = this.runsOfPositions();
    const runOf = this.runOfPosition;
    if (runOf === null) return null;
    const run = this.run(key) ?? -2;
    return position => runOf[position] === run;
  }

  /** The records of `key` that `keep` accepts (given each record and its position), in order. */
  select(key: string, keep: (record: R, position: number) => boolean): R[] {
    const run = this.run(key);
    if (run === undefined) return [];
    const { offsets, positions } = this.data;
    const out: R[] = [];
    for (let at = offsets[run] as number, to = offsets[run + 1] as number; at < to; at++) {
      const position = positions[at] as number;
      const record = this.records[position] as R;
      if (keep(record, position)) out.push(record);
    }
    return out;
  }

  /** The index of `key`'s run, or undefined. */
  private run(key: string): number | undefined {
    const { keys } = this.data;
    const at = lowerBound(keys, key);
    return keys[at] === key ? at : undefined;
  }

  private runsOfPositions(): Int32Array | null {
    const runOf = new Int32Array(this.records.length).fill(-1);
    const { offsets, positions } = this.data;
    for (let run = 0; run + 1 < offsets.length; run++) {
      for (let at = offsets[run] as number; at < (offsets[run + 1] as number); at++) {
        const position = positions[at] as number;
        if (runOf[position] !== -1) return null;
        runOf[position] = run;
      }
    }
    return runOf;
  }

  /** The size of the longest list (0 when there is none). */
  largest(): number {
    const { offsets } = this.data;
    let most = 0;
    for (let run = 0; run + 1 < offsets.length; run++) {
      most = Math.max(most, (offsets[run + 1] as number) - (offsets[run] as number));
    }
    return most;
  }
}
