import { mapMaybePromise } from "../../common/maybe-promise";
import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { NodeRecord } from "../../domain/records";
import type { Edge, SearchHit } from "../../repository/repository";
import type { GraphContext } from "../base/context";
import { SearchArgs } from "./search.args";
import { SearchConnection, searchTypeNames } from "./search.type";

/**
 * A `SearchEdge` as the executor reads it: the hit's fields as own data properties of one class (one
 * object shape, read directly by the compiled query), the cursor encoded only when a query reads it.
 */
class SearchEdgeValue {
  readonly score: number;
  readonly matchedField: string;
  readonly matchedText: string;
  readonly node: NodeRecord;

  constructor(private readonly edge: Edge<SearchHit>) {
    const hit = edge.node;
    this.score = hit.score;
    this.matchedField = hit.matchedField;
    this.matchedText = hit.matchedText;
    this.node = hit.node;
  }

  get cursor(): string {
    return this.edge.cursor;
  }
}

const toEdge = (edge: Edge<SearchHit>): SearchEdgeValue => new SearchEdgeValue(edge);

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
      edges: edges.map(toEdge),
      pageInfo,
      totalCount,
    }));
  }
}
