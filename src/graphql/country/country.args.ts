import { IsOptional, IsString, MaxLength } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";

import { NameContainsField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("CountryFilter", { description: "Conditions on countries; all given conditions must hold." })
export class CountryFilter {
  @NameContainsField() nameContains?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: 'Keep countries in this region, ignoring case (e.g. "Central Asia").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;
}

@ArgsType()
export class CountryListArgs extends ListArgs("Country", CountryFilter, NameOrder, "countries") {}
