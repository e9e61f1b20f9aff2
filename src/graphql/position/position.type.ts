import { Directive, Field, ObjectType } from "type-graphql";

import { Stance } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Position", {
  implements: Node,
  description:
    "What one actor (a country, leader, company or delegation) said or did about one area of cooperation, at one meeting.",
})
export class Position extends Node {
  @Field(_type => Stance, { description: "What the actor did: proposed, supported, noted potential, …" })
  stance!: Stance;

  @Field(_type => String, { description: "The position in a sentence." })
  summary!: string;

  @Field(_type => [Citation], { description: "Where the sources state the position." })
  citations!: Citation[];
}

@ObjectType("PositionConnection", { description: "A page of positions." })
export class PositionConnection extends Connection("Position", Position, "positions") {}
