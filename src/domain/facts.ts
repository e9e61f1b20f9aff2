/**
 * The fact fields of each record type: the fields whose values the sources state (or from which they
 * are inferred), each of which carries evidence — the citations backing its value and how it was
 * obtained (`EvidenceMethod`). The names are the GraphQL field names, which are also the seed keys.
 *
 * What is left out is said here once: `id` (assigned by this graph), `citations` and `evidence`
 * themselves, and prose this graph writes to describe a record (`title`, `description`, `summary` of
 * meetings, areas, companies, awards, commitments, positions and statements; a delegation's `name`;
 * a source's `title` and `file`) — that prose is supported by the record's citations as a whole.
 * `FlightRoute.plannedYearBasis` is the basis of the `plannedYear` claim, not a fact of its own.
 */
import type { NodeTypename } from "./records";

export const FACT_FIELDS = {
  Source: ["kind", "publishedOn", "dateline", "reportedBy", "publisher", "language"],
  Country: ["name", "aliases", "code", "officialName", "capital", "region", "demonym"],
  City: ["name", "aliases", "country"],
  Leader: ["name", "aliases", "title", "office", "country"],
  Company: ["name", "aliases", "country", "sector"],
  Meeting: ["date", "city", "hostCountry", "participants", "invitedBy", "continues", "formats"],
  Delegation: ["country", "meeting"],
  CooperationArea: ["name", "aliases", "category", "companies"],
  Position: ["actor", "stance", "area", "meeting"],
  Commitment: ["kind", "status", "parties", "madeBy", "beneficiary", "area", "meeting", "value", "quantity"],
  FlightRoute: ["operator", "origin", "destination", "direct", "status", "plannedYear", "area", "expectedBenefits"],
  Award: ["name", "aliases", "country"],
  AwardConferral: ["award", "conferredBy", "recipient", "date", "city", "meeting", "reason", "recipientResponse"],
  SharedValue: ["name", "aliases", "countries", "notedBy", "meeting"],
  Statement: ["speakers", "kind", "meeting"],
} as const satisfies { readonly [K in NodeTypename]: readonly string[] };

/** The fact fields of a meeting's format (a `MeetingSession`). */
export const SESSION_FACT_FIELDS = [
  "format",
  "participants",
  "delegations",
  "positions",
  "statements",
  "commitments",
] as const;

/** The fact field names of the type K. */
export type FactField<K extends NodeTypename> = (typeof FACT_FIELDS)[K][number];
