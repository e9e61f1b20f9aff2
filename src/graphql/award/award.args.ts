import { ArgsType, InputType } from "type-graphql";

import { CountryField, NameContainsField } from "../common/filter.fields";
import { ListArgs } from "../common/list.args";
import { NameOrder } from "../common/order.input";

@InputType("AwardFilter", { description: "Conditions on awards; all given conditions must hold." })
export class AwardFilter {
  @CountryField("Keep awards of this country.") country?: string | null;
  @NameContainsField() nameContains?: string | null;
}

@ArgsType()
export class AwardListArgs extends ListArgs(AwardFilter, NameOrder, "awards") {}
