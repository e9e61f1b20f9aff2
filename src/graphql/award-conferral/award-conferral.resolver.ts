import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { AwardConferralRecord } from "../../domain/records";
import { Award } from "../award/award.type";
import { City } from "../city/city.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref } from "../base/lookups";
import { Leader } from "../leader/leader.type";
import { Meeting } from "../meeting/meeting.type";
import { AwardConferralListArgs } from "./award-conferral.args";
import { AwardConferral, AwardConferralConnection } from "./award-conferral.type";

@Resolver(_of => AwardConferral)
export class AwardConferralResolver extends EntityResolver({
  typename: "AwardConferral",
  objectType: AwardConferral,
  connection: AwardConferralConnection,
  args: AwardConferralListArgs,
  one: "awardConferral",
  many: "awardConferrals",
  plural: "award conferrals",
}) {
  @FieldResolver(_returns => Award, { description: "The award conferred." })
  award(@Root() conferral: AwardConferralRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Award", conferral.awardId);
  }

  @FieldResolver(_returns => Leader, { description: "Who conferred it." })
  conferredBy(@Root() conferral: AwardConferralRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Leader", conferral.conferredById);
  }

  @FieldResolver(_returns => Leader, { description: "Who received it." })
  recipient(@Root() conferral: AwardConferralRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Leader", conferral.recipientId);
  }

  @FieldResolver(_returns => City, { description: "Where it was conferred." })
  city(@Root() conferral: AwardConferralRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "City", conferral.cityId);
  }

  @FieldResolver(_returns => Meeting, {
    nullable: true,
    description: "The meeting at which it was conferred; null when not at a meeting.",
  })
  meeting(@Root() conferral: AwardConferralRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", conferral.meetingId);
  }
}
