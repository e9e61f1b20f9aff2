/**
 * The two root queries every entity has: one by id (nullable: an unknown id is null, not an error)
 * and a paginated, filtered, ordered list. Entity resolvers extend the class this makes and add
 * their relation fields.
 */
import { Arg, Args, type ClassType, Ctx, ID, Query, Resolver } from "type-graphql";

import type { NodeTypename, RecordByType } from "../../domain/records";
import type { MaybePromise, Page } from "../../repository/repository";
import type { GraphContext } from "./context";
import type { ListArgsShape } from "./list.args";
import { list, ref } from "./lookups";
import { ListOf } from "./list-bound";

export interface EntityResolverOptions<K extends NodeTypename> {
  readonly typename: K;
  readonly objectType: ClassType;
  readonly connection: ClassType;
  readonly args: ClassType<ListArgsShape<object, { field: string; direction: string }>>;
  /** Root field names, e.g. "leader" and "leaders". */
  readonly one: string;
  readonly many: string;
  /** Plural noun for descriptions, e.g. "leaders". */
  readonly plural: string;
  /** Set false when the one-item lookup is written by hand (countries are looked up by code). */
  readonly lookupById?: boolean;
}

export function EntityResolver<K extends NodeTypename>(options: EntityResolverOptions<K>) {
  const { typename, objectType, connection, args, one, many, plural } = options;

  @Resolver()
  abstract class ListResolver {
    @ListOf(typename, null)
    @Query(_returns => connection, { name: many, description: `A page of ${plural}, filtered and ordered.` })
    listQuery(
      @Args(_type => args) listArgs: ListArgsShape<object, { field: string; direction: string }>,
      @Ctx() ctx: GraphContext,
    ): MaybePromise<Page<RecordByType[K]>> {
      return list(ctx, typename, listArgs);
    }
  }
  if (options.lookupById === false) return ListResolver;

  @Resolver()
  abstract class LookupResolver extends ListResolver {
    @Query(_returns => objectType, {
      name: one,
      nullable: true,
      description: `One ${typename} by id; null when there is none.`,
    })
    lookupQuery(
      @Arg("id", _type => ID, { description: `The ${typename}'s id.` }) id: string,
      @Ctx() ctx: GraphContext,
    ): MaybePromise<RecordByType[K] | null> {
      return ref(ctx, typename, id);
    }
  }
  return LookupResolver;
}
