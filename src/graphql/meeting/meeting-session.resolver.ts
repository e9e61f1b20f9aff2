import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { MeetingFormatRecord } from "../../domain/records";
import { CommitmentConnection } from "../commitment/commitment.type";
import { ConnectionArgs } from "../base/connection.args";
import type { GraphContext } from "../base/context";
import { ListOf } from "../base/list-bound";
import { refs, refsPage } from "../base/lookups";
import { DelegationConnection } from "../delegation/delegation.type";
import { Leader } from "../leader/leader.type";
import { PositionConnection } from "../position/position.type";
import { StatementConnection } from "../statement/statement.type";
import { MeetingSession } from "./meeting.type";

/**
 * What the report places in a format of a meeting: its leaders, delegations, positions, statements
 * and commitments (all of the same meeting, checked at load), in the order the seed lists them.
 * Each placement has its evidence (`evidence(fields: [POSITIONS])`, …): most are inferred from where
 * the report tells them.
 */
@Resolver(_of => MeetingSession)
export class MeetingSessionResolver {
  @FieldResolver(_returns => [Leader], {
    description:
      "The leaders the report places in this format (some of the meeting's participants), in the order it lists them.",
  })
  participants(@Root() session: MeetingFormatRecord, @Ctx() ctx: GraphContext) {
    return refs(ctx, "Leader", session.participantIds);
  }

  @ListOf("Delegation", "meeting")
  @FieldResolver(_returns => DelegationConnection, {
    description:
      "The official delegations the report places in this format (some of the meeting's delegations), in the order it lists them.",
  })
  delegations(
    @Root() session: MeetingFormatRecord,
    @Args(_type => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return refsPage(ctx, "Delegation", session.delegationIds, page);
  }

  @ListOf("Position", "meeting")
  @FieldResolver(_returns => PositionConnection, {
    description:
      "The positions the report places in this format (some of the meeting's positions), in the order it lists them.",
  })
  positions(
    @Root() session: MeetingFormatRecord,
    @Args(_type => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return refsPage(ctx, "Position", session.positionIds, page);
  }

  @ListOf("Statement", "meeting")
  @FieldResolver(_returns => StatementConnection, {
    description:
      "The statements the report places in this format (some of the meeting's statements), in the order it lists them.",
  })
  statements(
    @Root() session: MeetingFormatRecord,
    @Args(_type => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return refsPage(ctx, "Statement", session.statementIds, page);
  }

  @ListOf("Commitment", "meeting")
  @FieldResolver(_returns => CommitmentConnection, {
    description:
      "The commitments the report places in this format (some of the meeting's commitments), in the order it lists them.",
  })
  commitments(
    @Root() session: MeetingFormatRecord,
    @Args(_type => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return refsPage(ctx, "Commitment", session.commitmentIds, page);
  }
}
