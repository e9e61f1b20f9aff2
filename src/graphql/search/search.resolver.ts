import { mapMaybePromise } from "@graphql-tools/utils";
import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { GraphContext } from "../base/context";
import { SearchArgs } from "./search.args";
import { SearchConnection, searchTypeNames } from "./search.type";

@Resolver()
export class SearchResolver {
  @Query(_returns => SearchConnection, {
    description:
      'Ranked search across every type: names, aliases (e.g. "JUMCO"), codes, titles and descriptions. Each edge says which field matched and how well.',
  })
  search(@Args(_type => SearchArgs) args: SearchArgs, @Ctx() ctx: GraphContext) {
    const page = ctx.loaders.search({
      text: args.text,
      types: args.types ? searchTypeNames(args.types) : null,
      page: args,
    });
    return mapMaybePromise(page, ({ edges, pageInfo, totalCount }) => ({
      // The cursor is encoded only if the query selects it.
      edges: edges.map(edge => ({
        ...edge.node,
        get cursor() {
          return edge.cursor;
        },
      })),
      pageInfo,
      totalCount,
    }));
  }
}
