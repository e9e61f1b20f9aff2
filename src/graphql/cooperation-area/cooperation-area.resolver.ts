import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { CooperationAreaRecord } from "../../domain/records";
import { CommitmentListArgs } from "../commitment/commitment.args";
import { CommitmentConnection } from "../commitment/commitment.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { CompanyListArgs } from "../company/company.args";
import { CompanyConnection } from "../company/company.type";
import { FlightRouteListArgs } from "../flight-route/flight-route.args";
import { FlightRouteConnection } from "../flight-route/flight-route.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { CooperationAreaListArgs } from "./cooperation-area.args";
import { CooperationArea, CooperationAreaConnection } from "./cooperation-area.type";

@Resolver(_of => CooperationArea)
export class CooperationAreaResolver extends EntityResolver({
  typename: "CooperationArea",
  objectType: CooperationArea,
  connection: CooperationAreaConnection,
  args: CooperationAreaListArgs,
  one: "cooperationArea",
  many: "cooperationAreas",
  plural: "areas of cooperation",
}) {
  @ListOf("Position", "area")
  @FieldResolver(_returns => PositionConnection, {
    description: "Every position taken on this area, by any actor at any meeting, in id order (filter by `stance`).",
  })
  positions(
    @Root() area: CooperationAreaRecord,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { area: area.id });
  }

  @ListOf("Company", "area")
  @FieldResolver(_returns => CompanyConnection, {
    description: "Companies the area lists as taking part, by name; not every company with a position on it.",
  })
  companies(
    @Root() area: CooperationAreaRecord,
    @Args(_type => CompanyListArgs) args: CompanyListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Company", args, { area: area.id });
  }

  @ListOf("Commitment", "area")
  @FieldResolver(_returns => CommitmentConnection, { description: "Commitments in this area, by title." })
  commitments(
    @Root() area: CooperationAreaRecord,
    @Args(_type => CommitmentListArgs) args: CommitmentListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Commitment", args, { area: area.id });
  }

  @ListOf("FlightRoute", "area")
  @FieldResolver(_returns => FlightRouteConnection, {
    description: "Flight routes that serve this area (for aviation), by name (origin – destination).",
  })
  flightRoutes(
    @Root() area: CooperationAreaRecord,
    @Args(_type => FlightRouteListArgs) args: FlightRouteListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "FlightRoute", args, { area: area.id });
  }
}
