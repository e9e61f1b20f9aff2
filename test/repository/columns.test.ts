/**
 * Records as columns (src/repository/in-memory/columns.ts), through V8's serialisation as the
 * image uses them: decoding gives back records equal to the encoded ones, keys in the same order,
 * each string once, shared values still shared.
 */
import { deserialize, serialize } from "node:v8";

import {
  decodeGroup,
  type EncodedGroup,
  encodeGroup,
  StringTable,
  stringColumn,
} from "../../src/repository/in-memory/columns";

const shared = Object.freeze([1, 2]);
const records = [
  { id: "a:1", name: "Astana", capital: null, aliases: ["A", "Ak"], size: 3, flag: true, mask: shared, own: "x" },
  { id: "a:2", name: "Amman", capital: "a:1", aliases: [], size: 0.5, flag: false, mask: shared, own: "y" },
  { id: "a:3", name: "Astana", capital: "a:1", aliases: ["A"], size: -1, flag: false, mask: [3], own: "z" },
];

/** `records` encoded, serialised and deserialised, with the string table. */
function roundTrip(rows: readonly object[], own: readonly string[] = ["own"]): [EncodedGroup, string[]] {
  const strings = new StringTable();
  const group = encodeGroup("city", rows, strings, own);
  return deserialize(serialize([group, strings.values])) as [EncodedGroup, string[]];
}

describe("records as columns", () => {
  test("decode to records equal to the encoded ones, keys in their order, own keys from the caller", () => {
    const [group, strings] = roundTrip(records);
    const decoded = decodeGroup(group, strings, { own: i => `own ${i}` });
    expect(decoded).toEqual(records.map((record, i) => ({ ...record, own: `own ${i}` })));
    expect(decoded.map(record => Object.keys(record))).toEqual(records.map(record => Object.keys(record)));
    expect(stringColumn(group, "capital", strings)).toEqual([null, "a:1", "a:1"]);
  });

  test("hold each string once, and decode a shared value, and every empty list of strings, to one object", () => {
    const [group, strings] = roundTrip(records);
    expect(strings).toEqual(["a:1", "a:2", "a:3", "Astana", "Amman", "A", "Ak"]);
    const decoded = decodeGroup(group, strings, { own: () => null }) as Array<(typeof records)[number]>;
    const [first, second, third] = decoded as [(typeof records)[0], (typeof records)[0], (typeof records)[0]];
    expect(first.mask).toBe(second.mask);
    expect(Object.isFrozen(second.aliases)).toBe(true);
    const empty = decodeGroup(group, strings, { own: () => null }) as Array<(typeof records)[number]>;
    expect(empty[1]?.aliases).toBe(second.aliases);
    expect(third.mask).toEqual([3]);
  });

  test("keep keys that are not identifiers, quoted as they are", () => {
    const odd = [{ 'a"b': "1", "c\u2028d": ["2"], "": 3, "x\\": null }];
    const [group, strings] = roundTrip(odd, []);
    expect(decodeGroup(group, strings, {})).toEqual(odd);
  });

  test("refuse records of different shapes, and a group whose own keys have no decoder", () => {
    expect(() =>
      encodeGroup(
        "city",
        [
          { id: "a", name: "b" },
          { name: "b", id: "a" },
        ],
        new StringTable(),
        [],
      ),
    ).toThrow("city 1 has the keys name, id, not id, name");
    const [group, strings] = roundTrip(records);
    expect(() => decodeGroup(group, strings, {})).toThrow("no decoder for the keys own");
  });

  test("an empty group decodes to no records and empty columns", () => {
    const [group, strings] = roundTrip([]);
    expect([decodeGroup(group, strings, {}), stringColumn(group, "id", strings)]).toEqual([[], []]);
  });
});
