import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Delegation", {
  implements: Node,
  description: "A country's official delegation at a meeting (the sources' \"officials\").",
})
export class Delegation extends Node {
  @Field(_type => String, { description: 'A name, e.g. "Official delegation of Jordan".' })
  name!: string;

  @Field(_type => [Citation], { description: "Where the sources mention the delegation." })
  citations!: Citation[];
}

@ObjectType("DelegationConnection", { description: "A page of delegations." })
export class DelegationConnection extends Connection("Delegation", Delegation, "delegations") {}
