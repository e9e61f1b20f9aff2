/**
 * RecordRuns (src/repository/in-memory/record-runs.ts): lists of records by key, held as runs of
 * positions. What it answers is what the lists it was built from answer.
 */
import { RecordRuns } from "../../src/repository/in-memory/record-runs";

interface Item {
  readonly id: string;
}
const a: Item = { id: "a" };
const b: Item = { id: "b" };
const c: Item = { id: "c" };
const d: Item = { id: "d" };
const e: Item = { id: "e" };
const records = [a, b, c, d, e];
const lists: ReadonlyArray<readonly [string, readonly Item[]]> = [
  ["vowels", [e, a]],
  ["none", []],
  ["all", [d, c, b, a, e]],
];
/** `lists` as positions in `records`. */
const positions = (from: ReadonlyArray<readonly [string, readonly Item[]]>) =>
  new Map(from.map(([key, list]) => [key, list.map(item => records.indexOf(item))]));
const ids = (list: ReadonlyArray<{ id: string }>) => list.map(record => record.id);

describe("RecordRuns", () => {
  const runs = RecordRuns.fromPositions(records, positions(lists));

  test("holds each list's records in its order, as positions in the records, its keys sorted", () => {
    expect(runs.keys()).toEqual(["all", "none", "vowels"]);
    expect(runs.state()).toEqual({
      keys: ["all", "none", "vowels"],
      offsets: Int32Array.from([0, 5, 5, 7]),
      positions: Int32Array.from([3, 2, 1, 0, 4, 4, 0]),
    });
    expect(lists.map(([key]) => [key, runs.size(key), ids(runs.slice(key, 0, runs.size(key)))])).toEqual([
      ["vowels", 2, ["e", "a"]],
      ["none", 0, []],
      ["all", 5, ["d", "c", "b", "a", "e"]],
    ]);
    expect(runs.largest()).toBe(5);
  });

  test("slices within a list, clamped to it; a key it does not hold has no records", () => {
    expect(ids(runs.slice("all", 1, 3))).toEqual(["c", "b"]);
    expect(ids(runs.slice("all", 3, 99))).toEqual(["a", "e"]);
    expect(ids(runs.slice("vowels", -1, 1))).toEqual(["e"]);
    expect(ids(runs.slice("all", 5, 9))).toEqual([]);
    expect([runs.size("consonants"), runs.slice("consonants", 0, 9), runs.select("consonants", () => true)]).toEqual([
      0,
      [],
      [],
    ]);
  });

  test("selects a list's records that a test accepts, in the list's order", () => {
    expect(ids(runs.select("all", record => record !== c && record !== a))).toEqual(["d", "b", "e"]);
    expect(ids(runs.select("all", (_, position) => position % 2 === 0))).toEqual(["c", "a", "e"]);
  });

  test("tests membership by position when no record is in two lists, and declines when one is", () => {
    const disjoint = RecordRuns.fromPositions(
      records,
      positions([
        ["vowels", [e, a]],
        ["consonants", [b, c, d]],
      ]),
    );
    const vowel = disjoint.membership("vowels");
    const other = disjoint.membership("digits");
    expect([records.map((_, at) => vowel?.(at)), records.map((_, at) => other?.(at))]).toEqual([
      [true, false, false, false, true],
      [false, false, false, false, false],
    ]);
    expect(runs.membership("vowels")).toBeNull();
  });

  test("restored from its state over the same records, answers the same", () => {
    const restored = new RecordRuns(records, runs.state());
    expect(lists.map(([key]) => ids(restored.slice(key, 0, 9)))).toEqual([["e", "a"], [], ["d", "c", "b", "a", "e"]]);
    expect(restored.largest()).toBe(5);
  });
});
