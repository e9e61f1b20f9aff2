import { mapMaybePromise } from "../../common/maybe-promise";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";

import { AwardConferralListArgs } from "../award-conferral/award-conferral.args";
import { AwardConferralConnection } from "../award-conferral/award-conferral.type";
import { CommitmentListArgs } from "../commitment/commitment.args";
import { CommitmentConnection } from "../commitment/commitment.type";
import type { GraphContext } from "../base/context";
import { list } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { CooperationAreaListArgs } from "../cooperation-area/cooperation-area.args";
import { CooperationAreaConnection } from "../cooperation-area/cooperation-area.type";
import { DelegationListArgs } from "../delegation/delegation.args";
import { DelegationConnection } from "../delegation/delegation.type";
import { FlightRouteListArgs } from "../flight-route/flight-route.args";
import { FlightRouteConnection } from "../flight-route/flight-route.type";
import { LeaderListArgs } from "../leader/leader.args";
import { LeaderConnection } from "../leader/leader.type";
import { MeetingListArgs } from "../meeting/meeting.args";
import { Meeting, MeetingConnection } from "../meeting/meeting.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { SharedValueListArgs } from "../shared-value/shared-value.args";
import { SharedValueConnection } from "../shared-value/shared-value.type";
import { StatementListArgs } from "../statement/statement.args";
import { StatementConnection } from "../statement/statement.type";
import { OrderDirection, OrderField } from "../../repository/repository";
import { BilateralRelationsArgs } from "./bilateral-relations.args";
import { BilateralRelations, type BilateralRelationsValue } from "./bilateral-relations.type";

const pair = (value: BilateralRelationsValue): [string, string] => [value.countries[0].code, value.countries[1].code];

@Resolver(_of => BilateralRelations)
export class BilateralRelationsResolver {
  @Query(_returns => BilateralRelations, {
    nullable: true,
    description:
      "What is the state of relations between two countries? Everything the graph holds between them, in one call. Null when the graph has no such country.",
  })
  bilateralRelations(
    @Args(_type => BilateralRelationsArgs) { countries }: BilateralRelationsArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return mapMaybePromise(ctx.loaders.countriesByCode(countries), ([a, b]): BilateralRelationsValue | null =>
      a && b ? { countries: [a, b] } : null,
    );
  }

  @ListOf("Meeting", "between")
  @FieldResolver(_returns => MeetingConnection, {
    description:
      "Meetings whose countries (the host and the participants' countries) include both, by date (undated last); a country present only through a delegation does not count.",
  })
  meetings(
    @Root() value: BilateralRelationsValue,
    @Args(_type => MeetingListArgs) args: MeetingListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Meeting", args, { between: pair(value) });
  }

  @FieldResolver(_returns => Meeting, {
    nullable: true,
    description: "The latest-dated of `meetings` (on a tie, the greatest id); null when none of them is dated.",
  })
  latestMeeting(@Root() value: BilateralRelationsValue, @Ctx() ctx: GraphContext) {
    const page = ctx.loaders.list("Meeting", {
      filter: { between: pair(value) },
      orderBy: { field: OrderField.DATE, direction: OrderDirection.DESC },
      page: { first: 1 },
    });
    return mapMaybePromise(page, ({ edges }) => (edges[0]?.node.date ? edges[0].node : null));
  }

  @ListOf("Leader", "between")
  @FieldResolver(_returns => LeaderConnection, {
    description: "Leaders, of any country, who took part in a meeting whose countries include both, by name.",
  })
  leaders(
    @Root() value: BilateralRelationsValue,
    @Args(_type => LeaderListArgs) args: LeaderListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Leader", args, { between: pair(value) });
  }

  @ListOf("Delegation", "between")
  @FieldResolver(_returns => DelegationConnection, {
    description: "Official delegations, of any country, that attended a meeting whose countries include both, by name.",
  })
  delegations(
    @Root() value: BilateralRelationsValue,
    @Args(_type => DelegationListArgs) args: DelegationListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Delegation", args, { between: pair(value) });
  }

  @ListOf("CooperationArea", "between")
  @FieldResolver(_returns => CooperationAreaConnection, {
    description:
      "Areas with a position by anyone taken at a meeting whose countries include both, by name; `Country.cooperationAreas` instead keeps areas on which an actor of that country took a position, at any meeting.",
  })
  cooperationAreas(
    @Root() value: BilateralRelationsValue,
    @Args(_type => CooperationAreaListArgs) args: CooperationAreaListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "CooperationArea", args, { between: pair(value) });
  }

  @ListOf("Position", "between")
  @FieldResolver(_returns => PositionConnection, {
    description: "Positions, by any actor, taken at a meeting whose countries include both, in id order.",
  })
  positions(
    @Root() value: BilateralRelationsValue,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { between: pair(value) });
  }

  @ListOf("Commitment", "between")
  @FieldResolver(_returns => CommitmentConnection, {
    description:
      "Commitments whose parties, beneficiary and meeting's countries together include both, by title; one made at a meeting between them counts even if only one of them is a party.",
  })
  commitments(
    @Root() value: BilateralRelationsValue,
    @Args(_type => CommitmentListArgs) args: CommitmentListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Commitment", args, { between: pair(value) });
  }

  @ListOf("AwardConferral", "between")
  @FieldResolver(_returns => AwardConferralConnection, {
    description: "Award conferrals by a leader of one country on a leader of the other, either way, by date.",
  })
  awardConferrals(
    @Root() value: BilateralRelationsValue,
    @Args(_type => AwardConferralListArgs) args: AwardConferralListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "AwardConferral", args, { between: pair(value) });
  }

  @ListOf("SharedValue", "between")
  @FieldResolver(_returns => SharedValueConnection, {
    description: "Values the sources say both countries share (both among the value's `countries`), by name.",
  })
  sharedValues(
    @Root() value: BilateralRelationsValue,
    @Args(_type => SharedValueListArgs) args: SharedValueListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "SharedValue", args, { between: pair(value) });
  }

  @ListOf("FlightRoute", "between")
  @FieldResolver(_returns => FlightRouteConnection, {
    description: "Flight routes with one end in each country, by name (origin – destination).",
  })
  flightRoutes(
    @Root() value: BilateralRelationsValue,
    @Args(_type => FlightRouteListArgs) args: FlightRouteListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "FlightRoute", args, { between: pair(value) });
  }

  @ListOf("Statement", "between")
  @FieldResolver(_returns => StatementConnection, {
    description: "Statements, by any speaker, made at a meeting whose countries include both, in id order.",
  })
  statements(
    @Root() value: BilateralRelationsValue,
    @Args(_type => StatementListArgs) args: StatementListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Statement", args, { between: pair(value) });
  }
}
