/**
 * One declaration per record type for the seed side (its collection name is in src/domain/records.ts):
 * the DTO that checks their shape, their reference fields and the types those may point at, and the
 * mapping of a validated DTO to its graph record.
 */
import { SESSION_FACT_FIELDS } from "../domain/facts";
import {
  ACTOR_TYPENAMES,
  type CollectionName,
  COLLECTIONS,
  NODE_TYPENAMES,
  type NodeTypename,
} from "../domain/records";
import * as entities from "./seed.dto.entities";
import * as relations from "./seed.dto.relations";
import { cited, named, type ReferenceField, type SeedEntityTable } from "./seed.entity";

export const SEED_ENTITIES = {
  Source: {
    dto: entities.SeedSource,
    references: { dateline: ["City"] },
    toRecord: (dto, ctx) => ({
      __typename: "Source",
      ...cited(dto, ctx),
      title: dto.title,
      kind: dto.kind,
      file: dto.file,
      text: ctx.sourceText(dto.id),
      publishedOn: dto.publishedOn,
      datelineCityId: dto.dateline ?? null,
      reportedBy: dto.reportedBy ?? null,
      publisher: dto.publisher ?? null,
      language: dto.language,
    }),
  },
  Country: {
    dto: entities.SeedCountry,
    references: { capital: ["City"] },
    toRecord: (dto, ctx) => ({
      __typename: "Country",
      ...cited(dto, ctx),
      ...named(dto),
      code: dto.code,
      officialName: dto.officialName,
      capitalId: dto.capital,
      region: dto.region,
      demonym: dto.demonym,
    }),
  },
  City: {
    dto: entities.SeedCity,
    references: { country: ["Country"] },
    toRecord: (dto, ctx) => ({ __typename: "City", ...cited(dto, ctx), ...named(dto), countryId: dto.country }),
  },
  Leader: {
    dto: entities.SeedLeader,
    references: { country: ["Country"] },
    toRecord: (dto, ctx) => ({
      __typename: "Leader",
      ...cited(dto, ctx),
      ...named(dto),
      title: dto.title,
      office: dto.office,
      countryId: dto.country,
    }),
  },
  Company: {
    dto: entities.SeedCompany,
    references: { country: ["Country"] },
    toRecord: (dto, ctx) => ({
      __typename: "Company",
      ...cited(dto, ctx),
      ...named(dto),
      countryId: dto.country,
      sector: dto.sector,
      description: dto.description,
    }),
  },
  Meeting: {
    dto: relations.SeedMeeting,
    references: {
      city: ["City"],
      hostCountry: ["Country"],
      participants: ["Leader"],
      invitedBy: ["Leader"],
      continues: ["Meeting"],
    },
    toRecord: (dto, ctx) => ({
      __typename: "Meeting",
      ...cited(dto, ctx),
      title: dto.title,
      description: dto.description,
      date: dto.date ?? null,
      cityId: dto.city,
      hostCountryId: dto.hostCountry,
      participantIds: dto.participants,
      invitedById: dto.invitedBy ?? null,
      continuesId: dto.continues ?? null,
      formats: dto.formats.map((f, i) => ({
        format: f.format,
        description: f.description,
        participantIds: f.participants ?? [],
        delegationIds: f.delegations ?? [],
        positionIds: f.positions ?? [],
        statementIds: f.statements ?? [],
        commitmentIds: f.commitments ?? [],
        ...ctx.evidenced(f, `.formats[${i}]`, SESSION_FACT_FIELDS),
      })),
    }),
  },
  Delegation: {
    dto: entities.SeedDelegation,
    references: { country: ["Country"], meeting: ["Meeting"] },
    toRecord: (dto, ctx) => ({
      __typename: "Delegation",
      ...cited(dto, ctx),
      name: dto.name,
      countryId: dto.country,
      meetingId: dto.meeting,
    }),
  },
  CooperationArea: {
    dto: entities.SeedCooperationArea,
    references: { companies: ["Company"] },
    toRecord: (dto, ctx) => ({
      __typename: "CooperationArea",
      ...cited(dto, ctx),
      ...named(dto),
      category: dto.category,
      description: dto.description,
      companyIds: dto.companies,
    }),
  },
  Position: {
    dto: relations.SeedPosition,
    references: {
      area: ["CooperationArea"],
      actor: ACTOR_TYPENAMES,
      meeting: ["Meeting"],
    },
    toRecord: (dto, ctx) => ({
      __typename: "Position",
      ...cited(dto, ctx),
      areaId: dto.area,
      actorId: dto.actor,
      stance: dto.stance,
      meetingId: dto.meeting,
      summary: dto.summary,
    }),
  },
  Commitment: {
    dto: relations.SeedCommitment,
    references: {
      parties: ["Country"],
      madeBy: ACTOR_TYPENAMES,
      beneficiary: ["Country"],
      area: ["CooperationArea"],
      meeting: ["Meeting"],
    },
    toRecord: (dto, ctx) => ({
      __typename: "Commitment",
      ...cited(dto, ctx),
      title: dto.title,
      description: dto.description,
      kind: dto.kind,
      status: dto.status,
      partyIds: dto.parties,
      beneficiaryId: dto.beneficiary ?? null,
      madeByIds: dto.madeBy ?? [],
      areaId: dto.area,
      meetingId: dto.meeting,
      value: dto.value ? { amount: dto.value.amount, currency: dto.value.currency } : null,
      quantity: dto.quantity ? { value: dto.quantity.value, unit: dto.quantity.unit } : null,
    }),
  },
  FlightRoute: {
    dto: relations.SeedFlightRoute,
    references: { operator: ["Company"], origin: ["City"], destination: ["City"], area: ["CooperationArea"] },
    toRecord: (dto, ctx) => ({
      __typename: "FlightRoute",
      ...cited(dto, ctx),
      operatorId: dto.operator,
      originId: dto.origin,
      destinationId: dto.destination,
      direct: dto.direct,
      status: dto.status,
      plannedYear: dto.plannedYear ?? null,
      plannedYearBasis: typeof dto.inferred?.plannedYear === "string" ? dto.inferred.plannedYear : null,
      areaId: dto.area,
      expectedBenefits: dto.expectedBenefits,
    }),
  },
  Award: {
    dto: entities.SeedAward,
    references: { country: ["Country"] },
    toRecord: (dto, ctx) => ({
      __typename: "Award",
      ...cited(dto, ctx),
      ...named(dto),
      countryId: dto.country,
      description: dto.description,
    }),
  },
  AwardConferral: {
    dto: relations.SeedAwardConferral,
    references: {
      award: ["Award"],
      conferredBy: ["Leader"],
      recipient: ["Leader"],
      city: ["City"],
      meeting: ["Meeting"],
    },
    toRecord: (dto, ctx) => ({
      __typename: "AwardConferral",
      ...cited(dto, ctx),
      awardId: dto.award,
      conferredById: dto.conferredBy,
      recipientId: dto.recipient,
      date: dto.date,
      cityId: dto.city,
      meetingId: dto.meeting ?? null,
      reason: dto.reason,
      recipientResponse: dto.recipientResponse ?? null,
    }),
  },
  SharedValue: {
    dto: entities.SeedSharedValue,
    references: { countries: ["Country"], notedBy: ["Leader"], meeting: ["Meeting"] },
    toRecord: (dto, ctx) => ({
      __typename: "SharedValue",
      ...cited(dto, ctx),
      ...named(dto),
      countryIds: dto.countries,
      notedById: dto.notedBy,
      meetingId: dto.meeting,
    }),
  },
  Statement: {
    dto: relations.SeedStatement,
    references: { speakers: ["Leader"], meeting: ["Meeting"] },
    toRecord: (dto, ctx) => ({
      __typename: "Statement",
      ...cited(dto, ctx),
      speakerIds: dto.speakers,
      meetingId: dto.meeting,
      kind: dto.kind,
      summary: dto.summary,
    }),
  },
} satisfies SeedEntityTable;

/**
 * The references of each format of a meeting (`formats[i]`), and the type each may point at. A
 * leader must be one of the meeting's participants; any other record must be of the same meeting.
 */
export const SESSION_REFERENCES = {
  participants: "Leader",
  delegations: "Delegation",
  positions: "Position",
  statements: "Statement",
  commitments: "Commitment",
} as const satisfies { readonly [F in ReferenceField<relations.SeedMeetingFormat>]?: NodeTypename };

/** The record types, in load order (referenced kinds before referring kinds). */
export const SEED_TYPENAMES: readonly NodeTypename[] = NODE_TYPENAMES;

/** The collections of a seed file, in load order. Every collection is optional in a file. */
export const SEED_COLLECTIONS: readonly CollectionName[] = NODE_TYPENAMES.map(typename => COLLECTIONS[typename]);
export type SeedCollection = CollectionName;
