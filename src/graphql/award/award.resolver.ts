import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { AwardRecord } from "../../domain/records";
import { AwardConferralListArgs } from "../award-conferral/award-conferral.args";
import { AwardConferralConnection } from "../award-conferral/award-conferral.type";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { Country } from "../country/country.type";
import { AwardListArgs } from "./award.args";
import { Award, AwardConnection } from "./award.type";

@Resolver(_of => Award)
export class AwardResolver extends EntityResolver({
  typename: "Award",
  objectType: Award,
  connection: AwardConnection,
  args: AwardListArgs,
  one: "award",
  many: "awards",
  plural: "awards",
}) {
  @FieldResolver(_returns => Country, { description: "The country whose award it is." })
  country(@Root() award: AwardRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", award.countryId);
  }

  @ListOf("AwardConferral", "award")
  @FieldResolver(_returns => AwardConferralConnection, { description: "Each conferral of this award, by date." })
  conferrals(
    @Root() award: AwardRecord,
    @Args(_type => AwardConferralListArgs) args: AwardConferralListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "AwardConferral", args, { award: award.id });
  }
}
