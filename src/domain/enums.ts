/**
 * The closed vocabularies of the graph. They are shared by the seed format (validated with
 * class-validator), the repository records and the GraphQL schema (registered as enums with
 * descriptions in `src/graphql/base/enums.ts`), so one list is the truth for all three.
 */

export enum SourceKind {
  NEWS_REPORT = "NEWS_REPORT",
  OFFICIAL_STATEMENT = "OFFICIAL_STATEMENT",
  REFERENCE = "REFERENCE",
}

export enum CompanySector {
  URANIUM_MINING = "URANIUM_MINING",
  NUCLEAR_ENERGY = "NUCLEAR_ENERGY",
  AVIATION = "AVIATION",
  OIL_AND_GAS = "OIL_AND_GAS",
  MINING = "MINING",
  LOGISTICS = "LOGISTICS",
  AGRICULTURE = "AGRICULTURE",
  PHARMACEUTICALS = "PHARMACEUTICALS",
  DEFENSE = "DEFENSE",
  FINANCE = "FINANCE",
  TECHNOLOGY = "TECHNOLOGY",
  TOURISM = "TOURISM",
  OTHER = "OTHER",
}

export enum AreaCategory {
  POLITICAL = "POLITICAL",
  ECONOMIC = "ECONOMIC",
  HUMANITARIAN = "HUMANITARIAN",
  SECURITY = "SECURITY",
}

export enum Stance {
  PROPOSED = "PROPOSED",
  SUPPORTED = "SUPPORTED",
  EMPHASIZED = "EMPHASIZED",
  NOTED_POTENTIAL = "NOTED_POTENTIAL",
  INVITED_TO_EXPLORE = "INVITED_TO_EXPLORE",
  EXPRESSED_INTEREST = "EXPRESSED_INTEREST",
  CONFIRMED_INTENTION = "CONFIRMED_INTENTION",
  PLANNED = "PLANNED",
  PARTICIPATES = "PARTICIPATES",
}

export enum MeetingFormat {
  ONE_TO_ONE = "ONE_TO_ONE",
  EXPANDED = "EXPANDED",
}

export enum CommitmentKind {
  TARGET = "TARGET",
  OFFER = "OFFER",
  PLAN = "PLAN",
  AGREEMENT = "AGREEMENT",
}

export enum CommitmentStatus {
  PROPOSED = "PROPOSED",
  INTENDED = "INTENDED",
  OFFERED = "OFFERED",
  PLANNED = "PLANNED",
  SIGNED = "SIGNED",
  FULFILLED = "FULFILLED",
}

export enum RouteStatus {
  PLANNED = "PLANNED",
  OPERATING = "OPERATING",
  SUSPENDED = "SUSPENDED",
}

export enum StatementKind {
  GRATITUDE = "GRATITUDE",
  ASSESSMENT = "ASSESSMENT",
  EMPHASIS = "EMPHASIS",
  REAFFIRMATION = "REAFFIRMATION",
  INVITATION = "INVITATION",
  EXPECTATION = "EXPECTATION",
}

/** How the value of a fact field was obtained from its sources. */
export enum EvidenceMethod {
  /** A report quoted in the claim's citations says it. */
  STATED = "STATED",
  /** Derived from what the cited quotes say; the claim's basis says how. */
  INFERRED = "INFERRED",
  /** Taken from reference data (codes, capitals, registries) only. */
  REFERENCE = "REFERENCE",
}
