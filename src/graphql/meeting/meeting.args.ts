import { ArgsType, InputType } from "type-graphql";

import type { DateRange } from "../base/date-range.input";
import { BetweenField, CountryField, DateRangeField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { DatedOrder } from "../base/order.input";

@InputType("MeetingFilter", { description: "Conditions on meetings; all given conditions must hold." })
export class MeetingFilter {
  @CountryField("Keep meetings this country hosted or took part in.") country?: string | null;
  @IdField("Keep meetings this leader took part in (the leader's id).") participant?: string | null;
  @IdField("Keep meetings held in this city (the city's id).") city?: string | null;
  @IdField("Keep meetings that continue this earlier meeting (its id).") continues?: string | null;
  @DateRangeField("Keep meetings dated in this range (undated meetings never match).") date?: DateRange | null;
  @BetweenField("Keep meetings both countries took part in.") between?: [string, string] | null;
}

@ArgsType()
export class MeetingListArgs extends ListArgs("Meeting", MeetingFilter, DatedOrder, "meetings") {}
