import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("SharedValue", {
  implements: Node,
  description: "A value two or more nations were said to share, e.g. tolerance.",
})
export class SharedValue extends Node {
  @Field(_type => String, { description: 'The value, e.g. "Mutual respect".' })
  name!: string;

  @Field(_type => [String], { description: "Other wordings of the value." })
  aliases!: string[];

  @Field(_type => [Citation], { description: "Where the sources state the shared value." })
  citations!: Citation[];
}

@ObjectType("SharedValueConnection", { description: "A page of shared values." })
export class SharedValueConnection extends Connection("SharedValue", SharedValue, "shared values") {}
