import { mapMaybePromise } from "../../common/maybe-promise";
import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";

import type { NodeRecord } from "../../domain/records";
import type { MaybePromise } from "../../repository/repository";
import type { GraphContext } from "../base/context";
import { Node } from "../base/node.interface";
import { MAX_NODE_IDS, NodesArgs } from "./node.args";

@Resolver()
export class NodeResolver {
  @Query(_returns => Node, {
    nullable: true,
    description: 'Any object by its global id (e.g. "leader:abdullah-ii"); null when there is none.',
  })
  node(
    @Arg("id", _type => ID, { description: "The global id." }) id: string,
    @Ctx() ctx: GraphContext,
  ): MaybePromise<NodeRecord | null> {
    return mapMaybePromise(ctx.loaders.nodes([id]), found => found[0] ?? null);
  }

  @Query(_returns => [Node], {
    nullable: "items",
    description: `Objects by global id, in the order asked, with null for each id that has none (at most ${MAX_NODE_IDS} ids).`,
  })
  nodes(
    @Args(_type => NodesArgs) { ids }: NodesArgs,
    @Ctx() ctx: GraphContext,
  ): MaybePromise<ReadonlyArray<NodeRecord | null>> {
    return ctx.loaders.nodes(ids);
  }
}
