import { ArgsType, InputType } from "type-graphql";

import { Stance } from "../../domain/enums";
import { BetweenField, CountryField, EnumField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { IdOrder } from "../base/order.input";

@InputType("PositionFilter", { description: "Conditions on positions; all given conditions must hold." })
export class PositionFilter {
  @IdField("Keep positions on this area of cooperation (its id).") area?: string | null;
  @IdField("Keep positions taken by this actor (a country, leader, company or delegation id).") actor?: string | null;
  @CountryField(
    "Keep positions taken by actors of this country (the country itself, its leaders, companies or delegations).",
  )
  actorCountry?: string | null;
  @EnumField(Stance, "Keep positions with this stance.") stance?: Stance | null;
  @IdField("Keep positions taken at this meeting (its id).") meeting?: string | null;
  @BetweenField("Keep positions taken at meetings between the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class PositionListArgs extends ListArgs("Position", PositionFilter, IdOrder, "positions") {}
