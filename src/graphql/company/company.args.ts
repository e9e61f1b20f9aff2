import { ArgsType, InputType } from "type-graphql";

import { CompanySector } from "../../domain/enums";
import { CountryField, EnumField, IdField, NameContainsField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";

@InputType("CompanyFilter", { description: "Conditions on companies; all given conditions must hold." })
export class CompanyFilter {
  @CountryField("Keep companies of this country.") country?: string | null;
  @EnumField(CompanySector, "Keep companies in this sector.") sector?: CompanySector | null;
  @IdField("Keep companies that take part in this area of cooperation (its id).") area?: string | null;
  @NameContainsField() nameContains?: string | null;
}

@ArgsType()
export class CompanyListArgs extends ListArgs("Company", CompanyFilter, NameOrder, "companies") {}
