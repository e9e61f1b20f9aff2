import { Directive, Field, ObjectType } from "type-graphql";

import { StatementKind } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("Statement", {
  implements: Node,
  description:
    "Something a leader said at a meeting that no more specific type records (gratitude, assessments, reaffirmations, …).",
})
export class Statement extends Node {
  @Field(_type => StatementKind, { description: "What the statement does." })
  kind!: StatementKind;

  @Field(_type => String, { description: "The statement in a sentence." })
  summary!: string;

  @Field(_type => [Citation], { description: "Where the sources report the statement." })
  citations!: Citation[];
}

@ObjectType("StatementConnection", { description: "A page of statements." })
export class StatementConnection extends Connection("Statement", Statement, "statements") {}
