/**
 * Search ranks only the page it is asked for (a bounded heap) and counts matches without building
 * hits. This property test holds it to the straightforward implementation it replaced, kept here
 * as the reference: score every match, build every hit, sort them all, slice the page with
 * graphql-relay. Same hits, scores, fields, cursors and page flags, over random data, queries and pages.
 */
import fc from "fast-check";
import { offsetToCursor } from "graphql-relay";

import { AreaCategory, CompanySector, Stance } from "../../src/domain/enums";
import type { NodeRecord, NodeTypename } from "../../src/domain/records";
import { paginateWindow } from "../../src/repository/pagination";
import type { PageArgs, SearchHit } from "../../src/repository/repository";
import { normalize, SearchIndex, tokenize } from "../../src/repository/search-index";
import { readPage, referencePaginate } from "../support/reference-paginate";

// ---- reference: the sort-everything search and the whole-array pagination it was paged with ----

interface RefField {
  readonly field: string;
  readonly text: string;
  readonly weight: number;
}

/** The fields of the four types the random data has: own text, linked names (aliases at 0.9×), quotes. */
function refFields(r: NodeRecord, byId: ReadonlyMap<string, NodeRecord>): RefField[] {
  const fields: RefField[] = [];
  const add = (field: string, text: string | null | undefined, weight: number) => {
    if (text) fields.push({ field, text, weight });
  };
  const link = (field: string, ids: readonly string[], weight: number) => {
    for (const id of ids) {
      const linked = byId.get(id);
      if (linked && "name" in linked) add(field, linked.name, weight);
      if (linked && "aliases" in linked) for (const alias of linked.aliases) add(field, alias, weight * 0.9);
    }
  };
  if ("name" in r) add("name", r.name, 10);
  if ("aliases" in r) for (const alias of r.aliases) add("alias", alias, 9);
  if (r.__typename === "Company") {
    add("description", r.description, 3);
    link("country", [r.countryId], 4);
  }
  if (r.__typename === "CooperationArea") {
    add("description", r.description, 3);
    link("companies", r.companyIds, 2);
  }
  if (r.__typename === "City") link("country", [r.countryId], 4);
  if (r.__typename === "Position") {
    add("summary", r.summary, 3);
    link("actor", [r.actorId], 4);
    link("area", [r.areaId], 4);
  }
  for (const quote of new Set(r.citations.map(c => c.quote))) add("quote", quote, 1);
  return fields;
}

function refSortName(r: NodeRecord): string {
  if ("name" in r) return normalize(r.name);
  if ("title" in r) return normalize(r.title);
  return r.id;
}

function refCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function referenceSearch(records: readonly NodeRecord[], text: string, types: readonly NodeTypename[] | null) {
  const byId = new Map(records.map(r => [r.id, r]));
  const fieldsOf = records.map(r => refFields(r, byId));
  const normalizedFields = fieldsOf.map(fs => fs.map(f => tokenize(f.text).join(" ")));
  const postings = new Map<string, Array<{ record: number; field: number }>>();
  fieldsOf.forEach((fs, record) =>
    fs.forEach((f, field) => {
      for (const token of new Set(tokenize(f.text))) {
        const list = postings.get(token) ?? [];
        list.push({ record, field });
        postings.set(token, list);
      }
    }),
  );
  const tokens = [...postings.keys()].sort();
  const words = [...new Set(tokenize(text))];
  if (words.length === 0) return [];
  const phrase = words.join(" ");
  const allowed = types && types.length > 0 ? new Set<string>(types) : null;
  let scores: Map<number, { score: number; best: number; bestScore: number }> | null = null;
  for (const word of words) {
    const perRecord = new Map<number, { weight: number; field: number }>();
    for (const token of tokens) {
      if (!token.startsWith(word)) continue;
      const factor = token === word ? 1 : 0.7;
      for (const p of postings.get(token) ?? []) {
        if (allowed && !allowed.has((records[p.record] as NodeRecord).__typename)) continue;
        if (scores && !scores.has(p.record)) continue;
        const weight = ((fieldsOf[p.record] as RefField[])[p.field] as RefField).weight * factor;
        const seen = perRecord.get(p.record);
        if (!seen || weight > seen.weight) perRecord.set(p.record, { weight, field: p.field });
      }
    }
    const next = new Map<number, { score: number; best: number; bestScore: number }>();
    for (const [record, { weight, field }] of perRecord) {
      const previous = scores?.get(record);
      const score = (previous?.score ?? 0) + weight;
      const best = previous && previous.bestScore >= weight ? previous : { best: field, bestScore: weight };
      next.set(record, { score, best: best.best, bestScore: best.bestScore });
    }
    scores = next;
    if (scores.size === 0) return [];
  }
  const hits: SearchHit[] = [];
  for (const [record, entry] of scores ?? []) {
    let { score, best } = entry;
    const normalized = normalizedFields[record] as string[];
    const fields = fieldsOf[record] as RefField[];
    let bonus = 0;
    normalized.forEach((t, i) => {
      const weight = (fields[i] as RefField).weight;
      const b = t === phrase ? weight * 2 : ` ${t} `.includes(` ${phrase}`) ? weight * 0.5 : 0;
      if (b > bonus) {
        bonus = b;
        best = i;
      }
    });
    score += bonus;
    const field = fields[best] as RefField;
    hits.push({
      node: records[record] as NodeRecord,
      score: Math.round(score * 100) / 100,
      matchedField: field.field,
      matchedText: field.text,
    });
  }
  return hits.sort(
    (a, b) =>
      b.score - a.score || refCompare(refSortName(a.node), refSortName(b.node)) || refCompare(a.node.id, b.node.id),
  );
}

// ---- random data: few words, accents, case, prefixes and repeated names, so ties are common ----

const WORDS = ["nuclear", "Nucléaire", "nuc", "energy", "énergie", "JUMCO", "jum", "order", "al", "nahda", "Al-Nahda"];
const phraseOf = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 4 }).map(ws => ws.join(" "));

/** An id of some record of the dataset (or of none): links resolve whatever record has it. */
const idOf = fc.tuple(fc.constantFrom("company", "area", "city", "position"), fc.nat(60)).map(([t, j]) => `${t}:${j}`);

/** Citations whose quotes are phrases too, sometimes the same quote twice (indexed once). */
const citationsOf = fc
  .array(phraseOf, { maxLength: 2 })
  .map(quotes => quotes.map(quote => ({ sourceId: "source:0", start: 0, end: quote.length, quote, sentence: quote })));

const recordOf = (i: number): fc.Arbitrary<NodeRecord> =>
  fc.oneof(
    fc
      .record({
        name: phraseOf,
        aliases: fc.array(phraseOf, { maxLength: 2 }),
        description: phraseOf,
        countryId: idOf,
        citations: citationsOf,
      })
      .map((r): NodeRecord => ({
        __typename: "Company",
        id: `company:${i}`,
        sector: CompanySector.NUCLEAR_ENERGY,
        supports: [],
        inferred: null,
        ...r,
      })),
    fc
      .record({
        name: phraseOf,
        aliases: fc.array(phraseOf, { maxLength: 2 }),
        description: phraseOf,
        companyIds: fc.array(idOf, { maxLength: 2 }),
        citations: citationsOf,
      })
      .map((r): NodeRecord => ({
        __typename: "CooperationArea",
        id: `area:${i}`,
        category: AreaCategory.ECONOMIC,
        supports: [],
        inferred: null,
        ...r,
      })),
    fc
      .record({
        name: phraseOf,
        aliases: fc.array(phraseOf, { maxLength: 2 }),
        countryId: idOf,
        citations: citationsOf,
      })
      .map((r): NodeRecord => ({ __typename: "City", id: `city:${i}`, supports: [], inferred: null, ...r })),
    fc.record({ summary: phraseOf, areaId: idOf, actorId: idOf, citations: citationsOf }).map((r): NodeRecord => ({
      __typename: "Position",
      id: `position:${i}`,
      stance: Stance.SUPPORTED,
      meetingId: "meeting:0",
      supports: [],
      inferred: null,
      ...r,
    })),
  );

const datasetOf = fc
  .integer({ min: 0, max: 60 })
  .chain(n => fc.tuple(...Array.from({ length: n }, (_, i) => recordOf(i))))
  .map(records => records);

/** What the in-memory store gives the index: its records by id. */
function lookupIn(records: readonly NodeRecord[]): (id: string) => NodeRecord | undefined {
  const byId = new Map(records.map(r => [r.id, r]));
  return id => byId.get(id);
}

const typesOf = fc.option(fc.subarray<NodeTypename>(["Company", "CooperationArea", "City", "Position"]));

/** Page arguments with cursors chosen inside the list, so they are ones the service could have issued. */
const pageOf = (length: number): fc.Arbitrary<PageArgs> => {
  const cursor = length === 0 ? fc.constant(null) : fc.option(fc.nat(length - 1).map(offsetToCursor));
  return fc.record({
    first: fc.option(fc.nat(25)),
    after: cursor,
    last: fc.option(fc.nat(25)),
    before: cursor,
  });
};

describe("search selects the page without sorting every hit", () => {
  it("gives the reference's page, scores, fields, cursors and flags", () => {
    fc.assert(
      fc.property(datasetOf, phraseOf, typesOf, fc.nat(1000), (records, text, types, seed) => {
        const expected = referenceSearch(records, text, types);
        const matches = new SearchIndex(records, lookupIn(records)).match(text, types);
        expect(matches.count).toBe(expected.length);
        fc.assert(
          fc.property(pageOf(expected.length), page => {
            expect(readPage(paginateWindow(matches.count, page, (s, e) => matches.hits(s, e)))).toEqual(
              readPage(referencePaginate(expected, page)),
            );
          }),
          { numRuns: 10, seed },
        );
      }),
      { numRuns: 300 },
    );
  });

  it("gives the reference's hits for any rank range, from the front or from the back, query after query", () => {
    fc.assert(
      fc.property(
        datasetOf,
        fc.array(fc.tuple(phraseOf, typesOf, fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        (records, queries) => {
          // One index answers every query: what one query scored must not leak into the next.
          const index = new SearchIndex(records, lookupIn(records));
          const matched = queries.map(([text, types]) => index.match(text, types));
          queries.forEach(([text, types, a, b], q) => {
            const expected = referenceSearch(records, text, types);
            const matches = matched[q] as ReturnType<SearchIndex["match"]>;
            expect(matches.count).toBe(expected.length);
            const start = expected.length === 0 ? 0 : a % (expected.length + 1);
            const end = start + (b % (expected.length - start + 1));
            expect(matches.hits(start, end)).toEqual(expected.slice(start, end));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matches records that only tie on score, ordered by normalised name then id", () => {
    const company = (id: string, name: string): NodeRecord => ({
      __typename: "Company",
      id,
      citations: [],
      supports: [],
      inferred: null,
      name,
      aliases: [],
      countryId: "country:KZ",
      sector: CompanySector.NUCLEAR_ENERGY,
      description: "",
    });
    const records = [company("c:3", "Nucléaire B"), company("c:1", "nucleaire b"), company("c:2", "Nucleaire A")];
    const matches = new SearchIndex(records, lookupIn(records)).match("nucleaire", null);
    expect(matches.hits(0, 3).map(h => [h.node.id, h.score, h.matchedField])).toEqual([
      ["c:2", 15, "name"],
      ["c:1", 15, "name"],
      ["c:3", 15, "name"],
    ]);
    expect(matches.hits(1, 3).map(h => h.node.id)).toEqual(["c:1", "c:3"]);
  });
});
