/** Registers the domain enums with GraphQL, each value described. */
import { registerEnumType } from "type-graphql";

import {
  AreaCategory,
  CommitmentKind,
  CommitmentStatus,
  CompanySector,
  MeetingFormat,
  RouteStatus,
  SourceKind,
  Stance,
  StatementKind,
} from "../../domain/enums";
import { OrderDirection } from "../../repository/repository";

registerEnumType(SourceKind, {
  name: "SourceKind",
  description: "What kind of document a source is.",
  valuesConfig: {
    NEWS_REPORT: { description: "A news report of an event." },
    OFFICIAL_STATEMENT: { description: "A statement published by a government or an organisation." },
    REFERENCE: { description: "Reference data (codes, capitals, registries) compiled for this graph." },
  },
});

registerEnumType(CompanySector, {
  name: "CompanySector",
  description: "The main line of business of a company.",
  valuesConfig: {
    URANIUM_MINING: { description: "Exploration, mining and processing of uranium." },
    NUCLEAR_ENERGY: { description: "Nuclear power generation and fuel services." },
    AVIATION: { description: "Airlines and air transport." },
    OIL_AND_GAS: { description: "Oil and gas production and refining." },
    MINING: { description: "Mining of other minerals and metals." },
    LOGISTICS: { description: "Freight, shipping and logistics." },
    AGRICULTURE: { description: "Farming and food production." },
    PHARMACEUTICALS: { description: "Medicines and pharmaceutical production." },
    DEFENSE: { description: "Defense manufacturing." },
    FINANCE: { description: "Banking, investment and insurance." },
    TECHNOLOGY: { description: "Information technology and digital services." },
    TOURISM: { description: "Travel and hospitality." },
    OTHER: { description: "Any other sector." },
  },
});

registerEnumType(AreaCategory, {
  name: "AreaCategory",
  description: "The broad dimension of relations an area of cooperation belongs to.",
  valuesConfig: {
    POLITICAL: { description: "Political dialogue and ties." },
    ECONOMIC: { description: "Trade, investment, industry, transport and other economic ties." },
    HUMANITARIAN: { description: "Culture, education, health and people-to-people ties." },
    SECURITY: { description: "Defense and security cooperation." },
  },
});

registerEnumType(Stance, {
  name: "Stance",
  description: "What an actor said or did about an area of cooperation.",
  valuesConfig: {
    PROPOSED: { description: "Proposed cooperation in the area." },
    SUPPORTED: { description: "Expressed support for cooperation in the area." },
    EMPHASIZED: { description: "Underscored the importance of the area." },
    NOTED_POTENTIAL: { description: "Noted the potential for partnership in the area." },
    INVITED_TO_EXPLORE: { description: "Invited the other side to explore opportunities in the area." },
    EXPRESSED_INTEREST: { description: "Expressed interest in expanding cooperation in the area." },
    CONFIRMED_INTENTION: { description: "Confirmed an intention to act in the area." },
    PLANNED: { description: "Announced a concrete plan in the area." },
    PARTICIPATES: { description: "Takes part in the cooperation (e.g. a company named as a partner)." },
  },
});

registerEnumType(MeetingFormat, {
  name: "MeetingFormat",
  description: "A format in which talks were held.",
  valuesConfig: {
    ONE_TO_ONE: { description: "The leaders talking one to one (narrow format)." },
    EXPANDED: { description: "Talks with the participation of official delegations." },
  },
});

registerEnumType(CommitmentKind, {
  name: "CommitmentKind",
  description: "What kind of undertaking a commitment is.",
  valuesConfig: {
    TARGET: { description: "A shared target to reach, such as a trade turnover figure." },
    OFFER: { description: "Something one side offers the other." },
    PLAN: { description: "A planned action." },
    AGREEMENT: { description: "A signed agreement." },
  },
});

registerEnumType(CommitmentStatus, {
  name: "CommitmentStatus",
  description: "How far a commitment has progressed, as the source reports it.",
  valuesConfig: {
    PROPOSED: { description: "Proposed by one side." },
    INTENDED: { description: "An intention confirmed by the parties." },
    OFFERED: { description: "Offered by one side to the other." },
    PLANNED: { description: "Planned, with no agreement reported." },
    SIGNED: { description: "Formalised in a signed document." },
    FULFILLED: { description: "Reported as achieved." },
  },
});

registerEnumType(RouteStatus, {
  name: "RouteStatus",
  description: "The state of a flight route.",
  valuesConfig: {
    PLANNED: { description: "Announced, not yet flown." },
    OPERATING: { description: "Flown on a regular schedule." },
    SUSPENDED: { description: "Flown before, currently not." },
  },
});

registerEnumType(StatementKind, {
  name: "StatementKind",
  description: "What a statement does.",
  valuesConfig: {
    GRATITUDE: { description: "Expresses gratitude." },
    ASSESSMENT: { description: "Assesses the state of relations." },
    EMPHASIS: { description: "Stresses the importance of something." },
    REAFFIRMATION: { description: "Reaffirms a commitment or readiness." },
    INVITATION: { description: "Invites the other side to act." },
    EXPECTATION: { description: "States an expected outcome." },
  },
});

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "The direction of an ordering.",
  valuesConfig: {
    ASC: { description: "Ascending: A to Z, oldest first." },
    DESC: { description: "Descending: Z to A, newest first." },
  },
});
