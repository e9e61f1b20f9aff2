/**
 * The in-memory repository as bytes: its records and its indexes (`InMemoryIndexes`), so that a
 * repository is restored without validating, sorting or tokenising anything. What the bytes are
 * for: the warm-start snapshot (src/seed/snapshot.ts) and the hand-over of the graph from the loader
 * process, which builds the indexes outside the service's process (src/seed/load-worker.ts).
 *
 * One V8 serialisation (`node:v8`, the structured-clone format) of a compact form, because decoding
 * holds the main thread and its cost follows the objects and bytes it creates:
 *
 * - every list of records in an index (orderings, filter buckets, records citing a source) is a run
 *   of positions in one `Int32Array` per index (a record's position: its place in the collections,
 *   in `COLLECTIONS` order), not an array of objects;
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
  COLLECTIONS,
  type GraphData,
  type NodeRecord,
  NODE_TYPENAMES,
  type NodeTypename,
  type SourceRecord,
} from "../../domain/records";
import { type InMemoryIndexes, InMemoryRepository, type TypeIndexState } from "../in-memory.repository";

/** Keys with runs of positions: key i's records are positions[offsets[i]] to positions[offsets[i + 1]]. */
interface Runs {
  readonly keys: readonly string[];
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

/** A record (or meeting format) as encoded: without its citations (they are in `Image.cited`). */
type Encoded<R> = Omit<R, "citations">;

interface Image {
  readonly collections: { readonly [name: string]: ReadonlyArray<Encoded<NodeRecord>> };
  readonly citations: Citations;
  /**
   * The citations of every record, in collection order, a meeting followed by its formats: run i
   * (offsets i to i + 1 of `positions`) holds the numbers of the i-th one's citations.
   */
  readonly cited: Runs;
  readonly types: {
    readonly [K in NodeTypename]: { readonly sorted: Runs; readonly buckets: Readonly<Record<string, Runs>> };
  };
  readonly citing: Runs;
  readonly search: InMemoryIndexes["search"];
}

const collectionsOf = (data: GraphData): ReadonlyArray<readonly NodeRecord[]> =>
  NODE_TYPENAMES.map(type => data[COLLECTIONS[type]] as readonly NodeRecord[]);

/** The repository's records and indexes, as bytes. */
export function encodeImage(repository: InMemoryRepository): Buffer {
  const { data } = repository;
  const indexes = repository.indexes();
  const position = new Map<NodeRecord, number>();
  for (const list of collectionsOf(data)) for (const record of list) position.set(record, position.size);
  const runs = (entries: Iterable<readonly [string, readonly NodeRecord[]]>): Runs => {
    const keys: string[] = [];
    const offsets: number[] = [0];
    const positions: number[] = [];
    for (const [key, records] of entries) {
      keys.push(key);
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
      const { sorted, buckets } = indexes.types[type] as TypeIndexState<NodeTypename>;
      return [
        type,
        { sorted: runs(sorted), buckets: Object.fromEntries([...buckets].map(([field, map]) => [field, runs(map)])) },
      ];
    }),
  ) as unknown as Image["types"];

  const citations = new CitationTable(data.sources);
  const citedOffsets: number[] = [0];
  const cited: number[] = [];
  const encode = <R extends { readonly citations: readonly CitationRecord[] }>(record: R): Encoded<R> => {
    const { citations: own, ...rest } = record;
    for (const citation of own) cited.push(citations.add(citation));
    citedOffsets.push(cited.length);
    return rest;
  };
  const collections = Object.fromEntries(
    NODE_TYPENAMES.map(type => [
      COLLECTIONS[type],
      (data[COLLECTIONS[type]] as readonly NodeRecord[]).map(record =>
        record.__typename === "Meeting" ? { ...encode(record), formats: record.formats.map(encode) } : encode(record),
      ),
    ]),
  );
  const image: Image = {
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
  const texts = new Map<string, string>();
  for (const source of (image.collections[COLLECTIONS.Source] ?? []) as ReadonlyArray<Encoded<SourceRecord>>) {
    texts.set(source.id, source.text);
  }
  const citations = decodeCitations(image.citations, texts);
  const { offsets: citedOffsets, positions: cited } = image.cited;
  let run = 0;
  const decode = (record: { citations?: CitationRecord[] }): void => {
    const from = citedOffsets[run] as number;
    const to = citedOffsets[++run] as number;
    const own = new Array<CitationRecord>(to - from);
    for (let at = from; at < to; at++) own[at - from] = citations[cited[at] as number] as CitationRecord;
    record.citations = own;
  };
  const data: Record<string, NodeRecord[]> = {};
  const all: NodeRecord[] = [];
  for (const type of NODE_TYPENAMES) {
    const list = (image.collections[COLLECTIONS[type]] ?? []) as unknown as Array<{ citations?: CitationRecord[] }>;
    for (const record of list) {
      decode(record);
      if ((record as unknown as NodeRecord).__typename === "Meeting") {
        const { formats } = record as unknown as { formats: Array<{ citations?: CitationRecord[] }> };
        for (const format of formats) decode(format);
      }
      all.push(record as unknown as NodeRecord);
    }
    data[COLLECTIONS[type]] = list as unknown as NodeRecord[];
  }
  const records = ({ keys, offsets, positions }: Runs): Map<string, NodeRecord[]> => {
    const map = new Map<string, NodeRecord[]>();
    keys.forEach((key, i) => {
      const to = offsets[i + 1] as number;
      const list = new Array<NodeRecord>(to - (offsets[i] as number));
      for (let at = offsets[i] as number, j = 0; at < to; at++, j++)
        list[j] = all[positions[at] as number] as NodeRecord;
      map.set(key, list);
    });
    return map;
  };
  const types = Object.fromEntries(
    NODE_TYPENAMES.map(type => {
      const { sorted, buckets } = image.types[type];
      return [
        type,
        {
          sorted: records(sorted),
          buckets: new Map(Object.entries(buckets).map(([field, runs]) => [field, records(runs)])),
        },
      ];
    }),
  ) as unknown as InMemoryIndexes["types"];
  const indexes: InMemoryIndexes = { types, citingBySource: records(image.citing), search: owned(image.search) };
  return new InMemoryRepository(data as unknown as GraphData, indexes);
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
