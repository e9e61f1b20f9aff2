import { ArgsType, InputType } from "type-graphql";

import type { DateRange } from "../base/date-range.input";
import { BetweenField, CountryField, DateRangeField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { DatedOrder } from "../base/order.input";

@InputType("AwardConferralFilter", { description: "Conditions on award conferrals; all given conditions must hold." })
export class AwardConferralFilter {
  @IdField("Keep conferrals of this award (its id).") award?: string | null;
  @IdField("Keep conferrals on this leader (their id).") recipient?: string | null;
  @IdField("Keep conferrals by this leader (their id).") conferredBy?: string | null;
  @IdField("Keep conferrals made at this meeting (its id).") meeting?: string | null;
  @CountryField("Keep conferrals whose giver or recipient is a leader of this country.") country?: string | null;
  @DateRangeField("Keep conferrals dated in this range.") date?: DateRange | null;
  @BetweenField("Keep conferrals between leaders of the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class AwardConferralListArgs extends ListArgs(
  "AwardConferral",
  AwardConferralFilter,
  DatedOrder,
  "award conferrals",
) {}
