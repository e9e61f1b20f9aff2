import { ArgsType, InputType } from "type-graphql";

import { CountryField, NameContainsField } from "../common/filter.fields";
import { ListArgs } from "../common/list.args";
import { NameOrder } from "../common/order.input";

@InputType("CityFilter", { description: "Conditions on cities; all given conditions must hold." })
export class CityFilter {
  @CountryField("Keep cities in this country.") country?: string | null;
  @NameContainsField() nameContains?: string | null;
}

@ArgsType()
export class CityListArgs extends ListArgs(CityFilter, NameOrder, "cities") {}
