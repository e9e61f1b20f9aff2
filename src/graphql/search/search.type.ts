import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";

import type { Assert, Same } from "../../common/types";
import type { NodeRecord, NodeTypename } from "../../domain/records";
import { PageInfo } from "../base/connection.type";
import { NonNegativeInt } from "../base/scalars";
import { ENTITY_CLASSES } from "../entity-types";

/** The types search can be narrowed to, named as enum values. */
export enum SearchType {
  SOURCE = "Source",
  COUNTRY = "Country",
  CITY = "City",
  LEADER = "Leader",
  COMPANY = "Company",
  MEETING = "Meeting",
  DELEGATION = "Delegation",
  COOPERATION_AREA = "CooperationArea",
  POSITION = "Position",
  COMMITMENT = "Commitment",
  FLIGHT_ROUTE = "FlightRoute",
  AWARD = "Award",
  AWARD_CONFERRAL = "AwardConferral",
  SHARED_VALUE = "SharedValue",
  STATEMENT = "Statement",
}
/** Search can be narrowed to every type, and to nothing else. */
export type _SearchTypeCoversEveryType = Assert<Same<`${SearchType}`, NodeTypename>>;

export const searchTypeNames = (types: readonly SearchType[]): NodeTypename[] => types.map(t => t as NodeTypename);

registerEnumType(SearchType, {
  name: "SearchType",
  description: "A type of object search can be narrowed to.",
  valuesConfig: Object.fromEntries(
    Object.entries(SearchType).map(([key, typename]) => [key, { description: `${typename} objects.` }]),
  ),
});

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "Anything search can find.",
  types: () => ENTITY_CLASSES,
  resolveType: value => (value as unknown as NodeRecord).__typename,
});

@ObjectType("SearchEdge", { description: "One search match, with why it matched and its cursor." })
export class SearchEdge {
  @Field(_type => String, { description: "An opaque cursor to pass as `after` or `before`." })
  cursor!: string;

  @Field(_type => Float, { description: "The relevance score; higher is better. Comparable within one search only." })
  score!: number;

  @Field(_type => String, {
    description:
      'The field that matched best. Of the object itself: "name", "alias", "title", "code", "officialName", ' +
      '"demonym", "region", "office", "reportedBy", "description", "summary", "reason", "expectedBenefits", or ' +
      '"type" (a flight route\'s "flight route"); of what it links to, by the name or an alias of that object, ' +
      'named as the field that links it: "country", "capital", "dateline", "city", "participants", "hostCountry", ' +
      '"companies", "actor", "area", "parties", "beneficiary", "origin", "destination", "operator", "award", ' +
      '"recipient", "conferredBy", "countries", "notedBy", "speakers"; or "quote", the quote of one of its ' +
      "citations (a meeting's also those of its formats).",
  })
  matchedField!: string;

  @Field(_type => String, {
    description: "The text that matched: the field's value, e.g. the linked city's name or the quote.",
  })
  matchedText!: string;

  @Field(_type => SearchResult, { description: "The object found." })
  node!: NodeRecord;
}

@ObjectType("SearchConnection", { description: "A page of search matches, best first." })
export class SearchConnection {
  @Field(_type => [SearchEdge], { description: "The matches of this page, best first." })
  edges!: SearchEdge[];

  @Field(_type => [SearchResult], { description: "The objects found on this page, best first (the edges' nodes)." })
  nodes(): NodeRecord[] {
    return this.edges.map(edge => edge.node);
  }

  @Field(_type => PageInfo, { description: "How to fetch the pages before and after this one." })
  pageInfo!: PageInfo;

  @Field(_type => NonNegativeInt, { description: "The number of matches in all pages." })
  totalCount!: number;
}
