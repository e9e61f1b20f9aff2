import { Directive, Field, ObjectType } from "type-graphql";

import { CompanySector } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Company", { implements: Node, description: "A company named by the sources." })
export class Company extends Node {
  @Field(_type => String, { description: 'The name, e.g. "Jordanian Uranium Mining Company".' })
  name!: string;

  @Field(_type => [String], { description: 'Abbreviations and other names, e.g. "JUMCO".' })
  aliases!: string[];

  @Field(_type => CompanySector, { description: "The main line of business." })
  sector!: CompanySector;

  @Field(_type => String, { description: "What the company does." })
  description!: string;

  @Field(_type => [Citation], { description: "Where the sources name the company and state its facts." })
  citations!: Citation[];
}

@ObjectType("CompanyConnection", { description: "A page of companies." })
export class CompanyConnection extends Connection("Company", Company, "companies") {}
