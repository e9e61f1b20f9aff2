import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { StatementRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref, refs } from "../base/lookups";
import { Leader } from "../leader/leader.type";
import { Meeting } from "../meeting/meeting.type";
import { StatementListArgs } from "./statement.args";
import { Statement, StatementConnection } from "./statement.type";

@Resolver(_of => Statement)
export class StatementResolver extends EntityResolver({
  typename: "Statement",
  objectType: Statement,
  connection: StatementConnection,
  args: StatementListArgs,
  one: "statement",
  many: "statements",
  plural: "statements",
}) {
  @FieldResolver(_returns => [Leader], { description: "Who made the statement (both leaders for a joint one)." })
  speakers(@Root() statement: StatementRecord, @Ctx() ctx: GraphContext) {
    return refs(ctx, "Leader", statement.speakerIds);
  }

  @FieldResolver(_returns => Meeting, { description: "The meeting at which it was made." })
  meeting(@Root() statement: StatementRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", statement.meetingId);
  }
}
