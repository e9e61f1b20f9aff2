/**
 * Full-text search over every record's names, aliases and descriptions, the names of what it links
 * to and the quotes of its citations (which fields, and their weights: search-fields.ts).
 *
 * Texts are normalised (Unicode NFKD, marks stripped, lower case) and split into word tokens. The
 * index maps each token to the records and fields that contain it; tokens are kept sorted so that a
 * query word matches every token it is a prefix of by binary search. A record matches when every
 * query word matches one of its tokens. Its score adds, per query word, the weight of the best field
 * it matched (full word 1×, prefix 0.7×), plus a bonus when a field equals the whole query (2×) or
 * contains it as a phrase (0.5×). Ties break by name, then id, so results are stable.
 *
 * A query scores every matching record (that is what `totalCount` counts) but builds hits only for
 * the page asked for: a bounded heap keeps the page's ranks, so nothing sorts every match.
 */
import { compareStrings } from "../common/compare";
import type { NodeRecord, NodeTypename } from "../domain/records";
import type { SearchHit } from "./repository";
import { fieldsOf, type Lookup, type SearchField as Field, nameOf } from "./search-fields";

/**
 * A posting, packed into one number: record × FIELDS + field (no object per posting). Records
 * have far fewer than FIELDS fields, and records × FIELDS stays a safe integer.
 */
const FIELDS = 2 ** 20;

export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(t => t.length > 0);
}

/** What one query matched: how many records, and the hits at any rank range, ranked on demand. */
export interface SearchMatches {
  readonly count: number;
  /** The hits ranked `start` to `end` (end exclusive), best first. */
  hits(start: number, end: number): SearchHit[];
}

/** A matched record while the query words are scored: total, best field, and the current word's best. */
interface Match {
  score: number;
  best: number;
  bestScore: number;
  word: number;
  wordWeight: number;
  wordField: number;
}

const NO_MATCHES: SearchMatches = { count: 0, hits: () => [] };

/** The index's size: records, their searchable fields, distinct tokens, and postings (token × field). */
export interface SearchIndexStats {
  readonly records: number;
  readonly fields: number;
  readonly tokens: number;
  readonly postings: number;
}

export class SearchIndex {
  private readonly records: readonly NodeRecord[];
  private readonly fields: ReadonlyArray<readonly Field[]>;
  private readonly normalizedFields: ReadonlyArray<readonly string[]>;
  /** Per record: the normalised name or title ties break on, and its strongest field weight. */
  private readonly sortKeys: readonly string[];
  private readonly maxWeights: Float64Array;
  private readonly tokens: readonly string[];
  private readonly postings: ReadonlyMap<string, readonly number[]>;

  /** `lookup` finds the records that `records` link to, whose names are searchable fields of theirs. */
  constructor(records: readonly NodeRecord[], lookup: Lookup) {
    this.records = records;
    this.fields = records.map(r => fieldsOf(r, lookup));
    this.sortKeys = records.map(sortName);
    this.maxWeights = Float64Array.from(this.fields, fs => fs.reduce((max, f) => Math.max(max, f.weight), 0));
    // One pass: each distinct text is tokenised once (linked names repeat), for its normalised text
    // and the postings of every field that holds it.
    const postings = new Map<string, number[]>();
    const normalizedTexts = new Map<string, string>();
    this.normalizedFields = this.fields.map((fs, record) =>
      fs.map((f, field) => {
        if (field >= FIELDS) throw new Error(`record ${records[record]?.id ?? record} has too many searchable fields`);
        let normalized = normalizedTexts.get(f.text);
        if (normalized === undefined) {
          normalized = tokenize(f.text).join(" ");
          normalizedTexts.set(f.text, normalized);
        }
        if (normalized === "") return normalized;
        for (const token of new Set(normalized.split(" "))) {
          const list = postings.get(token);
          if (list) list.push(record * FIELDS + field);
          else postings.set(token, [record * FIELDS + field]);
        }
        return normalized;
      }),
    );
    this.postings = postings;
    this.tokens = [...postings.keys()].sort();
  }

  /** How big the index is (for `npm run bench:scale`). */
  stats(): SearchIndexStats {
    let postings = 0;
    for (const list of this.postings.values()) postings += list.length;
    return {
      records: this.records.length,
      fields: this.fields.reduce((sum, fs) => sum + fs.length, 0),
      tokens: this.tokens.length,
      postings,
    };
  }

  /** The records matching `text`, counted; hits are built only for the ranks asked for. */
  match(text: string, types: readonly NodeTypename[] | null): SearchMatches {
    const words = [...new Set(tokenize(text))];
    if (words.length === 0) return NO_MATCHES;
    const allowed = types && types.length > 0 ? new Set<string>(types) : null;

    // Per record: total score, the best field seen, and the best weight for the word being scored.
    const matches = new Map<number, Match>();
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      for (let i = lowerBound(this.tokens, word); i < this.tokens.length; i++) {
        const token = this.tokens[i] as string;
        if (!token.startsWith(word)) break;
        const factor = token === word ? 1 : 0.7;
        for (const posting of this.postings.get(token) ?? []) {
          const record = Math.floor(posting / FIELDS);
          const field = posting - record * FIELDS;
          let m = matches.get(record);
          if (!m) {
            if (w > 0 || (allowed && !allowed.has((this.records[record] as NodeRecord).__typename))) continue;
            m = { score: 0, best: 0, bestScore: -1, word: -1, wordWeight: 0, wordField: 0 };
            matches.set(record, m);
          }
          const weight = ((this.fields[record] as Field[])[field] as Field).weight * factor;
          if (m.word !== w || weight > m.wordWeight) {
            m.word = w;
            m.wordWeight = weight;
            m.wordField = field;
          }
        }
      }
      for (const [record, m] of matches) {
        if (m.word !== w) {
          matches.delete(record);
          continue;
        }
        m.score += m.wordWeight;
        if (!(m.bestScore >= m.wordWeight)) {
          m.best = m.wordField;
          m.bestScore = m.wordWeight;
        }
      }
      if (matches.size === 0) return NO_MATCHES;
    }
    return { count: matches.size, hits: (start, end) => this.rank(matches, words.join(" "), start, end) };
  }

  /**
   * The hits ranked `start` to `end`, selected with a bounded heap: the best `end` when the range is
   * nearer the front, the worst `count - start` when nearer the back, so a page costs one pass over
   * the matches plus a sort of at most that many hits, and no hit object is built outside the page.
   */
  private rank(matches: ReadonlyMap<number, Match>, phrase: string, start: number, end: number): SearchHit[] {
    const count = matches.size;
    if (start >= end) return [];
    const fromFront = end <= count - start;
    const size = fromFront ? end : count - start;
    // `order` < 0 when a goes before b in the heap's order (ranking order, or reversed from the back).
    const sign = fromFront ? 1 : -1;
    const heap = new Heap(size, (a, b) => sign * this.compareRanked(a, b));
    const spaced = ` ${phrase}`;
    for (const [record, m] of matches) {
      // A record that cannot reach the worst kept score, even with the largest bonus, is skipped.
      if (fromFront && heap.full() && round(m.score + 2 * (this.maxWeights[record] as number)) < heap.peekScore())
        continue;
      const normalized = this.normalizedFields[record] as string[];
      const fields = this.fields[record] as Field[];
      let best = m.best;
      let bonus = 0;
      for (let i = 0; i < normalized.length; i++) {
        const text = normalized[i] as string;
        const weight = (fields[i] as Field).weight;
        const b = text === phrase ? weight * 2 : text.startsWith(phrase) || text.includes(spaced) ? weight * 0.5 : 0;
        if (b > bonus) {
          bonus = b;
          best = i;
        }
      }
      heap.offer(record, round(m.score + bonus), best);
    }
    const ranked = heap.drain();
    if (!fromFront) ranked.reverse();
    const page = fromFront ? ranked.slice(start, end) : ranked.slice(0, end - start);
    return page.map(({ record, score, best }) => {
      const field = (this.fields[record] as Field[])[best] as Field;
      return { node: this.records[record] as NodeRecord, score, matchedField: field.field, matchedText: field.text };
    });
  }

  /** Ranking order: higher score first, then normalised name, then id. */
  private compareRanked(a: Ranked, b: Ranked): number {
    return (
      b.score - a.score ||
      compareStrings(this.sortKeys[a.record] as string, this.sortKeys[b.record] as string) ||
      compareStrings((this.records[a.record] as NodeRecord).id, (this.records[b.record] as NodeRecord).id)
    );
  }
}

interface Ranked {
  readonly record: number;
  readonly score: number;
  readonly best: number;
}

/** Keeps the `capacity` smallest entries under `order`; its root is the largest kept. */
class Heap {
  private readonly items: Ranked[] = [];

  constructor(
    private readonly capacity: number,
    private readonly order: (a: Ranked, b: Ranked) => number,
  ) {}

  full(): boolean {
    return this.items.length >= this.capacity;
  }

  peekScore(): number {
    return (this.items[0] as Ranked).score;
  }

  offer(record: number, score: number, best: number): void {
    const item = { record, score, best };
    const items = this.items;
    if (items.length < this.capacity) {
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.order(items[parent] as Ranked, item) >= 0) break;
        items[i] = items[parent] as Ranked;
        i = parent;
      }
      items[i] = item;
      return;
    }
    if (this.order(item, items[0] as Ranked) >= 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const larger =
        right < items.length && this.order(items[right] as Ranked, items[left] as Ranked) > 0 ? right : left;
      if (this.order(items[larger] as Ranked, item) <= 0) break;
      items[i] = items[larger] as Ranked;
      i = larger;
    }
    items[i] = item;
  }

  /** The kept entries, smallest first under `order`. */
  drain(): Ranked[] {
    return this.items.sort(this.order);
  }
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** The normalised name or title ties break on; the record's own string when normalising leaves it as is. */
function sortName(r: NodeRecord): string {
  const text = nameOf(r);
  if (text === null) return r.id;
  const normalized = normalize(text);
  return normalized === text ? text : normalized;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
