import { Directive, Field, ObjectType } from "type-graphql";

import { AreaCategory } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("CooperationArea", {
  implements: Node,
  description: "An area of cooperation discussed between countries, e.g. nuclear energy or tourism.",
})
export class CooperationArea extends Node {
  @Field(_type => String, { description: 'The name, e.g. "Nuclear energy".' })
  name!: string;

  @Field(_type => [String], { description: "Other wordings the sources use for the area." })
  aliases!: string[];

  @Field(_type => AreaCategory, { description: "The broad dimension of relations it belongs to." })
  category!: AreaCategory;

  @Field(_type => String, { description: "What cooperation in the area covers." })
  description!: string;

  @Field(_type => [Citation], { description: "Where the sources name the area." })
  citations!: Citation[];
}

@ObjectType("CooperationAreaConnection", { description: "A page of areas of cooperation." })
export class CooperationAreaConnection extends Connection("CooperationArea", CooperationArea, "areas of cooperation") {}
