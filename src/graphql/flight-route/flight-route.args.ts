import { ArgsType, InputType } from "type-graphql";

import { RouteStatus } from "../../domain/enums";
import { BetweenField, CountryField, EnumField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { DatedOrder } from "../base/order.input";

@InputType("FlightRouteFilter", { description: "Conditions on flight routes; all given conditions must hold." })
export class FlightRouteFilter {
  @IdField("Keep routes this company operates (its id).") operator?: string | null;
  @IdField("Keep routes that serve this area of cooperation (its id).") area?: string | null;
  @IdField("Keep routes that start or end in this city (its id).") city?: string | null;
  @CountryField("Keep routes that start or end in this country.") country?: string | null;
  @EnumField(RouteStatus, "Keep routes with this status.") status?: RouteStatus | null;
  @BetweenField("Keep routes that link the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class FlightRouteListArgs extends ListArgs("FlightRoute", FlightRouteFilter, DatedOrder, "flight routes") {}
