import { Directive, Field, ObjectType } from "type-graphql";

import { MeetingFormat } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";
import { LocalDate } from "../base/scalars";

@ObjectType("MeetingSession", {
  description:
    "A format in which a meeting's talks were held (one to one, expanded), with who took part in it and what the report places in it.",
})
export class MeetingSession {
  @Field(_type => MeetingFormat, { description: "The format." })
  format!: MeetingFormat;

  @Field(_type => String, { description: "Who took part in this format and how." })
  description!: string;

  @Field(_type => [Citation], { description: "Where the sources describe this format and what took place in it." })
  citations!: Citation[];
}

@Directive('@key(fields: "id")')
@ObjectType("Meeting", {
  implements: Node,
  description: "Talks between leaders: when, where, who, in which formats, and what came of them.",
})
export class Meeting extends Node {
  @Field(_type => String, { description: "A short title." })
  title!: string;

  @Field(_type => String, { description: "What the meeting was." })
  description!: string;

  @Field(_type => LocalDate, {
    nullable: true,
    description: "The date; null when the sources do not date the meeting.",
  })
  date!: string | null;

  @Field(_type => [MeetingSession], { description: "The formats of the talks (one to one, expanded), in order." })
  formats!: MeetingSession[];

  @Field(_type => [Citation], { description: "Where the sources report the meeting." })
  citations!: Citation[];
}

@ObjectType("MeetingConnection", { description: "A page of meetings." })
export class MeetingConnection extends Connection("Meeting", Meeting, "meetings") {}
