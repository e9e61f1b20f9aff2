/**
 * Evidence per value, in the form clients ask for it: one claim per fact field with a value (a
 * statement with its references, in Wikidata's terms), built from a record's compact `supports`
 * masks and `inferred` bases (src/domain/records.ts), which the loader checked (seed.evidence.ts).
 */
import { EvidenceMethod } from "./enums";
import type { CitationRecord, Evidenced } from "./records";

/** Set in a citation's mask when it quotes a `REFERENCE` source. Fact fields use the bits below it. */
export const REFERENCE_BIT = 1 << 30;

/** What supports the value of one fact field. */
export interface ClaimRecord {
  /** The GraphQL field (and seed key) the claim is about, e.g. "invitedBy". */
  readonly field: string;
  /**
   * `INFERRED` when the record gives a basis for the field; else `REFERENCE` when every citation
   * backing it quotes a `REFERENCE` source; else `STATED`.
   */
  readonly method: EvidenceMethod;
  /** How an `INFERRED` value was derived, in words; null otherwise. */
  readonly basis: string | null;
  /** The citations backing the value: some of the record's own `citations`, the same objects, in order. */
  readonly citations: readonly CitationRecord[];
}

/**
 * The claims of `record`, whose fact fields are `facts`, in their order: one for each field some
 * citation backs (the loader requires one for every field with a value, and allows none for a field
 * without), or only for the fields named in `only`.
 */
export function claimsOf(record: Evidenced, facts: readonly string[], only?: readonly string[] | null): ClaimRecord[] {
  const claims: ClaimRecord[] = [];
  const { citations, supports, inferred } = record;
  facts.forEach((field, i) => {
    if (only && !only.includes(field)) return;
    const bit = 1 << i;
    const backing: CitationRecord[] = [];
    let reference = true;
    for (let c = 0; c < citations.length; c++) {
      const mask = supports[c] ?? 0;
      if ((mask & bit) === 0) continue;
      backing.push(citations[c]!);
      if ((mask & REFERENCE_BIT) === 0) reference = false;
    }
    if (backing.length === 0) return;
    const basis = inferred?.[field] ?? null;
    const method =
      basis !== null ? EvidenceMethod.INFERRED : reference ? EvidenceMethod.REFERENCE : EvidenceMethod.STATED;
    claims.push({ field, method, basis, citations: backing });
  });
  return claims;
}
