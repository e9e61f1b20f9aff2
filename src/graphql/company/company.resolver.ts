import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { CompanyRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { CooperationAreaListArgs } from "../cooperation-area/cooperation-area.args";
import { CooperationAreaConnection } from "../cooperation-area/cooperation-area.type";
import { Country } from "../country/country.type";
import { FlightRouteListArgs } from "../flight-route/flight-route.args";
import { FlightRouteConnection } from "../flight-route/flight-route.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { CompanyListArgs } from "./company.args";
import { Company, CompanyConnection } from "./company.type";

@Resolver(_of => Company)
export class CompanyResolver extends EntityResolver({
  typename: "Company",
  objectType: Company,
  connection: CompanyConnection,
  args: CompanyListArgs,
  one: "company",
  many: "companies",
  plural: "companies",
}) {
  @FieldResolver(_returns => Country, { description: "The company's country." })
  country(@Root() company: CompanyRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", company.countryId);
  }

  @ListOf("CooperationArea", "company")
  @FieldResolver(_returns => CooperationAreaConnection, {
    description: "Areas that list this company as taking part, by name; not the same as the areas of its `positions`.",
  })
  cooperationAreas(
    @Root() company: CompanyRecord,
    @Args(_type => CooperationAreaListArgs) args: CooperationAreaListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "CooperationArea", args, { company: company.id });
  }

  @ListOf("Position", "actor")
  @FieldResolver(_returns => PositionConnection, {
    description: "Positions the company itself took (plans it announced, cooperation it takes part in), in id order.",
  })
  positions(
    @Root() company: CompanyRecord,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { actor: company.id });
  }

  @ListOf("FlightRoute", "operator")
  @FieldResolver(_returns => FlightRouteConnection, {
    description: "Flight routes the company operates or plans (their `operator`), by name (origin – destination).",
  })
  flightRoutes(
    @Root() company: CompanyRecord,
    @Args(_type => FlightRouteListArgs) args: FlightRouteListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "FlightRoute", args, { operator: company.id });
  }
}
