import { ArgsType, InputType } from "type-graphql";

import { StatementKind } from "../../domain/enums";
import { BetweenField, EnumField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { IdOrder } from "../base/order.input";

@InputType("StatementFilter", { description: "Conditions on statements; all given conditions must hold." })
export class StatementFilter {
  @IdField("Keep statements by this leader (their id).") speaker?: string | null;
  @IdField("Keep statements made at this meeting (its id).") meeting?: string | null;
  @EnumField(StatementKind, "Keep statements of this kind.") kind?: StatementKind | null;
  @BetweenField("Keep statements made at meetings between the two countries.") between?: [string, string] | null;
}

@ArgsType()
export class StatementListArgs extends ListArgs("Statement", StatementFilter, IdOrder, "statements") {}
