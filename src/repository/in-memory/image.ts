/**
 * The in-memory repository as bytes: its records and its indexes (`InMemoryIndexes`), so that a
 * repository is restored without validating, sorting or tokenising anything. What the bytes are
 * for: the warm-start snapshot (src/seed/snapshot.ts) and the hand-over of the graph from the loader
 * process, which builds the indexes outside the service's process (src/seed/load-worker.ts).
 *
 * One V8 serialisation (`node:v8`, the structured-clone format) of a compact form, because decoding
 * holds the main thread and its cost follows the objects and bytes it creates:
 *
 * - every string of the records (ids, names, texts, enum values, the ids a record refers to) and
 *   every index key is held once, in one table, and the records hold its number: decoded, all the
 *   uses of a string share one string (V8's deserialiser makes one per occurrence, and ids are
 *   referred to many times) — 1,072 → 849 B of V8 heap per record at ×10,000 — and there are
 *   fewer strings to deserialise;
 * - every list of records in an index (orderings, filter buckets, records citing a source) is a run
 *   of positions in one `Int32Array` per index, not an array of objects; the repository holds its
 *   orderings and buckets that way too (./record-runs.ts), so they are restored as they are;
 * - each distinct citation (records that quote the same words share one, as the loader built them)
 *   is stored once, as numbers: its source, its code-point offsets, and where its quote and its
 *   sentence lie in the source's text (UTF-16 offsets). Decoding slices them out of the text (V8
 *   keeps a slice as a view of the text, not a copy). Which citations each record (and meeting
 *   format) has is one run of citation numbers per record, all in one `Int32Array`.
 *   A citation whose quote or sentence is not found in its source's text keeps its strings.
 *
 * The bytes are only ever decoded by the service that encoded them (the snapshot's key names the
 * service version and V8's), after their checksum has been verified.
 */
import { deserialize, serialize } from "node:v8";

import { CodePoints } from "../../common/code-points";
import {
  type CitationRecord,
  type Evidenced,
  COLLECTIONS,
  type GraphData,
  type NodeRecord,
  NODE_TYPENAMES,
  type NodeTypename,
  type SourceRecord,
} from "../../domain/records";
import { type InMemoryIndexes, InMemoryRepository, type TypeIndexState } from "../in-memory.repository";
import type { RunsState } from "./record-runs";

/**
 * Keys with runs of positions (`RunsState`, its keys as numbers in `Image.strings`): key i has the
 * records at positions[offsets[i]] to positions[offsets[i + 1]].
 */
interface Runs {
  readonly keys: readonly number[];
  readonly offsets: Int32Array;
  readonly positions: Int32Array;
}

/** Per citation, in this order: source, start, end, quote from/to, sentence from/to (−1: strings kept). */
const CITATION_WIDTH = 7;

export interface Citations {
  readonly sourceIds: readonly string[];
  readonly numbers: Int32Array;
  /** The strings of the citations whose quote or sentence was not found in their source's text, by index. */
  readonly strings: ReadonlyMap<number, readonly [quote: string, sentence: string]>;
}

/**
 * A record (or meeting format) as encoded: without its citations (they are in `Image.cited`), and
 * with the values of its `GroupKeys` as numbers in `Image.strings`.
 */
type Encoded = Record<string, unknown>;

/**
 * The keys of a group of records (one type's, or all meetings' formats) whose values are encoded
 * as numbers in `Image.strings`: `one`, those whose value is a string (or null) in every record;
 * `many`, those whose value is a list of strings in every record. (Lists and objects that records
 * share, such as equal `supports`, stay shared: V8's serialisation keeps objects' identity.)
 */
interface GroupKeys {
  readonly one: readonly string[];
  readonly many: readonly string[];
}

/** The groups `GroupKeys` are kept for: each type, and the formats of meetings. */
const FORMATS = "formats";

interface Image {
  /** Every distinct string of the records and index keys, once; records and runs hold their numbers. */
  readonly strings: readonly string[];
  readonly groups: { readonly [group: string]: GroupKeys };
  readonly collections: { readonly [name: string]: readonly Encoded[] };
  readonly citations: Citations;
  /**
   * The citations of every record, in collection order, a meeting followed by its formats: run i
   * (offsets i to i + 1 of `positions`) holds the numbers of the i-th one's citations.
   */
  readonly cited: Runs;
  /** Each type's orderings and filter buckets, as the repository holds them (positions in the type's records). */
  readonly types: {
    readonly [K in NodeTypename]: { readonly sorted: Runs; readonly buckets: Readonly<Record<string, Runs>> };
  };
  /** The records citing each source (positions in the collections, in `COLLECTIONS` order). */
  readonly citing: Runs;
  readonly search: InMemoryIndexes["search"];
}

const collectionsOf = (data: GraphData): ReadonlyArray<readonly NodeRecord[]> =>
  NODE_TYPENAMES.map(type => data[COLLECTIONS[type]] as readonly NodeRecord[]);

/** The repository's records and indexes, as bytes. */
export function encodeImage(repository: InMemoryRepository): Buffer {
  const { data } = repository;
  const indexes = repository.indexes();
  const strings = new StringTable();
  const position = new Map<NodeRecord, number>();
  for (const list of collectionsOf(data)) for (const record of list) position.set(record, position.size);
  const runs = (entries: Iterable<readonly [string, readonly NodeRecord[]]>): Runs => {
    const keys: number[] = [];
    const offsets: number[] = [0];
    const positions: number[] = [];
    for (const [key, records] of entries) {
      keys.push(strings.number(key));
      for (const record of records) {
        const at = position.get(record);
        if (at === undefined) throw new Error(`an index of ${key} holds a record that is not in the graph`);
        positions.push(at);
      }
      offsets.push(positions.length);
    }
    return { keys, offsets: Int32Array.from(offsets), positions: Int32Array.from(positions) };
  };
  const types = Object.fromEntries(
    NODE_TYPENAMES.map(type => {
      const { sorted, buckets } = indexes.types[type];
      const typeRuns = ({ keys, offsets, positions }: RunsState): Runs => ({
        keys: keys.map(key => strings.number(key)),
        offsets,
        positions,
      });
      return [
        type,
        {
          sorted: typeRuns(sorted),
          buckets: Object.fromEntries(Object.entries(buckets).map(([field, runs]) => [field, typeRuns(runs)])),
        },
      ];
    }),
  ) as unknown as Image["types"];

  const citations = new CitationTable(data.sources);
  const citedOffsets: number[] = [0];
  const cited: number[] = [];
  const encode = (record: Evidenced, keys: GroupKeys): Encoded => {
    const { citations: own, ...rest } = record as Evidenced & Encoded;
    for (const citation of own) cited.push(citations.add(citation));
    citedOffsets.push(cited.length);
    for (const key of keys.one) rest[key] = rest[key] === null ? -1 : strings.number(rest[key] as string);
    for (const key of keys.many) rest[key] = (rest[key] as readonly string[]).map(value => strings.number(value));
    return rest;
  };
  const meetings = data[COLLECTIONS.Meeting];
  const groups: Record<string, GroupKeys> = {
    [FORMATS]: groupKeysOf(meetings.flatMap(meeting => meeting.formats)),
  };
  const collections = Object.fromEntries(
    NODE_TYPENAMES.map(type => {
      const records = data[COLLECTIONS[type]] as readonly NodeRecord[];
      const keys = (groups[type] = groupKeysOf(records));
      const formats = groups[FORMATS] as GroupKeys;
      return [
        COLLECTIONS[type],
        records.map(record => {
          const encoded = encode(record, keys);
          if (record.__typename === "Meeting") encoded.formats = record.formats.map(format => encode(format, formats));
          return encoded;
        }),
      ];
    }),
  );
  const image: Image = {
    strings: strings.values,
    groups,
    collections,
    citations: citations.table(),
    cited: { keys: [], offsets: Int32Array.from(citedOffsets), positions: Int32Array.from(cited) },
    types,
    citing: runs(indexes.citingBySource),
    search: indexes.search,
  };
  return serialize(image);
}

/** The repository `encodeImage` encoded. */
export function decodeImage(bytes: Uint8Array): InMemoryRepository {
  const image = deserialize(bytes) as Image;
  const { strings } = image;
  const data: Record<string, NodeRecord[]> = {};
  for (const type of NODE_TYPENAMES) {
    const list = (image.collections[COLLECTIONS[type]] ?? []) as Encoded[];
    restoreStrings(list, image.groups[type], strings);
    if (type === "Meeting") {
      const formats = image.groups[FORMATS];
      for (const meeting of list) restoreStrings(meeting.formats as Encoded[], formats, strings);
    }
    data[COLLECTIONS[type]] = list as unknown as NodeRecord[];
  }
  const texts = new Map<string, string>();
  for (const source of data[COLLECTIONS.Source] as SourceRecord[]) texts.set(source.id, source.text);
  const citations = decodeCitations(image.citations, texts);
  const { offsets: citedOffsets, positions: cited } = image.cited;
  let run = 0;
  const decode = (record: { citations?: readonly CitationRecord[] }): void => {
    const from = citedOffsets[run] as number;
    const to = citedOffsets[++run] as number;
    const own = new Array<CitationRecord>(to - from);
    for (let at = from; at < to; at++) own[at - from] = citations[cited[at] as number] as CitationRecord;
    record.citations = own;
  };
  const all: NodeRecord[] = [];
  for (const type of NODE_TYPENAMES) {
    for (const record of data[COLLECTIONS[type]] as NodeRecord[]) {
      decode(record);
      if (record.__typename === "Meeting") for (const format of record.formats) decode(format);
      all.push(record);
    }
  }
  const records = ({ keys, offsets, positions }: Runs): Map<string, NodeRecord[]> => {
    const map = new Map<string, NodeRecord[]>();
    keys.forEach((key, i) => {
      const to = offsets[i + 1] as number;
      const list = new Array<NodeRecord>(to - (offsets[i] as number));
      for (let at = offsets[i] as number, j = 0; at < to; at++, j++)
        list[j] = all[positions[at] as number] as NodeRecord;
      map.set(strings[key] as string, list);
    });
    return map;
  };
  const types = Object.fromEntries(
    NODE_TYPENAMES.map(type => {
      const { sorted, buckets } = image.types[type];
      const typeRuns = ({ keys, offsets, positions }: Runs): RunsState => ({
        keys: keys.map(key => strings[key] as string),
        offsets: offsets.slice(),
        positions: positions.slice(),
      });
      const state: TypeIndexState = {
        sorted: typeRuns(sorted),
        buckets: Object.fromEntries(Object.entries(buckets).map(([field, runs]) => [field, typeRuns(runs)])),
      };
      return [type, state];
    }),
  ) as unknown as InMemoryIndexes["types"];
  const indexes: InMemoryIndexes = { types, citingBySource: records(image.citing), search: owned(image.search) };
  return new InMemoryRepository(data as unknown as GraphData, indexes);
}

/** Each distinct string once, by number. */
class StringTable {
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

/** The `GroupKeys` of a group of records: which keys (of its first record) hold strings, or lists of strings, in all of them. */
function groupKeysOf(records: ReadonlyArray<object>): GroupKeys {
  const first = records[0];
  if (first === undefined) return { one: [], many: [] };
  const all = (key: string, holds: (value: unknown) => boolean): boolean =>
    records.every(record => Object.hasOwn(record, key) && holds((record as Encoded)[key]));
  const keys = Object.keys(first).filter(key => key !== "citations" && key !== FORMATS);
  return {
    one: keys.filter(key => all(key, value => typeof value === "string" || value === null)),
    many: keys.filter(key => all(key, value => Array.isArray(value) && value.every(item => typeof item === "string"))),
  };
}

/** No strings: every empty list of strings of the decoded records (one object instead of one each). */
const NONE: readonly string[] = Object.freeze([]);

/** The strings of decoded records back in place of their numbers (see `Encoded`). */
function restoreStrings(records: Encoded[], keys: GroupKeys | undefined, strings: readonly string[]): void {
  if (keys === undefined) return;
  const { one, many } = keys;
  for (const record of records) {
    for (const key of one) {
      const number = record[key] as number;
      record[key] = number < 0 ? null : strings[number];
    }
    for (const key of many) {
      const list = record[key] as unknown[];
      if (list.length === 0) record[key] = NONE;
      else for (let i = 0; i < list.length; i++) list[i] = strings[list[i] as number];
    }
  }
}

/**
 * The search index's arrays copied out of the bytes: Node's deserialiser makes typed arrays views
 * of the bytes they were read from, which would keep the whole image alive (and in RSS) with them.
 */
function owned(state: InMemoryIndexes["search"]): InMemoryIndexes["search"] {
  const copies = Object.entries(state).map(([name, value]: [string, unknown]) => [
    name,
    ArrayBuffer.isView(value) ? (value as Uint8Array).slice() : value,
  ]);
  return Object.fromEntries(copies) as InMemoryIndexes["search"];
}

/** The distinct citations of a graph, by identity, each as numbers into its source's text. */
export class CitationTable {
  private readonly indexes = new Map<CitationRecord, number>();
  private readonly sourceIndexes = new Map<string, number>();
  private readonly sourceIds: string[] = [];
  private readonly numbers: number[] = [];
  private readonly strings = new Map<number, readonly [string, string]>();
  private readonly texts = new Map<string, CodePoints>();

  constructor(sources: readonly SourceRecord[]) {
    for (const source of sources) this.texts.set(source.id, new CodePoints(source.text));
  }

  /** The citation's number (the same for the same object). */
  add(citation: CitationRecord): number {
    let index = this.indexes.get(citation);
    if (index !== undefined) return index;
    index = this.indexes.size;
    this.indexes.set(citation, index);
    let source = this.sourceIndexes.get(citation.sourceId);
    if (source === undefined) {
      source = this.sourceIds.length;
      this.sourceIds.push(citation.sourceId);
      this.sourceIndexes.set(citation.sourceId, source);
    }
    const spans = this.spans(citation);
    if (spans === null) this.strings.set(index, [citation.quote, citation.sentence]);
    this.numbers.push(source, citation.start, citation.end, ...(spans ?? [-1, -1, -1, -1]));
    return index;
  }

  table(): Citations {
    return { sourceIds: this.sourceIds, numbers: Int32Array.from(this.numbers), strings: this.strings };
  }

  /** Where the quote and the sentence lie in the source's text (UTF-16), or null when they do not. */
  private spans({ sourceId, start, end, quote, sentence }: CitationRecord): number[] | null {
    const points = this.texts.get(sourceId);
    if (points === undefined) return null;
    const from = points.unit(start);
    const to = points.unit(end);
    if (from === undefined || to === undefined || points.text.slice(from, to) !== quote) return null;
    const sentenceFrom = points.text.lastIndexOf(sentence, from);
    if (sentenceFrom < 0) return null;
    return [from, to, sentenceFrom, sentenceFrom + sentence.length];
  }
}

function decodeCitations(
  { sourceIds, numbers, strings }: Citations,
  texts: ReadonlyMap<string, string>,
): CitationRecord[] {
  const count = numbers.length / CITATION_WIDTH;
  const citations = new Array<CitationRecord>(count);
  for (let i = 0, n = 0; i < count; i++, n += CITATION_WIDTH) {
    const sourceId = sourceIds[numbers[n] as number] as string;
    const kept = strings.get(i);
    const text = texts.get(sourceId) ?? "";
    citations[i] = {
      sourceId,
      start: numbers[n + 1] as number,
      end: numbers[n + 2] as number,
      quote: kept ? kept[0] : text.slice(numbers[n + 3], numbers[n + 4]),
      sentence: kept ? kept[1] : text.slice(numbers[n + 5], numbers[n + 6]),
    };
  }
  return citations;
}
