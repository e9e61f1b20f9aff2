import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { MeetingRecord } from "../../domain/records";
import { AwardConferralListArgs } from "../award-conferral/award-conferral.args";
import { AwardConferralConnection } from "../award-conferral/award-conferral.type";
import { City } from "../city/city.type";
import { CommitmentListArgs } from "../commitment/commitment.args";
import { CommitmentConnection } from "../commitment/commitment.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref, refs } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { CooperationAreaListArgs } from "../cooperation-area/cooperation-area.args";
import { CooperationAreaConnection } from "../cooperation-area/cooperation-area.type";
import { Country } from "../country/country.type";
import { DelegationListArgs } from "../delegation/delegation.args";
import { DelegationConnection } from "../delegation/delegation.type";
import { Leader } from "../leader/leader.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { SharedValueListArgs } from "../shared-value/shared-value.args";
import { SharedValueConnection } from "../shared-value/shared-value.type";
import { StatementListArgs } from "../statement/statement.args";
import { StatementConnection } from "../statement/statement.type";
import { MeetingListArgs } from "./meeting.args";
import { Meeting, MeetingConnection } from "./meeting.type";

@Resolver(_of => Meeting)
export class MeetingResolver extends EntityResolver({
  typename: "Meeting",
  objectType: Meeting,
  connection: MeetingConnection,
  args: MeetingListArgs,
  one: "meeting",
  many: "meetings",
  plural: "meetings",
}) {
  @FieldResolver(_returns => City, { description: "Where the meeting was held." })
  city(@Root() meeting: MeetingRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "City", meeting.cityId);
  }

  @FieldResolver(_returns => Country, { description: "The country that hosted the meeting." })
  hostCountry(@Root() meeting: MeetingRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", meeting.hostCountryId);
  }

  @FieldResolver(_returns => [Leader], { description: "The leaders who took part, in the order recorded." })
  participants(@Root() meeting: MeetingRecord, @Ctx() ctx: GraphContext) {
    return refs(ctx, "Leader", meeting.participantIds);
  }

  @FieldResolver(_returns => Leader, {
    nullable: true,
    description: "The leader at whose invitation the visit took place; null when not stated.",
  })
  invitedBy(@Root() meeting: MeetingRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Leader", meeting.invitedById);
  }

  @FieldResolver(_returns => Meeting, {
    nullable: true,
    description: "The earlier meeting this one continued; null when none is stated.",
  })
  continues(@Root() meeting: MeetingRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", meeting.continuesId);
  }

  @ListOf("Meeting", "continues")
  @FieldResolver(_returns => MeetingConnection, {
    description: "Meetings that continue this one (their `continues`), by date (undated last).",
  })
  continuedBy(
    @Root() meeting: MeetingRecord,
    @Args(_type => MeetingListArgs) args: MeetingListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Meeting", args, { continues: meeting.id });
  }

  @ListOf("Delegation", "meeting")
  @FieldResolver(_returns => DelegationConnection, {
    description: "The official delegations that attended this meeting, by name.",
  })
  delegations(
    @Root() meeting: MeetingRecord,
    @Args(_type => DelegationListArgs) args: DelegationListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Delegation", args, { meeting: meeting.id });
  }

  @ListOf("Position", "meeting")
  @FieldResolver(_returns => PositionConnection, {
    description: "Positions taken at this meeting, by any actor, in id order.",
  })
  positions(
    @Root() meeting: MeetingRecord,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { meeting: meeting.id });
  }

  @ListOf("CooperationArea", "meeting")
  @FieldResolver(_returns => CooperationAreaConnection, {
    description:
      "Areas on which a position was taken at this meeting, by name; an area with only a commitment here is not included.",
  })
  cooperationAreas(
    @Root() meeting: MeetingRecord,
    @Args(_type => CooperationAreaListArgs) args: CooperationAreaListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "CooperationArea", args, { meeting: meeting.id });
  }

  @ListOf("Commitment", "meeting")
  @FieldResolver(_returns => CommitmentConnection, { description: "Commitments made at this meeting, by title." })
  commitments(
    @Root() meeting: MeetingRecord,
    @Args(_type => CommitmentListArgs) args: CommitmentListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Commitment", args, { meeting: meeting.id });
  }

  @ListOf("AwardConferral", "meeting")
  @FieldResolver(_returns => AwardConferralConnection, { description: "Award conferrals at this meeting, by date." })
  awardConferrals(
    @Root() meeting: MeetingRecord,
    @Args(_type => AwardConferralListArgs) args: AwardConferralListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "AwardConferral", args, { meeting: meeting.id });
  }

  @ListOf("Statement", "meeting")
  @FieldResolver(_returns => StatementConnection, { description: "Statements made at this meeting, in id order." })
  statements(
    @Root() meeting: MeetingRecord,
    @Args(_type => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Statement", args, { meeting: meeting.id });
  }

  @ListOf("SharedValue", "meeting")
  @FieldResolver(_returns => SharedValueConnection, { description: "Shared values noted at this meeting, by name." })
  sharedValues(
    @Root() meeting: MeetingRecord,
    @Args(_type => SharedValueListArgs) args: SharedValueListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "SharedValue", args, { meeting: meeting.id });
  }
}
