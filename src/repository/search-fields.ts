/**
 * What search reads of each type: its searchable fields, with their weights. A table over every
 * typename, so a type without its entry does not compile (a type with nothing more to search
 * would say so with an entry that adds nothing).
 *
 * Besides its own text, a record is found by the names of what it links to (a route by its cities
 * and operator, a conferral by its award and leaders) and by the quotes of its citations. Weights,
 * highest first: own name or title 10, own alias or code 9, official name 8, office 6, demonym and
 * reporter 5, a defining link's name 4 (its aliases 3.6), own descriptions and summaries 3, a
 * contextual link's name 2 (aliases 1.8), a quote 1. Every link weighs under half an own name, so a
 * record named by the query ranks above the records that merely link to it.
 */
import type { NodeRecord, NodeTypename, RecordByType } from "../domain/records";

export interface SearchField {
  readonly field: string;
  readonly text: string;
  readonly weight: number;
}

type Add = (field: string, text: string | null | undefined, weight: number) => void;

/** Adds the name (or title) and aliases of each linked record as `field`; aliases at 0.9× the weight. */
type Link = (field: string, ids: string | readonly string[] | null, weight: number) => void;

/** A record by id (undefined when the store has none). */
export type Lookup = (id: string) => NodeRecord | undefined;

/** Each type's fields after its name and aliases (which every named type has, weights 10 and 9). */
export type SearchFields = {
  readonly [K in NodeTypename]: (record: RecordByType[K], add: Add, link: Link) => void;
};

/** What defines a record: a route's cities and operator, a position's actor and area, a city's country. */
export const LINK_WEIGHT = 4;
/** Where or with what a record sits: a conferral's city, a country's capital, an area's companies. */
export const CONTEXT_WEIGHT = 2;
/** The quote of each of the record's citations. */
export const QUOTE_WEIGHT = 1;
/** The share of a name's weight that an alias has (own aliases 9 against names 10, and so for links). */
export const ALIAS_FACTOR = 0.9;

export const SEARCH_FIELDS: SearchFields = {
  Source: (r, add, link) => {
    add("title", r.title, 10);
    add("reportedBy", r.reportedBy, 5);
    link("dateline", r.datelineCityId, CONTEXT_WEIGHT);
  },
  Country: (r, add, link) => {
    add("code", r.code, 9);
    add("officialName", r.officialName, 8);
    add("demonym", r.demonym, 5);
    add("region", r.region, 3);
    link("capital", r.capitalId, CONTEXT_WEIGHT);
  },
  City: (r, _add, link) => link("country", r.countryId, LINK_WEIGHT),
  Leader: (r, add, link) => {
    add("office", r.office, 6);
    link("country", r.countryId, LINK_WEIGHT);
  },
  Company: (r, add, link) => {
    add("description", r.description, 3);
    link("country", r.countryId, LINK_WEIGHT);
  },
  Meeting: (r, add, link) => {
    add("title", r.title, 10);
    add("description", r.description, 3);
    link("city", r.cityId, LINK_WEIGHT);
    link("participants", r.participantIds, LINK_WEIGHT);
    link("hostCountry", r.hostCountryId, CONTEXT_WEIGHT);
  },
  Delegation: (r, _add, link) => link("country", r.countryId, LINK_WEIGHT),
  CooperationArea: (r, add, link) => {
    add("description", r.description, 3);
    link("companies", r.companyIds, CONTEXT_WEIGHT);
  },
  Position: (r, add, link) => {
    add("summary", r.summary, 3);
    link("actor", r.actorId, LINK_WEIGHT);
    link("area", r.areaId, LINK_WEIGHT);
  },
  Commitment: (r, add, link) => {
    add("title", r.title, 10);
    add("description", r.description, 3);
    link("parties", r.partyIds, LINK_WEIGHT);
    link("area", r.areaId, LINK_WEIGHT);
    link("beneficiary", r.beneficiaryId, CONTEXT_WEIGHT);
  },
  // A route has no name: the type's own words ("An air route between two cities") stand for one.
  FlightRoute: (r, add, link) => {
    add("type", "flight route", 3);
    add("expectedBenefits", r.expectedBenefits.join(", "), 3);
    link("origin", r.originId, LINK_WEIGHT);
    link("destination", r.destinationId, LINK_WEIGHT);
    link("operator", r.operatorId, LINK_WEIGHT);
    link("area", r.areaId, CONTEXT_WEIGHT);
  },
  Award: (r, add, link) => {
    add("description", r.description, 3);
    link("country", r.countryId, LINK_WEIGHT);
  },
  AwardConferral: (r, add, link) => {
    add("reason", r.reason, 3);
    link("award", r.awardId, LINK_WEIGHT);
    link("recipient", r.recipientId, LINK_WEIGHT);
    link("conferredBy", r.conferredById, LINK_WEIGHT);
    link("city", r.cityId, CONTEXT_WEIGHT);
  },
  SharedValue: (r, _add, link) => {
    link("countries", r.countryIds, LINK_WEIGHT);
    link("notedBy", r.notedById, CONTEXT_WEIGHT);
  },
  Statement: (r, add, link) => {
    add("summary", r.summary, 3);
    link("speakers", r.speakerIds, LINK_WEIGHT);
  },
};

/** The searchable fields of a record: own name and aliases, its type's fields, then its quotes. */
/** A record's name, or its title for the types that have one instead; null for the others. */
export function nameOf(r: NodeRecord): string | null {
  return "name" in r ? r.name : "title" in r ? r.title : null;
}

export function fieldsOf(r: NodeRecord, lookup: Lookup): SearchField[] {
  const fields: SearchField[] = [];
  const add: Add = (field, text, weight) => {
    if (text) fields.push({ field, text, weight });
  };
  const link: Link = (field, ids, weight) => {
    for (const id of ids === null ? [] : typeof ids === "string" ? [ids] : ids) {
      const linked = lookup(id);
      if (!linked) continue;
      add(field, nameOf(linked), weight);
      if ("aliases" in linked) for (const alias of linked.aliases) add(field, alias, weight * ALIAS_FACTOR);
    }
  };
  if ("name" in r) add("name", r.name, 10);
  if ("aliases" in r) for (const alias of r.aliases) add("alias", alias, 9);
  (SEARCH_FIELDS[r.__typename] as (record: NodeRecord, add: Add, link: Link) => void)(r, add, link);
  for (const quote of quotesOf(r)) add("quote", quote, QUOTE_WEIGHT);
  return fields;
}

/** The quotes of a record's citations (a meeting's also those of its formats), each once. */
function quotesOf(r: NodeRecord): Set<string> {
  const citations = r.__typename === "Meeting" ? [...r.citations, ...r.formats.flatMap(f => f.citations)] : r.citations;
  return new Set(citations.map(c => c.quote));
}
