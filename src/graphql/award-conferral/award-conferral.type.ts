import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";
import { LocalDate } from "../base/scalars";

@Directive('@key(fields: "id")')
@ObjectType("AwardConferral", {
  implements: Node,
  description: "One award given by one leader to another: when, where and why.",
})
export class AwardConferral extends Node {
  @Field(_type => LocalDate, { description: "The date it was conferred." })
  date!: string;

  @Field(_type => String, { description: "Why it was conferred, as the source states." })
  reason!: string;

  @Field(_type => String, { nullable: true, description: "How the recipient responded; null when not reported." })
  recipientResponse!: string | null;

  @Field(_type => [Citation], { description: "Where the sources report the conferral." })
  citations!: Citation[];
}

@ObjectType("AwardConferralConnection", { description: "A page of award conferrals." })
export class AwardConferralConnection extends Connection("AwardConferral", AwardConferral, "award conferrals") {}
