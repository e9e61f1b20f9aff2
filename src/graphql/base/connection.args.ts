import {
  IsOptional,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  type ValidationArguments,
} from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

import { DEFAULT_PAGE_SIZE } from "../../repository/pagination";
import type { PageArgs } from "../../repository/repository";

/** The largest page a connection returns. */
export const MAX_PAGE_SIZE = 100;

@ValidatorConstraint({ name: "notBothFirstAndLast" })
class NotBothFirstAndLast implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    const page = args.object as ConnectionArgs;
    return page.first === undefined || page.first === null || page.last === undefined || page.last === null;
  }
  defaultMessage(): string {
    return "Pass either `first` or `last`, not both.";
  }
}

@ArgsType()
export class ConnectionArgs implements PageArgs {
  @Field(_type => Int, {
    nullable: true,
    description: `Return the first n items after \`after\` (1 to ${MAX_PAGE_SIZE}). Defaults to ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given.`,
  })
  @IsOptional()
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(_type => String, { nullable: true, description: "Return items after this cursor." })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;

  @Field(_type => Int, {
    nullable: true,
    description: `Return the last n items before \`before\` (1 to ${MAX_PAGE_SIZE}).`,
  })
  @IsOptional()
  @Min(1, { message: `last must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `last must be between 1 and ${MAX_PAGE_SIZE}` })
  @Validate(NotBothFirstAndLast)
  last?: number | null;

  @Field(_type => String, { nullable: true, description: "Return items before this cursor." })
  @IsOptional()
  @MaxLength(200)
  before?: string | null;
}
