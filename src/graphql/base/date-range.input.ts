import { IsOptional, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";

import { LocalDate } from "./scalars";

@InputType("DateRange", { description: "An inclusive range of dates; either end may be left open." })
export class DateRange {
  @Field(_type => LocalDate, { nullable: true, description: "The earliest date included." })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string | null;

  @Field(_type => LocalDate, { nullable: true, description: "The latest date included." })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string | null;
}
