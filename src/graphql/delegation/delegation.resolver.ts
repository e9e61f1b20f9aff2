import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { DelegationRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { PositionListArgs } from "../position/position.args";
import { PositionConnection } from "../position/position.type";
import { DelegationListArgs } from "./delegation.args";
import { Delegation, DelegationConnection } from "./delegation.type";

@Resolver(_of => Delegation)
export class DelegationResolver extends EntityResolver({
  typename: "Delegation",
  objectType: Delegation,
  connection: DelegationConnection,
  args: DelegationListArgs,
  one: "delegation",
  many: "delegations",
  plural: "delegations",
}) {
  @FieldResolver(_returns => Country, { description: "The country the delegation represents." })
  country(@Root() delegation: DelegationRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", delegation.countryId);
  }

  @FieldResolver(_returns => Meeting, { description: "The meeting the delegation took part in." })
  meeting(@Root() delegation: DelegationRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", delegation.meetingId);
  }

  @ListOf("Position", "actor")
  @FieldResolver(_returns => PositionConnection, {
    description: "Positions the delegation itself took, in id order.",
  })
  positions(
    @Root() delegation: DelegationRecord,
    @Args(_type => PositionListArgs) args: PositionListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "Position", args, { actor: delegation.id });
  }
}
