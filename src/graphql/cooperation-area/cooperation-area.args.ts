import { ArgsType, InputType } from "type-graphql";

import { AreaCategory, Stance } from "../../domain/enums";
import { BetweenField, CountryField, EnumField, IdField, NameContainsField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("CooperationAreaFilter", {
  description:
    'Conditions on areas of cooperation; all given conditions must hold. `actor`, `actorCountry` and `stance` each match any position taken on the area (e.g. `{ actorCountry: "JO", stance: PROPOSED }` keeps areas where some Jordanian actor took some position and some actor proposed; use `positions` for exact pairs).',
})
export class CooperationAreaFilter {
  @EnumField(AreaCategory, "Keep areas in this category.") category?: AreaCategory | null;
  @IdField(
    "Keep areas on which this actor (a country, leader, company or delegation id) took a position; use it as a proposer filter with `stance: PROPOSED`.",
  )
  actor?: string | null;
  @CountryField(
    "Keep areas on which an actor of this country (the country itself, its leaders, companies or delegations) took a position.",
  )
  actorCountry?: string | null;
  @EnumField(Stance, "Keep areas on which someone took this stance.") stance?: Stance | null;
  @IdField("Keep areas this company takes part in (its id).") company?: string | null;
  @IdField("Keep areas discussed at this meeting (its id).") meeting?: string | null;
  @NameContainsField() nameContains?: string | null;
  @BetweenField("Keep areas discussed at meetings between the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class CooperationAreaListArgs extends ListArgs(
  "CooperationArea",
  CooperationAreaFilter,
  NameOrder,
  "areas of cooperation",
) {}
