import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, type ClassType, Field } from "type-graphql";

import { ConnectionArgs } from "./connection.args";

/** The arguments of a list: a page, a filter and an ordering, all optional and all validated. */
export interface ListArgsShape<F, O> extends ConnectionArgs {
  filter?: F | null;
  orderBy?: O | null;
}

export function ListArgs<F extends object, O extends object>(filter: ClassType<F>, order: ClassType<O>, what: string) {
  @ArgsType()
  abstract class ListArgsBase extends ConnectionArgs implements ListArgsShape<F, O> {
    @Field(_type => filter, {
      nullable: true,
      description: `Keep only the ${what} that match every condition given.`,
    })
    @IsOptional()
    @ValidateNested()
    filter?: F | null;

    @Field(_type => order, { nullable: true, description: `How to order the ${what}.` })
    @IsOptional()
    @ValidateNested()
    orderBy?: O | null;
  }
  return ListArgsBase;
}
