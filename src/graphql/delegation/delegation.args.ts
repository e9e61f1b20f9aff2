import { ArgsType, InputType } from "type-graphql";

import { BetweenField, CountryField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("DelegationFilter", { description: "Conditions on delegations; all given conditions must hold." })
export class DelegationFilter {
  @CountryField("Keep delegations of this country.") country?: string | null;
  @IdField("Keep delegations at this meeting (its id).") meeting?: string | null;
  @BetweenField("Keep delegations at meetings between the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class DelegationListArgs extends ListArgs("Delegation", DelegationFilter, NameOrder, "delegations") {}
