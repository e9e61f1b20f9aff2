import { Directive, Field, ObjectType } from "type-graphql";

import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("City", { implements: Node, description: "A city named by the sources." })
export class City extends Node {
  @Field(_type => String, { description: 'The name, e.g. "Almaty".' })
  name!: string;

  @Field(_type => [String], { description: "Other names the sources use for the city." })
  aliases!: string[];

  @Field(_type => [Citation], { description: "Where the sources name the city or state its facts." })
  citations!: Citation[];
}

@ObjectType("CityConnection", { description: "A page of cities." })
export class CityConnection extends Connection("City", City, "cities") {}
