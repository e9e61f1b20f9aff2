/**
 * What search reads of each type: its searchable fields, strongest first, with their weights. A
 * table over every typename, so a type without its entry does not compile (a type whose text is
 * not searchable says so with an entry that adds nothing).
 */
import type { NodeRecord, NodeTypename, RecordByType } from "../domain/records";

export interface SearchField {
  readonly field: string;
  readonly text: string;
  readonly weight: number;
}

type Add = (field: string, text: string | null | undefined, weight: number) => void;

/** Each type's fields after its name and aliases (which every named type has, weights 10 and 9). */
export type SearchFields = { readonly [K in NodeTypename]: (record: RecordByType[K], add: Add) => void };

const nothingMore = (): void => undefined;

export const SEARCH_FIELDS: SearchFields = {
  Source: (r, add) => {
    add("title", r.title, 10);
    add("reportedBy", r.reportedBy, 5);
  },
  Country: (r, add) => {
    add("code", r.code, 9);
    add("officialName", r.officialName, 8);
    add("demonym", r.demonym, 5);
    add("region", r.region, 3);
  },
  City: nothingMore,
  Leader: (r, add) => add("office", r.office, 6),
  Company: (r, add) => add("description", r.description, 3),
  Meeting: (r, add) => {
    add("title", r.title, 10);
    add("description", r.description, 3);
  },
  Delegation: nothingMore,
  CooperationArea: (r, add) => add("description", r.description, 3),
  Position: (r, add) => add("summary", r.summary, 3),
  Commitment: (r, add) => {
    add("title", r.title, 10);
    add("description", r.description, 3);
  },
  FlightRoute: (r, add) => add("expectedBenefits", r.expectedBenefits.join(", "), 3),
  Award: (r, add) => add("description", r.description, 3),
  AwardConferral: (r, add) => add("reason", r.reason, 3),
  SharedValue: nothingMore,
  Statement: (r, add) => add("summary", r.summary, 3),
};

/** The searchable fields of a record, strongest first. */
export function fieldsOf(r: NodeRecord): SearchField[] {
  const fields: SearchField[] = [];
  const add: Add = (field, text, weight) => {
    if (text) fields.push({ field, text, weight });
  };
  if ("name" in r) add("name", r.name, 10);
  if ("aliases" in r) for (const alias of r.aliases) add("alias", alias, 9);
  (SEARCH_FIELDS[r.__typename] as (record: NodeRecord, add: Add) => void)(r, add);
  return fields;
}
