import { mapMaybePromise } from "../../common/maybe-promise";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { ActorRecord, PositionRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref } from "../base/lookups";
import { CooperationArea } from "../cooperation-area/cooperation-area.type";
import { Meeting } from "../meeting/meeting.type";
import { Actor } from "./actor.union";
import { PositionListArgs } from "./position.args";
import { Position, PositionConnection } from "./position.type";

@Resolver(_of => Position)
export class PositionResolver extends EntityResolver({
  typename: "Position",
  objectType: Position,
  connection: PositionConnection,
  args: PositionListArgs,
  one: "position",
  many: "positions",
  plural: "positions",
}) {
  @FieldResolver(_returns => CooperationArea, { description: "The area of cooperation the position is about." })
  area(@Root() position: PositionRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "CooperationArea", position.areaId);
  }

  @FieldResolver(_returns => Actor, { description: "Who took the position." })
  actor(@Root() position: PositionRecord, @Ctx() ctx: GraphContext) {
    return mapMaybePromise(ctx.loaders.nodes([position.actorId]), found => (found[0] ?? null) as ActorRecord | null);
  }

  @FieldResolver(_returns => Meeting, { description: "The meeting at which the position was taken." })
  meeting(@Root() position: PositionRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", position.meetingId);
  }
}
