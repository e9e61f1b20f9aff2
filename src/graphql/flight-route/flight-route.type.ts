import { Directive, Field, Int, ObjectType } from "type-graphql";

import { RouteStatus } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";

@Directive('@key(fields: "id")')
@ObjectType("FlightRoute", { implements: Node, description: "An air route between two cities, operating or planned." })
export class FlightRoute extends Node {
  @Field(_type => Boolean, { description: "Whether flights are direct (non-stop)." })
  direct!: boolean;

  @Field(_type => RouteStatus, { description: "Whether the route is planned, operating or suspended." })
  status!: RouteStatus;

  @Field(_type => Int, {
    nullable: true,
    description: "The year service is planned to start, e.g. 2026; null when not stated.",
  })
  plannedYear!: number | null;

  @Field(_type => String, {
    nullable: true,
    description: 'How the planned year was read from the source, e.g. "next year" relative to its date.',
  })
  plannedYearBasis!: string | null;

  @Field(_type => [String], { description: "What the route is expected to bring, as the sources put it." })
  expectedBenefits!: string[];

  @Field(_type => [Citation], { description: "Where the sources state the route's facts." })
  citations!: Citation[];
}

@ObjectType("FlightRouteConnection", { description: "A page of flight routes." })
export class FlightRouteConnection extends Connection("FlightRoute", FlightRoute, "flight routes") {}
