/** The orderings of the in-memory store: each type's records sorted once per ordering it supports. */
import { compareStrings } from "../../common/compare";
import type { NodeTypename, RecordByType } from "../../domain/records";
import { OrderDirection, OrderField, type Ordering } from "../repository";
import type { TypeSpec } from "./type-specs";

export const orderKey = ({ field, direction }: Ordering): string => `${field}:${direction}`;

/** Whether the type has the key `ordering` sorts by (every type has its id). */
export function supports<K extends NodeTypename>(spec: TypeSpec<K>, { field }: Ordering): boolean {
  return field === OrderField.ID || (field === OrderField.NAME ? !!spec.name : !!spec.date);
}

/** Every ordering the type supports, both directions. */
export function orderingsOf<K extends NodeTypename>(spec: TypeSpec<K>): Ordering[] {
  const orderings: Ordering[] = [];
  for (const field of Object.values(OrderField))
    for (const direction of Object.values(OrderDirection)) {
      const ordering = { field, direction };
      if (supports(spec, ordering)) orderings.push(ordering);
    }
  return orderings;
}

/**
 * The records in `ordering`: by the ordering's key (lower-cased name, or date; records without a
 * date last in either direction), then id. Each record's key is computed once, not per comparison.
 */
export function sortedBy<K extends NodeTypename>(
  spec: TypeSpec<K>,
  ordering: Ordering,
  records: ReadonlyArray<RecordByType[K]>,
): Array<RecordByType[K]> {
  return sortedPositions(spec, ordering, records).map(at => records[at] as RecordByType[K]);
}

/** The positions in `records` of the records in `ordering` (see `sortedBy`). */
export function sortedPositions<K extends NodeTypename>(
  spec: TypeSpec<K>,
  { field, direction }: Ordering,
  records: ReadonlyArray<RecordByType[K]>,
): number[] {
  const sign = direction === OrderDirection.ASC ? 1 : -1;
  const key =
    field === OrderField.NAME
      ? (r: RecordByType[K]) => spec.name?.(r).toLocaleLowerCase("en") ?? ""
      : field === OrderField.DATE
        ? (r: RecordByType[K]) => spec.date?.(r) ?? null
        : null;
  const keyed = records.map((record, at) => ({ at, id: record.id, key: key ? key(record) : null }));
  keyed.sort((a, b) => {
    const [ka, kb] = [a.key, b.key];
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      return sign * compareStrings(ka, kb);
    }
    return sign * compareStrings(a.id, b.id);
  });
  return keyed.map(k => k.at);
}
