/**
 * Records as columns, for the repository's image (./image.ts): a group of records of one shape (a
 * type's, or all meetings' formats) becomes one column per key, and is decoded back into objects
 * built whole by one function made for the group's keys.
 *
 * Why columns: V8's deserialiser rebuilds an object key by key (a map transition each, the keys
 * past the fourth in a separate property array), and makes a new string for every occurrence of a
 * string. A column of strings is one `Int32Array` of numbers into a table that holds each distinct
 * string once, so decoded records share their strings (ids are referred to many times), and a
 * record built by an object literal holds all its keys in the object itself. Decoding costs an
 * array read per key and record.
 */

/** How a key's values are encoded. */
const enum Kind {
  /** A string or null in every record: an `Int32Array` of numbers in the string table (−1: null). */
  String = 0,
  /** A list of strings in every record: runs of numbers in the string table (`Runs`). */
  Strings = 1,
  /** Anything else (numbers, booleans, shared lists and objects): the values as they are. */
  Value = 2,
  /** A key the caller encodes and decodes itself (the group's `own` keys): no column. */
  Own = 3,
}

/** Runs of numbers: item i's are items[offsets[i]] to items[offsets[i + 1]]. */
export interface Runs {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

export interface EncodedGroup {
  readonly size: number;
  /** The records' keys, in their order (every record of a group has the same keys). */
  readonly keys: readonly string[];
  readonly kinds: readonly Kind[];
  /** Per key, as its kind says (null for `Own`). */
  readonly columns: ReadonlyArray<Int32Array | Runs | readonly unknown[] | null>;
}

/** Each distinct string once, by number. */
export class StringTable {
  private readonly numbers = new Map<string, number>();
  readonly values: string[] = [];

  number(value: string): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.numbers.set(value, number);
    }
    return number;
  }
}

/** Runs of numbers from lists of them. */
export function runsOf(lists: Iterable<Iterable<number>>): Runs {
  const offsets: number[] = [0];
  const items: number[] = [];
  for (const list of lists) {
    for (const item of list) items.push(item);
    offsets.push(items.length);
  }
  return { offsets: Int32Array.from(offsets), items: Int32Array.from(items) };
}

/** Item i's run of `runs`, each number looked up in `table`. */
export function runItems<T>(runs: Runs, i: number, table: readonly T[]): T[] {
  const from = runs.offsets[i] as number;
  const to = runs.offsets[i + 1] as number;
  const out = new Array<T>(to - from);
  for (let at = from; at < to; at++) out[at - from] = table[runs.items[at] as number] as T;
  return out;
}

/**
 * The columns of `records`, which must all have the same keys (`group` names them in the error);
 * the `own` keys are left to the caller.
 */
export function encodeGroup(
  group: string,
  records: readonly object[],
  strings: StringTable,
  own: readonly string[],
): EncodedGroup {
  const rows = records as ReadonlyArray<Readonly<Record<string, unknown>>>;
  const keys = rows[0] ? Object.keys(rows[0]) : [];
  const shape = keys.join("\u0000");
  rows.forEach((row, i) => {
    if (Object.keys(row).join("\u0000") !== shape) {
      throw new Error(`${group} ${i} has the keys ${Object.keys(row).join(", ")}, not ${keys.join(", ")}`);
    }
  });
  const values = (key: string) => rows.map(row => row[key]);
  const kinds = keys.map(key => {
    if (own.includes(key)) return Kind.Own;
    const column = values(key);
    if (column.every(value => typeof value === "string" || value === null)) return Kind.String;
    if (column.every(value => Array.isArray(value) && value.every(item => typeof item === "string"))) {
      return Kind.Strings;
    }
    return Kind.Value;
  });
  const columns = keys.map((key, j) => {
    const column = values(key);
    switch (kinds[j]) {
      case Kind.String:
        return Int32Array.from(column, value => (value === null ? -1 : strings.number(value as string)));
      case Kind.Strings:
        return runsOf((column as ReadonlyArray<readonly string[]>).map(list => list.map(s => strings.number(s))));
      case Kind.Value:
        return column;
      default:
        return null;
    }
  });
  return { size: rows.length, keys, kinds, columns };
}

/** No strings: every empty list of strings of the decoded records (one object instead of one each). */
const NONE: readonly string[] = Object.freeze([]);

/**
 * The records of `group`, each built whole; `own` gives record i's value of each own key. No
 * column is kept.
 */
export function decodeGroup(
  { size, keys, kinds, columns }: EncodedGroup,
  strings: readonly string[],
  own: Readonly<Record<string, (i: number) => unknown>>,
): object[] {
  const list = (runs: Runs, i: number): readonly string[] =>
    runs.offsets[i] === runs.offsets[i + 1] ? NONE : runItems(runs, i, strings);
  const ownValues = keys.map(key => own[key] ?? null);
  const missing = keys.filter((key, j) => kinds[j] === Kind.Own && ownValues[j] === null);
  if (missing.length > 0) throw new Error(`no decoder for the keys ${missing.join(", ")}`);
  // One function per group, made for its keys: an object literal gets every key in the object.
  const fields = keys.map((key, j) => {
    const name = JSON.stringify(key);
    switch (kinds[j]) {
      case Kind.String:
        return `${name}: C[${j}][i] < 0 ? null : S[C[${j}][i]]`;
      case Kind.Strings:
        return `${name}: list(C[${j}], i)`;
      case Kind.Value:
        return `${name}: C[${j}][i]`;
      default:
        return `${name}: O[${j}](i)`;
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are the image's own (checksummed, encoded by this service), quoted by JSON.stringify
  const make = new Function("S", "C", "O", "list", "i", `return { ${fields.join(", ")} };`) as (
    S: readonly string[],
    C: typeof columns,
    O: typeof ownValues,
    L: typeof list,
    i: number,
  ) => object;
  const records = new Array<object>(size);
  for (let i = 0; i < size; i++) records[i] = make(strings, columns, ownValues, list, i);
  return records;
}

/** The values of a `String` key of `group` (to read before its records are built). */
export function stringColumn(group: EncodedGroup, key: string, strings: readonly string[]): Array<string | null> {
  if (group.size === 0) return [];
  const j = group.keys.indexOf(key);
  const column = group.columns[j];
  if (group.kinds[j] !== Kind.String || !ArrayBuffer.isView(column)) {
    throw new Error(`${key} is not a column of strings`);
  }
  return Array.from(column, number => (number < 0 ? null : (strings[number] as string)));
}
