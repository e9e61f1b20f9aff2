import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, type ClassType, Field } from "type-graphql";

import type { Same } from "../../common/types";
import type { NodeTypename } from "../../domain/records";
import type { FilterByType } from "../../repository/repository";
import { ConnectionArgs } from "./connection.args";

/** The arguments of a list: a page, a filter and an ordering, all optional and all validated. */
export interface ListArgsShape<F, O> extends ConnectionArgs {
  filter?: F | null;
  orderBy?: O | null;
}

/**
 * The filter input class of type K: its fields must be exactly the repository filter's (a field the
 * repository does not know, or a repository condition the input lacks, is a compile error naming it).
 */
export type FilterInputClass<K extends NodeTypename, F extends object> = ClassType<F> &
  (Same<keyof F, keyof FilterByType[K]> extends true
    ? unknown
    : {
        readonly "filter fields differ from the repository filter":
          Exclude<keyof F, keyof FilterByType[K]> | Exclude<keyof FilterByType[K], keyof F>;
      });

/** The arguments of the list of type K (`typename`): a page, its filter input and its order input. */
export function ListArgs<K extends NodeTypename, F extends object, O extends object>(
  _typename: K,
  filter: FilterInputClass<K, F>,
  order: ClassType<O>,
  what: string,
) {
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
