/**
 * The repository's image (src/repository/in-memory/image.ts): decoding it gives the graph that was
 * encoded — the same records, each string held once in the bytes, citations shared as they were, quotes and sentences sliced back out of
 * their source's text (also past characters outside the BMP, and kept as strings when the text does
 * not hold them) — and a repository that answers as one indexed from the records.
 */
import type { CitationRecord, GraphData, NodeRecord } from "../../src/domain/records";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { CitationTable, decodeImage, encodeImage } from "../../src/repository/in-memory/image";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { answers } from "../support/repository-answers";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every distinct citation of a graph, in record order. */
function citationsOf(data: GraphData): CitationRecord[] {
  const seen = new Set<CitationRecord>();
  for (const list of Object.values<readonly NodeRecord[]>(data)) {
    for (const record of list) {
      const all = [
        ...record.citations,
        ...(record.__typename === "Meeting" ? record.formats.flatMap(f => f.citations) : []),
      ];
      for (const citation of all) seen.add(citation);
    }
  }
  return [...seen];
}

describe("the repository's image", () => {
  const seed = loadSeed({ seedDir: SEED_DIR });

  test("decodes to the same records and a repository that answers as one indexed from them", () => {
    const built = new InMemoryRepository(seed);
    const restored = decodeImage(encodeImage(built));
    expect(restored.data).toEqual(seed);
    expect(answers(restored)).toEqual(answers(built));
  });

  test("keeps nothing of the bytes it was decoded from (they can be freed)", () => {
    const bytes = encodeImage(new InMemoryRepository(seed));
    const { search } = decodeImage(bytes).indexes();
    const views = Object.entries(search).filter(([, value]) => ArrayBuffer.isView(value));
    expect(views.map(([name]) => name).sort()).toEqual([
      "hitFields",
      "hitValues",
      "postingRecords",
      "starts",
      "tieRanks",
      "typeIndexes",
      "values",
      "weightFields",
      "weightValues",
    ]);
    expect(views.filter(([, view]) => (view as Uint8Array).buffer === bytes.buffer).map(([name]) => name)).toEqual([]);
  });

  test("holds each string once, however many records refer to it", () => {
    const id = "meeting:2025-08-27-astana";
    let references = 0;
    const walk = (value: unknown): void => {
      if (value === id) references++;
      else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
    };
    walk(seed);
    expect(references).toBeGreaterThan(30);
    const bytes = encodeImage(new InMemoryRepository(seed));
    const needle = Buffer.from(id, "latin1");
    let held = 0;
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) held++;
    expect(held).toBe(1);
    const restored = decodeImage(bytes).data;
    expect(restored.positions.filter(position => position.meetingId === id).map(position => position.id)).toEqual(
      seed.positions.filter(position => position.meetingId === id).map(position => position.id),
    );
  });

  test("keeps a citation that several records share one object", () => {
    const owners = new Map<CitationRecord, string[]>();
    for (const list of Object.values<readonly NodeRecord[]>(seed)) {
      for (const record of list) for (const c of record.citations) owners.set(c, [...(owners.get(c) ?? []), record.id]);
    }
    const [shared, ids] = [...owners].find(([, by]) => by.length > 1) ?? [];
    expect(shared && ids).toBeTruthy();
    const restored = decodeImage(encodeImage(new InMemoryRepository(seed)));
    const nodes = restored.nodes(ids as string[]) as NodeRecord[];
    const copies = nodes.map(node =>
      node.citations.find(c => c.start === shared?.start && c.sourceId === shared.sourceId),
    );
    expect(copies[0]).toEqual(shared);
    for (const copy of copies) expect(copy).toBe(copies[0]);
  });

  test("slices quotes and sentences out of a text with characters outside the BMP, and keeps strings it cannot find", () => {
    const data = structuredClone(seed) as unknown as Mutable<GraphData>;
    const source = data.sources[0] as Mutable<(typeof data.sources)[number]>;
    // Two code points (three UTF-16 units) before the text: every citation of it moves by two.
    source.text = `😀 ${source.text}`;
    const citations = citationsOf(data) as Array<Mutable<CitationRecord>>;
    const ofSource = citations.filter(c => c.sourceId === source.id);
    expect(ofSource.length).toBeGreaterThan(2);
    for (const c of ofSource) {
      c.start += 2;
      c.end += 2;
    }
    const [first, second] = ofSource as [Mutable<CitationRecord>, Mutable<CitationRecord>];
    first.quote = `${first.quote} — not in the text`;
    second.sentence = "A sentence the text does not hold.";
    const restored = decodeImage(encodeImage(new InMemoryRepository(data)));
    expect(restored.data).toEqual(data);
    expect(citationsOf(restored.data)).toEqual(citations);
    // Only the two the text does not hold keep their strings; the others are offsets into the text.
    const table = new CitationTable(data.sources);
    const numbers = citations.map(c => table.add(c));
    const { strings, numbers: offsets } = table.table();
    expect([...strings.keys()]).toEqual([numbers[citations.indexOf(first)], numbers[citations.indexOf(second)]]);
    const third = ofSource[2] as CitationRecord;
    const at = 7 * (numbers[citations.indexOf(third)] as number);
    const [from, to, sentenceFrom, sentenceTo] = offsets.subarray(at + 3, at + 7);
    expect(source.text.slice(from, to)).toBe(third.quote);
    expect(source.text.slice(sentenceFrom, sentenceTo)).toBe(third.sentence);
    // UTF-16 offsets: one more than the code-point offsets, past the emoji's surrogate pair.
    expect([from, to]).toEqual([third.start + 1, third.end + 1]);
  });
});
