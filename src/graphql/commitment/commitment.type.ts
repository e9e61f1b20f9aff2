import { Directive, Field, ObjectType } from "type-graphql";

import { CommitmentKind, CommitmentStatus } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Money, Quantity } from "../base/money.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Commitment", {
  implements: Node,
  description: "A target, offer or plan the parties committed to, with its figures.",
})
export class Commitment extends Node {
  @Field(_type => String, { description: "A short title." })
  title!: string;

  @Field(_type => String, { description: "The commitment in a sentence." })
  description!: string;

  @Field(_type => CommitmentKind, { description: "What kind of undertaking it is." })
  kind!: CommitmentKind;

  @Field(_type => CommitmentStatus, { description: "How far it has progressed, as reported." })
  status!: CommitmentStatus;

  @Field(_type => Money, {
    nullable: true,
    description: "The money involved (a target or a value offered); null when none is stated.",
  })
  value!: Money | null;

  @Field(_type => Quantity, {
    nullable: true,
    description: "A counted quantity involved (e.g. 60 types of goods); null when none is stated.",
  })
  quantity!: Quantity | null;

  @Field(_type => [Citation], { description: "Where the sources state the commitment and its figures." })
  citations!: Citation[];
}

@ObjectType("CommitmentConnection", { description: "A page of commitments." })
export class CommitmentConnection extends Connection("Commitment", Commitment, "commitments") {}
