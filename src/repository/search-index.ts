/**
 * Full-text search over every record's names, aliases and descriptions, the names of what it links
 * to and the quotes of its citations (which fields, and their weights: search-fields.ts).
 *
 * Texts are normalised (Unicode NFKD, marks stripped, lower case) and split into word tokens. The
 * index maps each token to the records that contain it; tokens are kept sorted so that a query word
 * matches every token it is a prefix of by binary search. A record matches when every query word
 * matches one of its tokens. Its score adds, per query word, the weight of the best field it matched
 * (full word 1×, prefix 0.7×), plus a bonus when a field equals the whole query (2×) or contains it
 * as a phrase (0.5×). Ties break by name, then id, so results are stable.
 *
 * Each token's records are stored once per record (its best-weighted field, and the field that
 * answers the token alone). For a token that no other token extends (a "leaf"), the list is stored
 * in the ranking order of the one-word query made of that token, computed at build: such a query
 * (the common case, e.g. "nuclear") is counted by the list's length and its page is read off the
 * list at its ranks, with no per-match work. Any other query (several words, or a word that is the
 * prefix of other tokens) scores every matching record in reusable typed arrays (linear in the
 * postings of its words, no object per match) and builds hits only for the page asked for: a
 * bounded heap keeps the page's ranks, so nothing sorts every match.
 */
import { compareStrings, lowerBound } from "../common/compare";
import { type NodeRecord, type NodeTypename, NODE_TYPENAMES } from "../domain/records";
import type { SearchHit } from "./repository";
import { fieldsOf, type Lookup, type SearchField as Field, nameOf } from "./search-fields";

export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(t => t.length > 0);
}

/**
 * `tokenize(text).map(id)`, faster for the texts that are ASCII (most): normalising one only
 * lowers its case, and its tokens are its runs of ASCII letters and digits, found by scanning its
 * char codes (no Unicode normalisation, no regular expression). The index build meets every text.
 * Exported for its test against `tokenize`.
 */
export function tokenIdsOf(text: string, id: (token: string) => number): number[] {
  const length = text.length;
  for (let i = 0; i < length; i++) if (text.charCodeAt(i) >= 0x80) return tokenize(text).map(id);
  const lower = text.toLowerCase();
  const ids: number[] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? lower.charCodeAt(i) : 0;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      ids.push(id(lower.slice(start, i)));
      start = -1;
    }
  }
  return ids;
}

/** A text as the index compares it with a phrase: its tokens, joined by single spaces. */
function normalizedText(text: string): string {
  return tokenize(text).join(" ");
}

/** What one query matched: how many records, and the hits at any rank range, ranked on demand. */
export interface SearchMatches {
  readonly count: number;
  /** The hits ranked `start` to `end` (end exclusive), best first. */
  hits(start: number, end: number): SearchHit[];
}

const NO_MATCHES: SearchMatches = { count: 0, hits: () => [] };

/** The index's size: records, their searchable fields, distinct tokens, and postings (token × record). */
export interface SearchIndexStats {
  readonly records: number;
  readonly fields: number;
  readonly tokens: number;
  readonly postings: number;
}

/** Bonus factors of a field for the phrase: equal to it, or containing it (from a word's start). */
const EQUAL_BONUS = 2;
const PHRASE_BONUS = 0.5;
/** Weight factor of a query word matching a token it is a proper prefix of. */
const PREFIX_FACTOR = 0.7;

/** Reusable per-record arrays for the general query (allocated on its first use). */
interface Scratch {
  /** Per record, the query step that last touched it (see `SearchIndex.epoch`). */
  readonly mark: Int32Array;
  /** Per record, the best weight and field for the word being scored. */
  readonly wordWeight: Float64Array;
  readonly wordField: Int32Array;
  /** Per record, for a one-word query, the largest phrase bonus and the first field with it. */
  readonly bonus: Float64Array;
  readonly bonusField: Int32Array;
  /** The records still matching, in the order first met. */
  readonly candidates: Int32Array;
}

/**
 * What an index is made of, besides its records: arrays only (no closures, no record objects), so
 * a built index can be stored and a later one restored from it without tokenising anything
 * (`SearchIndex.state()`, and the constructor's `state`). Field numbers are positions in
 * `fieldsOf(record)`, which the restored index recomputes for the records it reports.
 */
export interface SearchIndexState extends Postings {
  /** How many searchable fields the records have in all (for `stats()`). */
  readonly fieldCount: number;
  /** Per record: its rank in the tie-break order (normalised name or title, then id). */
  readonly tieRanks: Int32Array;
  /** Per record: the index of its typename in NODE_TYPENAMES (for the `types` filter). */
  readonly typeIndexes: Uint8Array;
  /** The distinct tokens, sorted (a query word finds the tokens it begins by binary search). */
  readonly tokens: readonly string[];
  /** The postings of token i are entries starts[i] to starts[i + 1] (see `Postings`). */
  readonly starts: Int32Array;
  /** The distinct weights and bonuses that `weightValues` and `hitValues` index. */
  readonly values: Float64Array;
}

/**
 * The postings, one entry per token and record holding it: the record (each once per token), the
 * first of its fields holding the token with the largest weight, and the field a one-word query of
 * the token reports (the first with the largest phrase bonus). A leaf token's entries are in that
 * query's ranking order; other tokens' in record order. Alongside, as indexes into `values` (the few
 * distinct numbers there are), the weight of the first field and the phrase bonus of the second for
 * the token alone, so a query scanning postings reads no record's fields.
 */
interface Postings {
  readonly postingRecords: Int32Array;
  readonly weightFields: Narrow;
  readonly hitFields: Narrow;
  readonly weightValues: Narrow;
  readonly hitValues: Narrow;
}

/** Small non-negative integers, in the narrowest array that holds them all (most postings: 1 byte). */
type Narrow = Uint8Array | Uint16Array | Int32Array;

function narrow(length: number, largest: number): Narrow {
  return largest <= 0xff
    ? new Uint8Array(length)
    : largest <= 0xffff
      ? new Uint16Array(length)
      : new Int32Array(length);
}

export class SearchIndex {
  private readonly records: readonly NodeRecord[];
  private readonly lookup: Lookup;
  /** The tokens, postings and per-record ranks (see `SearchIndexState`). */
  private readonly index: SearchIndexState;
  /** Per record, its fields and their normalised texts once a query needed them (see `fieldsAt`). */
  private readonly fieldCache: Array<Field[] | undefined>;
  private readonly normalizedCache: Array<readonly string[] | undefined>;
  private scratch: Scratch | null = null;
  /** Marks written by the current general query are epoch + word index; older marks are smaller. */
  private epoch = 0;

  /**
   * `lookup` finds the records that `records` link to, whose names are searchable fields of theirs.
   * With `state` (what `state()` gave for the same records, in the same order), the index is that
   * one, restored as is; without, it is built.
   */
  constructor(records: readonly NodeRecord[], lookup: Lookup, state?: SearchIndexState) {
    if (state && state.tieRanks.length !== records.length) {
      throw new Error(`a search index of ${state.tieRanks.length} records restored over ${records.length}`);
    }
    this.records = records;
    this.lookup = lookup;
    this.fieldCache = new Array<Field[] | undefined>(records.length);
    this.normalizedCache = new Array<readonly string[] | undefined>(records.length);
    this.index = state ?? buildIndex(records, lookup);
  }

  /** What the index is made of, to restore it later over the same records (see `SearchIndexState`). */
  state(): SearchIndexState {
    return this.index;
  }

  /**
   * A record's searchable fields, read from the record the first time a query reports it (or looks
   * for a phrase in it), then kept: never more than the records' own fields, and only for records
   * queries reach, where an index built at start-up kept every record's (and a restored one would
   * have had to tokenise them all again).
   */
  private fieldsAt(record: number): Field[] {
    let fields = this.fieldCache[record];
    if (fields === undefined) {
      fields = fieldsOf(this.records[record] as NodeRecord, this.lookup);
      this.fieldCache[record] = fields;
    }
    return fields;
  }

  /** A record's fields normalised as for a phrase (see `fieldsAt` for what is kept). */
  private normalizedAt(record: number): readonly string[] {
    let normalized = this.normalizedCache[record];
    if (normalized === undefined) {
      normalized = this.fieldsAt(record).map(field => normalizedText(field.text));
      this.normalizedCache[record] = normalized;
    }
    return normalized;
  }

  /** How big the index is (for `npm run bench:scale`). */
  stats(): SearchIndexStats {
    return {
      records: this.records.length,
      fields: this.index.fieldCount,
      tokens: this.index.tokens.length,
      postings: this.index.postingRecords.length,
    };
  }

  /** The records matching `text`, counted; hits are built only for the ranks asked for. */
  match(text: string, types: readonly NodeTypename[] | null): SearchMatches {
    const words = [...new Set(tokenize(text))];
    if (words.length === 0) return NO_MATCHES;
    let allowed: Uint8Array | null = null;
    if (types && types.length > 0) {
      allowed = new Uint8Array(256);
      for (const type of types) {
        const i = NODE_TYPENAMES.indexOf(type);
        if (i >= 0) allowed[i] = 1;
      }
    }
    if (words.length === 1) {
      const { tokens } = this.index;
      const word = words[0] as string;
      const i = lowerBound(tokens, word);
      if (tokens[i] === word && !(tokens[i + 1]?.startsWith(word) ?? false)) {
        return this.matchLeaf(i, allowed);
      }
    }
    return this.matchAll(words, allowed);
  }

  /** A one-word query of a leaf token: its postings are the ranking, read at the ranks asked for. */
  private matchLeaf(token: number, allowed: Uint8Array | null): SearchMatches {
    const { starts, postingRecords, hitFields, values, weightValues, hitValues, typeIndexes } = this.index;
    const from = starts[token] as number;
    const to = starts[token + 1] as number;
    const hit = (at: number): SearchHit => {
      const record = postingRecords[at] as number;
      const field = this.fieldsAt(record)[hitFields[at] as number] as Field;
      // The score of the token alone: its best field's weight plus its hit field's phrase bonus.
      const weight = values[weightValues[at] as number] as number;
      const bonus = values[hitValues[at] as number] as number;
      return {
        node: this.records[record] as NodeRecord,
        score: round(weight + bonus),
        matchedField: field.field,
        matchedText: field.text,
      };
    };
    if (allowed === null) {
      return {
        count: to - from,
        hits: (start, end) => {
          const hits: SearchHit[] = [];
          for (let at = from + start; at < from + end; at++) hits.push(hit(at));
          return hits;
        },
      };
    }
    // Only some types: the allowed postings keep their order; count them, and walk to the page from
    // whichever end is nearer.
    const ok = (at: number) => allowed[typeIndexes[postingRecords[at] as number] as number] === 1;
    let count = 0;
    for (let at = from; at < to; at++) if (ok(at)) count++;
    if (count === 0) return NO_MATCHES;
    return {
      count,
      hits: (start, end) => {
        const hits: SearchHit[] = [];
        if (start >= end) return hits;
        if (start <= count - end) {
          for (let at = from, rank = 0; at < to && rank < end; at++) {
            if (!ok(at)) continue;
            if (rank >= start) hits.push(hit(at));
            rank++;
          }
          return hits;
        }
        for (let at = to - 1, rank = count - 1; at >= from && rank >= start; at--) {
          if (!ok(at)) continue;
          if (rank < end) hits.push(hit(at));
          rank--;
        }
        return hits.reverse();
      },
    };
  }

  /**
   * Any other query: every record matching every word is scored in the reusable per-record arrays
   * (a word's best field over all the tokens it is a prefix of, in token order, as a record's
   * fields are met), and the matches kept in arrays of their own for `hits`. With one word, every
   * field holding a token it is a prefix of contains the phrase, so the bonus comes from the
   * postings too (each token's best field for it) and the scores are final; with several, the
   * phrase is looked for in the fields of the records that may reach the page.
   */
  private matchAll(words: readonly string[], allowed: Uint8Array | null): SearchMatches {
    const { mark, wordWeight, wordField, bonus, bonusField, candidates } = this.scratchArrays();
    const { tokens, starts, postingRecords, typeIndexes, weightFields, hitFields, values, weightValues, hitValues } =
      this.index;
    const single = words.length === 1;
    if (this.epoch > 0x7fffffff - words.length - 1) {
      mark.fill(0);
      this.epoch = 0;
    }
    const epoch = this.epoch + 1;
    this.epoch += words.length;
    let count = 0;
    let scores = new Float64Array(0);
    let bests = new Int32Array(0);
    let bestScores = new Float64Array(0);
    let caps = new Float64Array(0);
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      const step = epoch + w;
      for (let i = lowerBound(tokens, word); i < tokens.length; i++) {
        const token = tokens[i] as string;
        if (!token.startsWith(word)) break;
        const factor = token === word ? 1 : PREFIX_FACTOR;
        const to = starts[i + 1] as number;
        for (let at = starts[i] as number; at < to; at++) {
          const record = postingRecords[at] as number;
          const seen = mark[record] as number;
          if (seen !== step) {
            if (w === 0) {
              if (allowed && allowed[typeIndexes[record] as number] !== 1) continue;
              candidates[count++] = record;
            } else if (seen !== step - 1) continue;
          }
          const field = weightFields[at] as number;
          const fieldWeight = values[weightValues[at] as number] as number;
          const weight = fieldWeight * factor;
          if (single) {
            // The token's best field for the phrase: 2× a field equal to the word, else 0.5×.
            let b = PHRASE_BONUS * fieldWeight;
            let bField = field;
            if (factor === 1) {
              bField = hitFields[at] as number;
              b = values[hitValues[at] as number] as number;
            }
            const current = bonus[record] as number;
            if (seen !== step || b > current || (b === current && bField < (bonusField[record] as number))) {
              bonus[record] = b;
              bonusField[record] = bField;
            }
          } else if (w === 0) {
            // Several words: only a field holding the first word whole can hold the phrase, so
            // twice the strongest such field caps the bonus (0 when no field holds it whole).
            const cap = factor === 1 ? EQUAL_BONUS * fieldWeight : 0;
            if (seen !== step || cap > (bonus[record] as number)) bonus[record] = cap;
          }
          if (seen !== step || weight > (wordWeight[record] as number)) {
            mark[record] = step;
            wordWeight[record] = weight;
            wordField[record] = field;
          }
        }
      }
      if (single) {
        const scores = new Float64Array(count);
        const bests = new Int32Array(count);
        for (let c = 0; c < count; c++) {
          const record = candidates[c] as number;
          scores[c] = round((wordWeight[record] as number) + (bonus[record] as number));
          bests[c] = bonusField[record] as number;
        }
        if (count === 0) return NO_MATCHES;
        const matched = candidates.slice(0, count);
        return { count, hits: (start, end) => this.rank(matched, scores, bests, null, start, end) };
      }
      if (w === 0) {
        scores = new Float64Array(count);
        bests = new Int32Array(count);
        bestScores = new Float64Array(count);
        caps = new Float64Array(count);
        for (let c = 0; c < count; c++) {
          const record = candidates[c] as number;
          caps[c] = bonus[record] as number;
          scores[c] = wordWeight[record] as number;
          bests[c] = wordField[record] as number;
          bestScores[c] = wordWeight[record] as number;
        }
      } else {
        let kept = 0;
        for (let c = 0; c < count; c++) {
          const record = candidates[c] as number;
          if (mark[record] !== step) continue;
          const weight = wordWeight[record] as number;
          candidates[kept] = record;
          caps[kept] = caps[c] as number;
          scores[kept] = (scores[c] as number) + weight;
          if (!((bestScores[c] as number) >= weight)) {
            bests[kept] = wordField[record] as number;
            bestScores[kept] = weight;
          } else {
            bests[kept] = bests[c] as number;
            bestScores[kept] = bestScores[c] as number;
          }
          kept++;
        }
        count = kept;
      }
      if (count === 0) return NO_MATCHES;
    }
    const matched = candidates.slice(0, count);
    return {
      count,
      hits: (start, end) => this.rank(matched, scores, bests, { phrase: words.join(" "), caps }, start, end),
    };
  }

  private scratchArrays(): Scratch {
    const n = this.records.length;
    this.scratch ??= {
      mark: new Int32Array(n),
      wordWeight: new Float64Array(n),
      wordField: new Int32Array(n),
      bonus: new Float64Array(n),
      bonusField: new Int32Array(n),
      candidates: new Int32Array(n),
    };
    return this.scratch;
  }

  /**
   * The hits ranked `start` to `end` of the `records` matched (scores and best fields alongside:
   * final when `phrased` is null, else before the bonus of its phrase, which each record's cap
   * bounds), selected with a bounded heap: the best `end` when the range is nearer the front, the
   * worst `count - start` when nearer the back, so a page costs one pass over the matches plus a
   * sort of at most that many hits, no hit object is built outside the page, and the phrase is
   * looked for only in records whose cap is not 0 and that may still reach the page.
   */
  private rank(
    records: Int32Array,
    scores: Float64Array,
    bests: Int32Array,
    phrased: { readonly phrase: string; readonly caps: Float64Array } | null,
    start: number,
    end: number,
  ): SearchHit[] {
    const count = records.length;
    if (start >= end) return [];
    const fromFront = end <= count - start;
    const size = fromFront ? end : count - start;
    const heap = new Heap(size, fromFront ? 1 : -1, this.index.tieRanks);
    const phrase = phrased?.phrase ?? "";
    const spaced = ` ${phrase}`;
    for (let c = 0; c < count; c++) {
      const record = records[c] as number;
      const score = scores[c] as number;
      const cap = phrased === null ? 0 : (phrased.caps[c] as number);
      if (cap === 0) {
        heap.offer(record, phrased === null ? score : round(score), bests[c] as number);
        continue;
      }
      // A record that cannot reach the worst kept score, even with the largest bonus, is skipped.
      if (fromFront && heap.full() && round(score + cap) < heap.peekScore()) continue;
      const fields = this.fieldsAt(record);
      const normalized = this.normalizedAt(record);
      let best = bests[c] as number;
      let bonus = 0;
      for (let i = 0; i < fields.length; i++) {
        const text = normalized[i] as string;
        const weight = (fields[i] as Field).weight;
        const b =
          text === phrase
            ? weight * EQUAL_BONUS
            : text.startsWith(phrase) || text.includes(spaced)
              ? weight * PHRASE_BONUS
              : 0;
        if (b > bonus) {
          bonus = b;
          best = i;
        }
      }
      heap.offer(record, round(score + bonus), best);
    }
    const ranked = heap.drain();
    if (!fromFront) ranked.reverse();
    const page = fromFront ? ranked.slice(start, end) : ranked.slice(0, end - start);
    return page.map(({ record, score, best }) => {
      const field = this.fieldsAt(record)[best] as Field;
      return { node: this.records[record] as NodeRecord, score, matchedField: field.field, matchedText: field.text };
    });
  }
}

interface Ranked {
  readonly record: number;
  readonly score: number;
  readonly best: number;
}

/**
 * Keeps the `capacity` smallest entries under the ranking order (higher score first, then tie
 * rank) times `sign` (−1 reverses it, to keep the worst); its root is the largest kept.
 */
class Heap {
  private readonly items: Ranked[] = [];

  constructor(
    private readonly capacity: number,
    private readonly sign: 1 | -1,
    private readonly tieRanks: Int32Array,
  ) {}

  private order(aRecord: number, aScore: number, b: Ranked): number {
    return this.sign * (b.score - aScore || (this.tieRanks[aRecord] as number) - (this.tieRanks[b.record] as number));
  }

  full(): boolean {
    return this.items.length >= this.capacity;
  }

  peekScore(): number {
    return (this.items[0] as Ranked).score;
  }

  offer(record: number, score: number, best: number): void {
    const items = this.items;
    if (items.length < this.capacity) {
      const item = { record, score, best };
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.order(record, score, items[parent] as Ranked) <= 0) break;
        items[i] = items[parent] as Ranked;
        i = parent;
      }
      items[i] = item;
      return;
    }
    if (this.order(record, score, items[0] as Ranked) >= 0) return;
    const item = { record, score, best };
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const l = items[left] as Ranked;
      const larger = right < items.length && this.order(l.record, l.score, items[right] as Ranked) < 0 ? right : left;
      if (this.order(record, score, items[larger] as Ranked) >= 0) break;
      items[i] = items[larger] as Ranked;
      i = larger;
    }
    items[i] = item;
  }

  /** The kept entries, smallest first under the heap's order. */
  drain(): Ranked[] {
    return this.items.sort((a, b) => this.order(a.record, a.score, b));
  }
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** Per record, its rank when all are sorted by normalised name or title, then id (the ranking's tie-break). */
function tieRanksOf(records: readonly NodeRecord[]): Int32Array {
  const keys = records.map(sortName);
  const order = Array.from(records, (_, i) => i).sort(
    (a, b) =>
      compareStrings(keys[a] as string, keys[b] as string) ||
      compareStrings((records[a] as NodeRecord).id, (records[b] as NodeRecord).id),
  );
  const ranks = new Int32Array(records.length);
  order.forEach((record, rank) => (ranks[record] = rank));
  return ranks;
}

/** The normalised name or title ties break on; the record's own string when normalising leaves it as is. */
function sortName(r: NodeRecord): string {
  const text = nameOf(r);
  if (text === null) return r.id;
  const normalized = normalize(text);
  return normalized === text ? text : normalized;
}

/** Entries per chunk while the index is built (see `postingsOf`): 2¹⁸ of four numbers, 4 MB. */
const CHUNK_BITS = 18;
const CHUNK_ENTRIES = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ENTRIES - 1;

/** Builds the index of `records` (see `SearchIndex`); `lookup` finds the records they link to. */
function buildIndex(records: readonly NodeRecord[], lookup: Lookup): SearchIndexState {
  const n = records.length;
  const typeOf = new Map<string, number>(NODE_TYPENAMES.map((t, i) => [t, i]));
  const typeIndexes = Uint8Array.from(records, r => typeOf.get(r.__typename) ?? 255);
  const tieRanks = tieRanksOf(records);
  const { fieldCount, tokens, starts, postings, values } = postingsOf(records, lookup);
  const byRank = new Int32Array(n);
  for (let r = 0; r < n; r++) byRank[tieRanks[r] as number] = r;
  const position = new Int32Array(n);
  const leaves = tokens.map((token, i) => !(tokens[i + 1]?.startsWith(token) ?? false));
  let largest = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (leaves[i] === true) largest = Math.max(largest, (starts[i + 1] as number) - (starts[i] as number));
  }
  const scratch = rankScratch(largest);
  for (let i = 0; i < tokens.length; i++) {
    const from = starts[i] as number;
    const size = (starts[i + 1] as number) - from;
    if (leaves[i] === true && size > 1) rankPostings(postings, tieRanks, from, size, values, byRank, position, scratch);
  }
  return { fieldCount, tieRanks, typeIndexes, tokens, starts, ...postings, values: Float64Array.from(values) };
}

/**
 * The postings of `records` in sorted token order, each token's in record order (leaves not yet
 * ranked), and the distinct weights and bonuses they index. The entries the pass writes them to
 * first are the build's largest structure: they are released when this returns, before any ranking.
 */
function postingsOf(
  records: readonly NodeRecord[],
  lookup: Lookup,
): { fieldCount: number; tokens: string[]; starts: Int32Array; postings: Postings; values: number[] } {
  const n = records.length;
  // Distinct weights and bonuses (a handful), by index, so postings hold a small index each.
  const values: number[] = [];
  const valueIndexes = new Map<number, number>();
  const valueIndex = (value: number): number => {
    let index = valueIndexes.get(value);
    if (index === undefined) {
      index = values.length;
      if (index > 0x7fff) throw new Error("too many distinct search weights");
      values.push(value);
      valueIndexes.set(value, index);
    }
    return index;
  };

  // One pass over each record's fields (read here, not kept: see `fieldsAt`): each text is
  // tokenised into the ids of its tokens; per record and token, its best-weighted field and its
  // best phrase-bonus field for the token alone. Plain loops over locals, not callbacks: the pass
  // meets every field of every record. Texts are tokenised again where they repeat (linked names,
  // shared quotes): at ×10,000, a map from each distinct text (a million) to its tokens cost more
  // to fill and search than tokenising them again (see `tokenIdsOf`).
  /** Tokens by id, in order of first sight. */
  const tokenIds = new Map<string, number>();
  const tokenNames: string[] = [];
  const tokenId = (token: string): number => {
    let id = tokenIds.get(token);
    if (id === undefined) {
      id = tokenNames.length;
      tokenIds.set(token, id);
      tokenNames.push(token);
    }
    return id;
  };
  let fieldCount = 0;
  let mostFields = 0;
  /**
   * Every (token, record) entry in record order, four numbers each: token id, weight field, hit
   * field, weight index × 2¹⁶ + bonus index (then placed per token, in token order); per record,
   * how many entries it has. A record's entries are written when its field first holding the token
   * is met, and updated in place by its later fields holding it. The entries go to chunks of a fixed
   * size, not to one array grown by copying: at ×10,000 they take hundreds of megabytes, and first
   * touching memory is most of what writing them costs.
   */
  const chunks: Int32Array[] = [];
  let chunk = new Int32Array(0);
  let entries = 0;
  const entryCounts = new Int32Array(n);
  /** Per token id: the last record holding it, and the number of its entry for that record. */
  let lastRecord = new Int32Array(1024).fill(-1);
  let entryOf = new Int32Array(1024);
  for (let record = 0; record < n; record++) {
    const fs = fieldsOf(records[record] as NodeRecord, lookup);
    fieldCount += fs.length;
    if (fs.length > mostFields) mostFields = fs.length;
    const first = entries;
    for (let field = 0; field < fs.length; field++) {
      const f = fs[field] as Field;
      const ids = tokenIdsOf(f.text, tokenId);
      if (tokenNames.length > lastRecord.length) {
        const size = Math.max(2 * lastRecord.length, tokenNames.length);
        const grown = new Int32Array(size).fill(-1);
        grown.set(lastRecord);
        lastRecord = grown;
        const grownEntries = new Int32Array(size);
        grownEntries.set(entryOf);
        entryOf = grownEntries;
      }
      if (ids.length === 0) continue;
      const weight = valueIndex(f.weight);
      const equalBonus = valueIndex(EQUAL_BONUS * f.weight);
      const phraseBonus = valueIndex(PHRASE_BONUS * f.weight);
      const bonus = ids.length === 1 ? equalBonus : phraseBonus;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        if (lastRecord[id] !== record) {
          lastRecord[id] = record;
          entryOf[id] = entries;
          const at = (entries & CHUNK_MASK) << 2;
          if (at === 0) {
            chunk = new Int32Array(CHUNK_ENTRIES << 2);
            chunks.push(chunk);
          }
          chunk[at] = id;
          chunk[at + 1] = field;
          chunk[at + 2] = field;
          chunk[at + 3] = weight * 0x10000 + bonus;
          entries++;
          continue;
        }
        const entry = entryOf[id] as number;
        const holder = chunks[entry >>> CHUNK_BITS] as Int32Array;
        const at = (entry & CHUNK_MASK) << 2;
        const packed = holder[at + 3] as number;
        let bestWeight = packed >>> 16;
        let bestBonus = packed & 0xffff;
        if (f.weight > (values[bestWeight] as number)) {
          holder[at + 1] = field;
          bestWeight = weight;
        }
        if ((values[bonus] as number) > (values[bestBonus] as number)) {
          holder[at + 2] = field;
          bestBonus = bonus;
        }
        holder[at + 3] = bestWeight * 0x10000 + bestBonus;
      }
    }
    entryCounts[record] = entries - first;
  }

  const order = tokenNames
    .map((_, id) => id)
    .sort((a, b) => compareStrings(tokenNames[a] as string, tokenNames[b] as string));
  const tokens = order.map(id => tokenNames[id] as string);
  const total = entries;
  const starts = new Int32Array(tokens.length + 1);
  const postingRecords = new Int32Array(total);
  const weightFields = narrow(total, mostFields - 1);
  const hitFields = narrow(total, mostFields - 1);
  const weightValues = narrow(total, values.length - 1);
  const hitValues = narrow(total, values.length - 1);
  const postings: Postings = { postingRecords, weightFields, hitFields, weightValues, hitValues };
  // Each token's postings in sorted token order, in record order (the entries') within a token.
  const next = new Int32Array(tokens.length);
  for (let e = 0; e < total; e++) {
    const id = (chunks[e >>> CHUNK_BITS] as Int32Array)[(e & CHUNK_MASK) << 2] as number;
    next[id] = (next[id] as number) + 1;
  }
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const id = order[i] as number;
    const size = next[id] as number;
    starts[i] = at;
    next[id] = at;
    at += size;
  }
  for (let record = 0, e = 0; record < n; record++) {
    for (const end = e + (entryCounts[record] as number); e < end; e++) {
      const holder = chunks[e >>> CHUNK_BITS] as Int32Array;
      const from = (e & CHUNK_MASK) << 2;
      const id = holder[from] as number;
      const to = next[id] as number;
      next[id] = to + 1;
      const packed = holder[from + 3] as number;
      postingRecords[to] = record;
      weightFields[to] = holder[from + 1] as number;
      hitFields[to] = holder[from + 2] as number;
      weightValues[to] = packed >>> 16;
      hitValues[to] = packed & 0xffff;
    }
  }
  starts[tokens.length] = at;
  return { fieldCount, tokens, starts, postings, values };
}

/**
 * What `rankPostings` works in, allocated once for the largest leaf: allocating it per leaf (several
 * numbers per posting in all) made the build's external memory churn, which costs full garbage
 * collections of the whole heap (the records) at ×10,000.
 */
interface RankScratch {
  readonly scores: Float64Array;
  readonly keys: Float64Array;
  /** The leaf's postings as they were, while they are put in order. */
  readonly records: Int32Array;
  readonly weightFields: Int32Array;
  readonly hitFields: Int32Array;
  readonly weightValues: Int32Array;
  readonly hitValues: Int32Array;
}

function rankScratch(size: number): RankScratch {
  return {
    scores: new Float64Array(size),
    keys: new Float64Array(size),
    records: new Int32Array(size),
    weightFields: new Int32Array(size),
    hitFields: new Int32Array(size),
    weightValues: new Int32Array(size),
    hitValues: new Int32Array(size),
  };
}

/**
 * Puts the postings `from` to `from + size` (a leaf token's, in record order) in the ranking order
 * of the one-word query of their token: score (its weight plus its bonus, in hundredths) descending,
 * then tie rank. One number per posting, (best − score) × records + tie rank, sorted numerically.
 */
function rankPostings(
  postings: Postings,
  tieRanks: Int32Array,
  from: number,
  size: number,
  values: readonly number[],
  byRank: Int32Array,
  position: Int32Array,
  scratch: RankScratch,
): void {
  const { postingRecords, weightFields, hitFields, weightValues, hitValues } = postings;
  const { scores, records } = scratch;
  const n = tieRanks.length;
  const to = from + size;
  let best = 0;
  for (let j = 0; j < size; j++) {
    const weight = values[weightValues[from + j] as number] as number;
    const bonus = values[hitValues[from + j] as number] as number;
    scores[j] = Math.round((weight + bonus) * 100);
    best = Math.max(best, scores[j] as number);
  }
  const keys = scratch.keys.subarray(0, size);
  for (let j = 0; j < size; j++) {
    const record = postingRecords[from + j] as number;
    position[record] = j;
    keys[j] = (best - (scores[j] as number)) * n + (tieRanks[record] as number);
  }
  keys.sort();
  // One statement per array, not a callback over the five: this runs for every leaf's postings.
  records.set(postingRecords.subarray(from, to));
  scratch.weightFields.set(weightFields.subarray(from, to));
  scratch.hitFields.set(hitFields.subarray(from, to));
  scratch.weightValues.set(weightValues.subarray(from, to));
  scratch.hitValues.set(hitValues.subarray(from, to));
  for (let k = 0; k < size; k++) {
    const key = keys[k] as number;
    const j = position[byRank[key - Math.floor(key / n) * n] as number] as number;
    postingRecords[from + k] = records[j] as number;
    weightFields[from + k] = scratch.weightFields[j] as number;
    hitFields[from + k] = scratch.hitFields[j] as number;
    weightValues[from + k] = scratch.weightValues[j] as number;
    hitValues[from + k] = scratch.hitValues[j] as number;
  }
}
