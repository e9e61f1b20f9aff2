/**
 * Full-text search over names, aliases and descriptions of every record.
 *
 * Texts are normalised (Unicode NFKD, marks stripped, lower case) and split into word tokens. The
 * index maps each token to the records and fields that contain it; tokens are kept sorted so that a
 * query word matches every token it is a prefix of by binary search. A record matches when every
 * query word matches one of its tokens. Its score adds, per query word, the weight of the best field
 * it matched (full word 1×, prefix 0.7×), plus a bonus when a field equals the whole query (2×) or
 * contains it as a phrase (0.5×). Ties break by name, then id, so results are stable.
 */
import type { NodeRecord, NodeTypename } from "../domain/records";
import type { SearchHit } from "./repository";

interface Field {
  readonly field: string;
  readonly text: string;
  readonly weight: number;
}

interface Posting {
  readonly record: number;
  readonly field: number;
}

export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(t => t.length > 0);
}

/** The searchable fields of a record, strongest first. */
function fieldsOf(r: NodeRecord): Field[] {
  const fields: Field[] = [];
  const add = (field: string, text: string | null | undefined, weight: number) => {
    if (text) fields.push({ field, text, weight });
  };
  if ("name" in r) add("name", r.name, 10);
  if ("aliases" in r) for (const alias of r.aliases) add("alias", alias, 9);
  switch (r.__typename) {
    case "Country":
      add("code", r.code, 9);
      add("officialName", r.officialName, 8);
      add("demonym", r.demonym, 5);
      add("region", r.region, 3);
      break;
    case "Leader":
      add("office", r.office, 6);
      break;
    case "Source":
      add("title", r.title, 10);
      add("reportedBy", r.reportedBy, 5);
      break;
    case "Meeting":
    case "Commitment":
      add("title", r.title, 10);
      add("description", r.description, 3);
      break;
    case "Company":
    case "CooperationArea":
    case "Award":
      add("description", r.description, 3);
      break;
    case "Position":
    case "Statement":
      add("summary", r.summary, 3);
      break;
    case "AwardConferral":
      add("reason", r.reason, 3);
      break;
    case "FlightRoute":
      add("expectedBenefits", r.expectedBenefits.join(", "), 3);
      break;
    case "City":
    case "Delegation":
    case "SharedValue":
      break;
  }
  return fields;
}

export class SearchIndex {
  private readonly records: readonly NodeRecord[];
  private readonly fields: ReadonlyArray<readonly Field[]>;
  private readonly normalizedFields: ReadonlyArray<readonly string[]>;
  private readonly tokens: readonly string[];
  private readonly postings: ReadonlyMap<string, readonly Posting[]>;

  constructor(records: readonly NodeRecord[]) {
    this.records = records;
    this.fields = records.map(fieldsOf);
    this.normalizedFields = this.fields.map(fs => fs.map(f => tokenize(f.text).join(" ")));
    const postings = new Map<string, Posting[]>();
    this.fields.forEach((fs, record) =>
      fs.forEach((f, field) => {
        for (const token of new Set(tokenize(f.text))) {
          const list = postings.get(token) ?? [];
          list.push({ record, field });
          postings.set(token, list);
        }
      }),
    );
    this.postings = postings;
    this.tokens = [...postings.keys()].sort();
  }

  /** Every match, best first. */
  search(text: string, types: readonly NodeTypename[] | null): SearchHit[] {
    const words = [...new Set(tokenize(text))];
    if (words.length === 0) return [];
    const phrase = words.join(" ");
    const allowed = types && types.length > 0 ? new Set<string>(types) : null;

    // Per record: total score, and the best field seen.
    let scores: Map<number, { score: number; best: number; bestScore: number }> | null = null;
    for (const word of words) {
      const perRecord = new Map<number, { weight: number; field: number }>();
      for (let i = lowerBound(this.tokens, word); i < this.tokens.length; i++) {
        const token = this.tokens[i] as string;
        if (!token.startsWith(word)) break;
        const factor = token === word ? 1 : 0.7;
        for (const p of this.postings.get(token) ?? []) {
          if (allowed && !allowed.has((this.records[p.record] as NodeRecord).__typename)) continue;
          if (scores && !scores.has(p.record)) continue;
          const weight = ((this.fields[p.record] as Field[])[p.field] as Field).weight * factor;
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
      const normalized = this.normalizedFields[record] as string[];
      const fields = this.fields[record] as Field[];
      let bonus = 0;
      normalized.forEach((text, i) => {
        const weight = (fields[i] as Field).weight;
        const b = text === phrase ? weight * 2 : ` ${text} `.includes(` ${phrase}`) ? weight * 0.5 : 0;
        if (b > bonus) {
          bonus = b;
          best = i;
        }
      });
      score += bonus;
      const field = fields[best] as Field;
      hits.push({
        node: this.records[record] as NodeRecord,
        score: Math.round(score * 100) / 100,
        matchedField: field.field,
        matchedText: field.text,
      });
    }
    return hits.sort(
      (a, b) => b.score - a.score || compare(sortName(a.node), sortName(b.node)) || compare(a.node.id, b.node.id),
    );
  }
}

function sortName(r: NodeRecord): string {
  if ("name" in r) return normalize(r.name);
  if ("title" in r) return normalize(r.title);
  return r.id;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
