import { ArgsType, InputType } from "type-graphql";

import { CountryField, NameContainsField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("CityFilter", { description: "Conditions on cities; all given conditions must hold." })
export class CityFilter {
  @CountryField("Keep cities in this country.") country?: string | null;
  @NameContainsField() nameContains?: string | null;
}

@ArgsType()
export class CityListArgs extends ListArgs("City", CityFilter, NameOrder, "cities") {}
