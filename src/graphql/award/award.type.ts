import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Award", { implements: Node, description: "A state order, medal or other honour." })
export class Award extends Node {
  @Field(_type => String, { description: 'The name, e.g. "Order of Al-Nahda".' })
  name!: string;

  @Field(_type => [String], { description: "Other names of the award." })
  aliases!: string[];

  @Field(_type => String, { description: "What the award is, e.g. its rank among the state's honours." })
  description!: string;

  @Field(_type => [Citation], { description: "Where the sources name and describe the award." })
  citations!: Citation[];
}

@ObjectType("AwardConnection", { description: "A page of awards." })
export class AwardConnection extends Connection("Award", Award, "awards") {}
