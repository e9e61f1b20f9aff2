import { ArgsType, InputType } from "type-graphql";

import { CountryField, NameContainsField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("AwardFilter", { description: "Conditions on awards; all given conditions must hold." })
export class AwardFilter {
  @CountryField("Keep awards of this country.") country?: string | null;
  @NameContainsField() nameContains?: string | null;
}

@ArgsType()
export class AwardListArgs extends ListArgs("Award", AwardFilter, NameOrder, "awards") {}
