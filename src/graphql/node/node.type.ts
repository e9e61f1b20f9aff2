import { ObjectType } from "type-graphql";

import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@ObjectType("NodeConnection", { description: "A page of objects of any type." })
export class NodeConnection extends Connection("Node", Node, "objects") {}
