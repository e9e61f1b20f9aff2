import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { FlightRouteRecord } from "../../domain/records";
import { City } from "../city/city.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref } from "../base/lookups";
import { Company } from "../company/company.type";
import { CooperationArea } from "../cooperation-area/cooperation-area.type";
import { FlightRouteListArgs } from "./flight-route.args";
import { FlightRoute, FlightRouteConnection } from "./flight-route.type";

@Resolver(_of => FlightRoute)
export class FlightRouteResolver extends EntityResolver({
  typename: "FlightRoute",
  objectType: FlightRoute,
  connection: FlightRouteConnection,
  args: FlightRouteListArgs,
  one: "flightRoute",
  many: "flightRoutes",
  plural: "flight routes",
}) {
  @FieldResolver(_returns => Company, { description: "The airline that operates or plans the route." })
  operator(@Root() route: FlightRouteRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Company", route.operatorId);
  }

  @FieldResolver(_returns => City, { description: "One end of the route (flights run both ways unless stated)." })
  origin(@Root() route: FlightRouteRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "City", route.originId);
  }

  @FieldResolver(_returns => City, { description: "The other end of the route." })
  destination(@Root() route: FlightRouteRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "City", route.destinationId);
  }

  @FieldResolver(_returns => CooperationArea, { description: "The area of cooperation the route serves." })
  area(@Root() route: FlightRouteRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "CooperationArea", route.areaId);
  }
}
