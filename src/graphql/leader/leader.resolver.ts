import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { LeaderRecord } from "../../domain/records";
import { AwardConferralListArgs } from "../award-conferral/award-conferral.args";
import { AwardConferralConnection } from "../award-conferral/award-conferral.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { CooperationAreaListArgs } from "../cooperation-area/cooperation-area.args";
import { CooperationAreaConnection } from "../cooperation-area/cooperation-area.type";
import { Country } from "../country/country.type";
import { MeetingListArgs } from "../meeting/meeting.args";
import { MeetingConnection } from "../meeting/meeting.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { SharedValueListArgs } from "../shared-value/shared-value.args";
import { SharedValueConnection } from "../shared-value/shared-value.type";
import { StatementListArgs } from "../statement/statement.args";
import { StatementConnection } from "../statement/statement.type";
import { LeaderListArgs } from "./leader.args";
import { Leader, LeaderConnection } from "./leader.type";

@Resolver(_of => Leader)
export class LeaderResolver extends EntityResolver({
  typename: "Leader",
  objectType: Leader,
  connection: LeaderConnection,
  args: LeaderListArgs,
  one: "leader",
  many: "leaders",
  plural: "leaders",
}) {
  @FieldResolver(_returns => Country, { description: "The country the leader leads." })
  country(@Root() leader: LeaderRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", leader.countryId);
  }

  @ListOf("Meeting", "participant")
  @FieldResolver(_returns => MeetingConnection, {
    description: "Meetings that list the leader among their participants, by date (undated last).",
  })
  meetings(
    @Root() leader: LeaderRecord,
    @Args(_type => MeetingListArgs) args: MeetingListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Meeting", args, { participant: leader.id });
  }

  @ListOf("AwardConferral", "recipient")
  @FieldResolver(_returns => AwardConferralConnection, {
    description: "Award conferrals of which the leader is the recipient, by date.",
  })
  awardsReceived(
    @Root() leader: LeaderRecord,
    @Args(_type => AwardConferralListArgs) args: AwardConferralListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "AwardConferral", args, { recipient: leader.id });
  }

  @ListOf("AwardConferral", "conferredBy")
  @FieldResolver(_returns => AwardConferralConnection, {
    description: "Award conferrals the leader conferred on others, by date.",
  })
  awardsConferred(
    @Root() leader: LeaderRecord,
    @Args(_type => AwardConferralListArgs) args: AwardConferralListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "AwardConferral", args, { conferredBy: leader.id });
  }

  @ListOf("Position", "actor")
  @FieldResolver(_returns => PositionConnection, {
    description:
      "Positions the leader took in person, in id order; not those of the leader's country, companies or delegations.",
  })
  positions(
    @Root() leader: LeaderRecord,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { actor: leader.id });
  }

  @ListOf("CooperationArea", "actor")
  @FieldResolver(_returns => CooperationAreaConnection, {
    description:
      "Areas on which the leader took a position in person, by name. A `stance` filter may be met by another actor's position: for the leader's own stance, use `positions(filter: {stance: …})`.",
  })
  cooperationAreas(
    @Root() leader: LeaderRecord,
    @Args(_type => CooperationAreaListArgs) args: CooperationAreaListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "CooperationArea", args, { actor: leader.id });
  }

  @ListOf("Statement", "speaker")
  @FieldResolver(_returns => StatementConnection, {
    description: "Statements the leader made, alone or jointly, in id order.",
  })
  statements(
    @Root() leader: LeaderRecord,
    @Args(_type => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Statement", args, { speaker: leader.id });
  }

  @ListOf("SharedValue", "notedBy")
  @FieldResolver(_returns => SharedValueConnection, {
    description: "Shared values the leader noted (their `notedBy`), by name.",
  })
  sharedValuesNoted(
    @Root() leader: LeaderRecord,
    @Args(_type => SharedValueListArgs) args: SharedValueListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "SharedValue", args, { notedBy: leader.id });
  }
}
