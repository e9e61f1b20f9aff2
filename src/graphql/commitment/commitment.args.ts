import { IsISO4217CurrencyCode, IsOptional } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";

import { CommitmentKind, CommitmentStatus } from "../../domain/enums";
import { BetweenField, CountryField, EnumField, IdField } from "../base/filter.fields";
import { ListArgs } from "../base/list.args";
import { NameOrder } from "../base/order.input";
import { Currency } from "../base/scalars";

@InputType("CommitmentFilter", { description: "Conditions on commitments; all given conditions must hold." })
export class CommitmentFilter {
  @CountryField("Keep commitments this country is a party to.") party?: string | null;
  @EnumField(CommitmentKind, "Keep commitments of this kind.") kind?: CommitmentKind | null;
  @EnumField(CommitmentStatus, "Keep commitments with this status.") status?: CommitmentStatus | null;
  @IdField("Keep commitments in this area of cooperation (its id).") area?: string | null;
  @IdField("Keep commitments made at this meeting (its id).") meeting?: string | null;

  @Field(_type => Currency, { nullable: true, description: "Keep commitments whose value is in this currency." })
  @IsOptional()
  @IsISO4217CurrencyCode()
  currency?: string | null;

  @BetweenField("Keep commitments between the two countries (as parties, beneficiary or meeting participants).")
  between?: [string, string] | null;
}

@ArgsType()
export class CommitmentListArgs extends ListArgs("Commitment", CommitmentFilter, NameOrder, "commitments") {}
