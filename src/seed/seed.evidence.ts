/**
 * Evidence per value: from the `supports` of a record's citations and its `inferred` bases, the
 * record's compact evidence (a mask per citation, the bases: src/domain/records.ts, read as claims by
 * src/domain/evidence.ts), checked as it is built. A fact field with a
 * value that no citation supports, an inference without a basis, and a field named by `supports` or
 * `inferred` that is not a fact field of the type, or has no value, are problems.
 *
 * A field's claim is `INFERRED` when `inferred` names it (its citations are what the value is
 * inferred from), else `REFERENCE` when every citation backing it quotes a `REFERENCE` source, else
 * `STATED`.
 */
import { SourceKind } from "../domain/enums";
import { REFERENCE_BIT } from "../domain/evidence";
import type { CitationRecord, Evidenced } from "../domain/records";
import { isObject } from "./seed.parse";

/** What the evidence of a record is built from: its seed values, citations and inferences. */
export interface EvidenceSeed {
  readonly citations: readonly { readonly supports?: readonly string[] }[];
  readonly inferred?: Readonly<Record<string, unknown>>;
}

/** Where the record stands, for problems (`file: $.path`), and what its type is called. */
export interface EvidenceSite {
  readonly at: string;
  readonly typename: string;
}

/** A value a claim can be about: not null, not missing, not an empty list. */
const hasValue = (value: unknown): boolean =>
  value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

const listOf = (names: readonly string[]): string => names.join(", ");

/** Where a citation's `supports` entry stands, for its problem. */
const supportsAt = (at: string, index: number, j: number): string => `${at}.citations[${index}].supports[${j}]`;

/**
 * The evidence of a record whose citations checked to `citations` (one per seed citation, in
 * order), adding every problem found to `problems`. `facts` has at most 30 fields (one bit each).
 * Called once per record of the seed: what a citation backs is a mask of fact bits, not a set of
 * names, and a problem's place is spelt only when there is a problem.
 */
export function evidenceOf(
  seed: EvidenceSeed,
  citations: readonly CitationRecord[],
  facts: readonly string[],
  site: EvidenceSite,
  kindOf: (sourceId: string) => string | undefined,
  problems: string[],
  shared: SharedValues = new SharedValues(),
): Evidenced {
  const { at, typename } = site;
  const values = seed as unknown as Readonly<Record<string, unknown>>;
  const bitOf = shared.bitsOf(facts);
  const aligned = citations.length === seed.citations.length;
  /** Per citation, the fact bits it backs (when aligned), with the kind of its source's bit. */
  const supports = citations.map(citation => (kindOf(citation.sourceId) === SourceKind.REFERENCE ? REFERENCE_BIT : 0));
  /** The fact bits some citation backs. */
  let backed = 0;

  seed.citations.forEach((citation, index) => {
    let seen = 0;
    (citation.supports ?? []).forEach((field, j) => {
      const bit = bitOf.get(field);
      if (bit === undefined) {
        problems.push(
          `${supportsAt(at, index, j)}: "${field}" is not a fact field of ${typename} (its fact fields: ${listOf(facts)})`,
        );
        return;
      }
      const mask = 1 << bit;
      if (seen & mask) {
        problems.push(`${supportsAt(at, index, j)}: "${field}" is listed twice`);
      } else if (!hasValue(values[field])) {
        problems.push(`${supportsAt(at, index, j)}: supports "${field}", which has no value here`);
      } else if (aligned) {
        supports[index]! |= mask;
        backed |= mask;
      }
      seen |= mask;
    });
  });

  const inferred = new Map<string, string>();
  if (isObject(seed.inferred)) {
    for (const [field, basis] of Object.entries(seed.inferred)) {
      const where = `${at}.inferred.${field}`;
      if (!bitOf.has(field)) {
        problems.push(`${where}: "${field}" is not a fact field of ${typename} (its fact fields: ${listOf(facts)})`);
      } else if (typeof basis !== "string" || basis.trim().length === 0) {
        problems.push(`${where}: an inference needs its basis: a non-empty string saying how the value was derived`);
      } else if (!hasValue(values[field])) {
        problems.push(`${where}: "${field}" has no value here, so there is nothing inferred`);
      } else inferred.set(field, basis);
    }
  }

  if (aligned) {
    facts.forEach((field, bit) => {
      if (backed & (1 << bit) || !hasValue(values[field])) return;
      problems.push(
        inferred.has(field)
          ? `${at}.${field}: inferred, but no citation names it in its "supports": add "${field}" to the supports of the citations it is inferred from`
          : `${at}.${field}: no evidence: add "${field}" to the "supports" of a citation that states it, or mark it "inferred" with its basis`,
      );
    });
  }
  return {
    citations,
    supports: shared.get(supports.join(","), supports),
    inferred: inferred.size > 0 ? shared.get(JSON.stringify([...inferred]), Object.fromEntries(inferred)) : null,
  };
}

/**
 * One copy of each distinct value for the records of one load: records of the same shape back
 * their fields alike (the same masks, often the same bases), and each would otherwise hold its own
 * copy (JSON.parse makes a new string for every occurrence of a text).
 */
export class SharedValues {
  private readonly values = new Map<string, unknown>();
  private readonly bits = new Map<readonly string[], ReadonlyMap<string, number>>();

  /** Each fact field's bit, per list of fact fields (one per type and part): built once per load, not per record. */
  bitsOf(facts: readonly string[]): ReadonlyMap<string, number> {
    let bits = this.bits.get(facts);
    if (!bits) this.bits.set(facts, (bits = new Map(facts.map((field, bit) => [field, bit]))));
    return bits;
  }

  /** The value first given for `key`, else `value` (kept for the next). */
  get<T>(key: string, value: T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known as T;
    this.values.set(key, value);
    return value;
  }
}
