import { ArgsType, InputType } from "type-graphql";

import { BetweenField, CountryField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("SharedValueFilter", { description: "Conditions on shared values; all given conditions must hold." })
export class SharedValueFilter {
  @CountryField("Keep values this country shares.") country?: string | null;
  @IdField("Keep values noted by this leader (their id).") notedBy?: string | null;
  @IdField("Keep values noted at this meeting (its id).") meeting?: string | null;
  @BetweenField("Keep values both countries share.") between?: [string, string] | null;
}

@ArgsType()
export class SharedValueListArgs extends ListArgs("SharedValue", SharedValueFilter, NameOrder, "shared values") {}
