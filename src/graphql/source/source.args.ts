import { ArgsType, InputType } from "type-graphql";

import { SourceKind } from "../../domain/enums";
import type { DateRange } from "../base/date-range.input";
import { DateRangeField, EnumField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { DatedOrder } from "../base/order.input";

@InputType("SourceFilter", { description: "Conditions on sources; all given conditions must hold." })
export class SourceFilter {
  @EnumField(SourceKind, "Keep sources of this kind.") kind?: SourceKind | null;
  @DateRangeField("Keep sources published in this range.") published?: DateRange | null;
}

@ArgsType()
export class SourceListArgs extends ListArgs("Source", SourceFilter, DatedOrder, "sources") {}
