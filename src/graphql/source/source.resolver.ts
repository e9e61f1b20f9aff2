import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { CitationRecord, SourceRecord } from "../../domain/records";
import { City } from "../city/city.type";
import { Citation } from "../base/citation.type";
import { ConnectionArgs } from "../base/connection.args";
import type { GraphContext } from "../base/context";
import { CitingList } from "../base/list-bound";
import { EntityResolver } from "../base/entity.resolver";
import { NodeConnection } from "../node/node.type";
import { ref } from "../base/lookups";
import { NonNegativeInt } from "../base/scalars";
import { SourceListArgs } from "./source.args";
import { Source, SourceConnection } from "./source.type";

@Resolver(_of => Source)
export class SourceResolver extends EntityResolver({
  typename: "Source",
  objectType: Source,
  connection: SourceConnection,
  args: SourceListArgs,
  one: "source",
  many: "sources",
  plural: "sources",
}) {
  @FieldResolver(_returns => City, {
    nullable: true,
    description: "The city in the date line; null when there is none.",
  })
  dateline(@Root() source: SourceRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "City", source.datelineCityId);
  }

  @FieldResolver(_returns => NonNegativeInt, {
    description: "The length of `text` in Unicode code points (the bound of citation offsets).",
  })
  length(@Root() source: SourceRecord): number {
    let count = 0;
    for (const _ of source.text) count++;
    return count;
  }

  @CitingList()
  @FieldResolver(_returns => NodeConnection, {
    description: "Every object with a citation of this source, in id order: what the source backs.",
  })
  citedBy(@Root() source: SourceRecord, @Args(_type => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: GraphContext) {
    return ctx.loaders.citing({ sourceId: source.id, page });
  }
}

@Resolver(_of => Citation)
export class CitationResolver {
  @FieldResolver(_returns => Source, { description: "The source quoted." })
  source(@Root() citation: CitationRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Source", citation.sourceId);
  }
}
