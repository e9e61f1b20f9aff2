import { mapMaybePromise } from "../../common/maybe-promise";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";

import type { CountryRecord } from "../../domain/records";
import type { MaybePromise } from "../../repository/repository";
import { AwardListArgs } from "../award/award.args";
import { AwardConnection } from "../award/award.type";
import { AwardConferralListArgs } from "../award-conferral/award-conferral.args";
import { AwardConferralConnection } from "../award-conferral/award-conferral.type";
import { City } from "../city/city.type";
import { CityListArgs } from "../city/city.args";
import { CityConnection } from "../city/city.type";
import { CommitmentListArgs } from "../commitment/commitment.args";
import { CommitmentConnection } from "../commitment/commitment.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { CountryCode } from "../base/scalars";
import { CompanyListArgs } from "../company/company.args";
import { CompanyConnection } from "../company/company.type";
import { CooperationAreaListArgs } from "../cooperation-area/cooperation-area.args";
import { CooperationAreaConnection } from "../cooperation-area/cooperation-area.type";
import { DelegationListArgs } from "../delegation/delegation.args";
import { DelegationConnection } from "../delegation/delegation.type";
import { FlightRouteListArgs } from "../flight-route/flight-route.args";
import { FlightRouteConnection } from "../flight-route/flight-route.type";
import { LeaderListArgs } from "../leader/leader.args";
import { LeaderConnection } from "../leader/leader.type";
import { MeetingListArgs } from "../meeting/meeting.args";
import { MeetingConnection } from "../meeting/meeting.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { SharedValueListArgs } from "../shared-value/shared-value.args";
import { SharedValueConnection } from "../shared-value/shared-value.type";
import { CountryListArgs } from "./country.args";
import { Country, CountryConnection } from "./country.type";

@Resolver(_of => Country)
export class CountryResolver extends EntityResolver({
  typename: "Country",
  objectType: Country,
  connection: CountryConnection,
  args: CountryListArgs,
  one: "country",
  many: "countries",
  plural: "countries",
  lookupById: false,
}) {
  @Query(_returns => Country, {
    nullable: true,
    description: "One country by ISO 3166-1 alpha-2 code; null when the graph has none.",
  })
  country(
    @Arg("code", _type => CountryCode, { description: 'The ISO 3166-1 alpha-2 code, e.g. "JO".' }) code: string,
    @Ctx() ctx: GraphContext,
  ): MaybePromise<CountryRecord | null> {
    return mapMaybePromise(ctx.loaders.countriesByCode([code]), found => found[0] ?? null);
  }

  @FieldResolver(_returns => City, { description: "The capital city." })
  capital(@Root() country: CountryRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "City", country.capitalId);
  }

  @ListOf("City", "country")
  @FieldResolver(_returns => CityConnection, {
    description: "Cities in this country that the sources mention, by name.",
  })
  cities(@Root() country: CountryRecord, @Args(_type => CityListArgs) args: CityListArgs, @Ctx() ctx: GraphContext) {
    return list(ctx, "City", args, { country: country.code });
  }

  @ListOf("Leader", "country")
  @FieldResolver(_returns => LeaderConnection, { description: "Leaders of this country (their `country`), by name." })
  leaders(
    @Root() country: CountryRecord,
    @Args(_type => LeaderListArgs) args: LeaderListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Leader", args, { country: country.code });
  }

  @ListOf("Company", "country")
  @FieldResolver(_returns => CompanyConnection, {
    description: "Companies of this country (their `country`), by name.",
  })
  companies(
    @Root() country: CountryRecord,
    @Args(_type => CompanyListArgs) args: CompanyListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Company", args, { country: country.code });
  }

  @ListOf("Meeting", "country")
  @FieldResolver(_returns => MeetingConnection, {
    description:
      "Meetings the country hosted or a leader of it took part in, by date (undated last); a meeting it attended only through a delegation is not included.",
  })
  meetings(
    @Root() country: CountryRecord,
    @Args(_type => MeetingListArgs) args: MeetingListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Meeting", args, { country: country.code });
  }

  @ListOf("Delegation", "country")
  @FieldResolver(_returns => DelegationConnection, {
    description: "Official delegations representing this country, at any meeting, by name.",
  })
  delegations(
    @Root() country: CountryRecord,
    @Args(_type => DelegationListArgs) args: DelegationListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Delegation", args, { country: country.code });
  }

  @ListOf("Position", "actorCountry")
  @FieldResolver(_returns => PositionConnection, {
    description:
      "Positions taken by the country itself or by one of its leaders, companies or delegations, at any meeting, in id order.",
  })
  positions(
    @Root() country: CountryRecord,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { actorCountry: country.code });
  }

  @ListOf("CooperationArea", "actorCountry")
  @FieldResolver(_returns => CooperationAreaConnection, {
    description:
      "Areas on which the country or one of its leaders, companies or delegations took a position, at any meeting, by name; the `between` filter instead keeps areas with a position by anyone taken at a meeting whose countries include both. A `stance` filter may be met by another actor's position: for what the country itself proposed, use `positions(filter: {stance: PROPOSED})`.",
  })
  cooperationAreas(
    @Root() country: CountryRecord,
    @Args(_type => CooperationAreaListArgs) args: CooperationAreaListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "CooperationArea", args, { actorCountry: country.code });
  }

  @ListOf("Commitment", "party")
  @FieldResolver(_returns => CommitmentConnection, {
    description:
      "Commitments that name the country among their parties, by title; not those it only benefits from or that were only made at its meetings.",
  })
  commitments(
    @Root() country: CountryRecord,
    @Args(_type => CommitmentListArgs) args: CommitmentListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Commitment", args, { party: country.code });
  }

  @ListOf("Award", "country")
  @FieldResolver(_returns => AwardConnection, {
    description: "Awards of this country (its orders and medals), by name.",
  })
  awards(@Root() country: CountryRecord, @Args(_type => AwardListArgs) args: AwardListArgs, @Ctx() ctx: GraphContext) {
    return list(ctx, "Award", args, { country: country.code });
  }

  @ListOf("AwardConferral", "country")
  @FieldResolver(_returns => AwardConferralConnection, {
    description:
      "Award conferrals whose conferring or receiving leader is of this country, by date; the award's own country does not count.",
  })
  awardConferrals(
    @Root() country: CountryRecord,
    @Args(_type => AwardConferralListArgs) args: AwardConferralListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "AwardConferral", args, { country: country.code });
  }

  @ListOf("SharedValue", "country")
  @FieldResolver(_returns => SharedValueConnection, {
    description: "Values the sources say this country shares (it is among the value's `countries`), by name.",
  })
  sharedValues(
    @Root() country: CountryRecord,
    @Args(_type => SharedValueListArgs) args: SharedValueListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "SharedValue", args, { country: country.code });
  }

  @ListOf("FlightRoute", "country")
  @FieldResolver(_returns => FlightRouteConnection, {
    description: "Flight routes with an end in a city of this country, by name (origin – destination).",
  })
  flightRoutes(
    @Root() country: CountryRecord,
    @Args(_type => FlightRouteListArgs) args: FlightRouteListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "FlightRoute", args, { country: country.code });
  }
}
