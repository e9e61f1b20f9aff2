/**
 * The in-memory repository as bytes: its records and its indexes (`InMemoryIndexes`), so that a
 * repository is restored without validating, sorting or tokenising anything. What the bytes are
 * for: the warm-start snapshot (src/seed/snapshot.ts) and the hand-over of the graph from the loader
 * process, which builds the indexes outside the service's process (src/seed/load-worker.ts).
 *
 * One V8 serialisation (`node:v8`, the structured-clone format) of a compact form, because decoding
 * holds the main thread and its cost follows the objects and bytes it creates. It is written by
 * V8's own serialiser (`v8.Serializer`), not Node's default one (`v8.serialize`): that one writes
 * typed arrays through JavaScript and reads them back as views of the bytes (keeping them all
 * alive) or, when unaligned, as copies made one by one; V8's reads each into a buffer of its own.
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
import { Deserializer, Serializer } from "node:v8";

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
import { type InMemoryIndexes, InMemoryRepository } from "../in-memory.repository";
import {
  decodeGroup,
  type EncodedGroup,
  encodeGroup,
  type Runs as ColumnRuns,
  runItems,
  runsOf,
  StringTable,
  stringColumn,
} from "./columns";
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

/** The group of all meetings' formats, among the groups of records encoded as columns (the others: each type, by name). */
const FORMATS = "formats";

interface Image {
  /** Every distinct string of the records and index keys, once; columns and runs hold their numbers. */
  readonly strings: readonly string[];
  /** Each group's records as columns (./columns.ts); their citations and a meeting's formats apart. */
  readonly groups: { readonly [group: string]: EncodedGroup };
  /** Per group, run i holds the numbers (in `citations`) of record i's citations. */
  readonly cited: { readonly [group: string]: ColumnRuns };
  /** Meeting i's formats are those from meetingFormats[i] to meetingFormats[i + 1] in the formats group. */
  readonly meetingFormats: Int32Array;
  readonly citations: Citations;
  /** Each type's orderings and filter buckets, as the repository holds them (positions in the type's records). */
  readonly types: TypesRuns<Runs>;
  /** The records citing each source (positions in the collections, in `COLLECTIONS` order). */
  readonly citing: Runs;
  readonly search: InMemoryIndexes["search"];
}

/** Each type's orderings and filter buckets (`TypeIndexState`, its runs as `R`). */
type TypesRuns<R> = {
  readonly [K in NodeTypename]: { readonly sorted: R; readonly buckets: Readonly<Record<string, R>> };
};

/** Every type's runs passed through `convert` (their keys as strings or as numbers in `Image.strings`). */
function eachTypeRuns<A, B>(types: TypesRuns<A>, convert: (runs: A) => B): TypesRuns<B> {
  return Object.fromEntries(
    NODE_TYPENAMES.map(type => {
      const { sorted, buckets } = types[type];
      const entries = Object.entries(buckets).map(([field, runs]) => [field, convert(runs)]);
      return [type, { sorted: convert(sorted), buckets: Object.fromEntries(entries) as Record<string, B> }];
    }),
  ) as unknown as TypesRuns<B>;
}

/** The repository's records and indexes, as bytes. */
export function encodeImage(repository: InMemoryRepository): Buffer {
  const { data } = repository;
  const indexes = repository.indexes();
  const strings = new StringTable();
  const numbered = ({ keys, offsets, positions }: RunsState): Runs => ({
    keys: keys.map(key => strings.number(key)),
    offsets,
    positions,
  });
  const types = eachTypeRuns(indexes.types, numbered);

  const citations = new CitationTable(data.sources);
  const citedRuns = (records: readonly Evidenced[]): ColumnRuns =>
    runsOf(records.map(record => record.citations.map(citation => citations.add(citation))));
  const meetings = data[COLLECTIONS.Meeting];
  const formats = meetings.flatMap(meeting => meeting.formats);
  const groups: Record<string, EncodedGroup> = {};
  const cited: Record<string, ColumnRuns> = {};
  for (const type of NODE_TYPENAMES) {
    const records = data[COLLECTIONS[type]] as readonly NodeRecord[];
    groups[type] = encodeGroup(type, records, strings, type === "Meeting" ? ["citations", FORMATS] : ["citations"]);
    cited[type] = citedRuns(records);
  }
  groups[FORMATS] = encodeGroup("meeting format", formats, strings, ["citations"]);
  cited[FORMATS] = citedRuns(formats);
  const meetingFormats = new Int32Array(meetings.length + 1);
  meetings.forEach((meeting, i) => (meetingFormats[i + 1] = (meetingFormats[i] as number) + meeting.formats.length));
  const image: Image = {
    strings: strings.values,
    groups,
    cited,
    meetingFormats,
    citations: citations.table(),
    types,
    citing: numbered(indexes.citingBySource),
    search: indexes.search,
  };
  const serializer = new Serializer();
  serializer.writeHeader();
  serializer.writeValue(image);
  return serializer.releaseBuffer();
}

/** The repository `encodeImage` encoded. */
export function decodeImage(bytes: Uint8Array): InMemoryRepository {
  const deserializer = new Deserializer(bytes);
  deserializer.readHeader();
  const image = deserializer.readValue() as Image;
  const { strings, groups, cited } = image;
  const group = (name: string): EncodedGroup => {
    const encoded = groups[name];
    if (encoded === undefined) throw new Error(`the image has no ${name} records`);
    return encoded;
  };
  const sources = group("Source");
  const ids = stringColumn(sources, "id", strings);
  const sourceTexts = stringColumn(sources, "text", strings);
  const texts = new Map(ids.map((id, i) => [id as string, sourceTexts[i] as string]));
  const citations = decodeCitations(image.citations, texts);
  const citationsOf = (name: string) => {
    const runs = cited[name] as ColumnRuns;
    return (i: number): CitationRecord[] => runItems(runs, i, citations);
  };
  const formats = decodeGroup(group(FORMATS), strings, { citations: citationsOf(FORMATS) });
  const { meetingFormats } = image;
  const data: Record<string, NodeRecord[]> = {};
  for (const type of NODE_TYPENAMES) {
    const own: Record<string, (i: number) => unknown> = { citations: citationsOf(type) };
    if (type === "Meeting") {
      own[FORMATS] = (i: number) => formats.slice(meetingFormats[i], meetingFormats[i + 1]);
    }
    data[COLLECTIONS[type]] = decodeGroup(group(type), strings, own) as NodeRecord[];
  }
  const lettered = ({ keys, offsets, positions }: Runs): RunsState => ({
    keys: keys.map(key => strings[key] as string),
    offsets,
    positions,
  });
  const types = eachTypeRuns(image.types, lettered);
  const indexes: InMemoryIndexes = { types, citingBySource: lettered(image.citing), search: image.search };
  return new InMemoryRepository(data as unknown as GraphData, indexes);
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
