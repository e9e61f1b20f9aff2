import { ArgsType, InputType } from "type-graphql";

import { SourceKind } from "../../domain/enums";
import type { DateRange } from "../common/date-range.input";
import { DateRangeField, EnumField } from "../common/filter.fields";
import { ListArgs } from "../common/list.args";
import { DatedOrder } from "../common/order.input";

@InputType("SourceFilter", { description: "Conditions on sources; all given conditions must hold." })
export class SourceFilter {
  @EnumField(SourceKind, "Keep sources of this kind.") kind?: SourceKind | null;
  @DateRangeField("Keep sources published in this range.") published?: DateRange | null;
}

@ArgsType()
export class SourceListArgs extends ListArgs(SourceFilter, DatedOrder, "sources") {}
