import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { SharedValueRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref, refs } from "../base/lookups";
import { Country } from "../country/country.type";
import { Leader } from "../leader/leader.type";
import { Meeting } from "../meeting/meeting.type";
import { SharedValueListArgs } from "./shared-value.args";
import { SharedValue, SharedValueConnection } from "./shared-value.type";

@Resolver(_of => SharedValue)
export class SharedValueResolver extends EntityResolver({
  typename: "SharedValue",
  objectType: SharedValue,
  connection: SharedValueConnection,
  args: SharedValueListArgs,
  one: "sharedValue",
  many: "sharedValues",
  plural: "shared values",
}) {
  @FieldResolver(_returns => [Country], { description: "The countries said to share the value." })
  countries(@Root() value: SharedValueRecord, @Ctx() ctx: GraphContext) {
    return refs(ctx, "Country", value.countryIds);
  }

  @FieldResolver(_returns => Leader, { description: "The leader who noted it." })
  notedBy(@Root() value: SharedValueRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Leader", value.notedById);
  }

  @FieldResolver(_returns => Meeting, { description: "The meeting at which it was noted." })
  meeting(@Root() value: SharedValueRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", value.meetingId);
  }
}
