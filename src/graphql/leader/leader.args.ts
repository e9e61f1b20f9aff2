import { ArgsType, InputType } from "type-graphql";

import { BetweenField, CountryField, NameContainsField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("LeaderFilter", { description: "Conditions on leaders; all given conditions must hold." })
export class LeaderFilter {
  @CountryField("Keep leaders of this country.") country?: string | null;
  @NameContainsField() nameContains?: string | null;
  @BetweenField("Keep leaders who took part in meetings between the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class LeaderListArgs extends ListArgs("Leader", LeaderFilter, NameOrder, "leaders") {}
