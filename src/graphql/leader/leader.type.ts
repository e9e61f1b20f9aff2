import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Leader", { implements: Node, description: "A head of state or government." })
export class Leader extends Node {
  @Field(_type => String, { description: 'The full name, e.g. "Kassym-Jomart Tokayev".' })
  name!: string;

  @Field(_type => [String], { description: 'Other names the sources use, e.g. "President Tokayev".' })
  aliases!: string[];

  @Field(_type => String, { description: 'The title, e.g. "President" or "King".' })
  title!: string;

  @Field(_type => String, { description: 'The office held, e.g. "President of Kazakhstan".' })
  office!: string;

  @Field(_type => [Citation], { description: "Where the sources name the leader and their office." })
  citations!: Citation[];
}

@ObjectType("LeaderConnection", { description: "A page of leaders." })
export class LeaderConnection extends Connection("Leader", Leader, "leaders") {}
