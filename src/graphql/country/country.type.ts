import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";
import { CountryCode } from "../base/scalars";

@Directive('@key(fields: "code")')
@Directive('@key(fields: "id")')
@ObjectType("Country", {
  implements: Node,
  description: "A sovereign state, identified by its ISO 3166-1 alpha-2 code.",
})
export class Country extends Node {
  @Field(_type => CountryCode, { description: 'The ISO 3166-1 alpha-2 code, e.g. "KZ".' })
  code!: string;

  @Field(_type => String, { description: 'The short name, e.g. "Kazakhstan".' })
  name!: string;

  @Field(_type => String, { description: 'The official name, e.g. "Republic of Kazakhstan".' })
  officialName!: string;

  @Field(_type => [String], { description: "Other names and adjectives the sources use for the country." })
  aliases!: string[];

  @Field(_type => String, { description: 'The geographic region, e.g. "Central Asia".' })
  region!: string;

  @Field(_type => String, { description: 'What its people are called, e.g. "Kazakhstani".' })
  demonym!: string;

  @Field(_type => [Citation], { description: "Where the sources state the country's facts." })
  citations!: Citation[];
}

@ObjectType("CountryConnection", { description: "A page of countries." })
export class CountryConnection extends Connection("Country", Country, "countries") {}
