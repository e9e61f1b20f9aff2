import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { CommitmentRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref, refs } from "../base/lookups";
import { CooperationArea } from "../cooperation-area/cooperation-area.type";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { CommitmentListArgs } from "./commitment.args";
import { Commitment, CommitmentConnection } from "./commitment.type";

@Resolver(_of => Commitment)
export class CommitmentResolver extends EntityResolver({
  typename: "Commitment",
  objectType: Commitment,
  connection: CommitmentConnection,
  args: CommitmentListArgs,
  one: "commitment",
  many: "commitments",
  plural: "commitments",
}) {
  @FieldResolver(_returns => [Country], { description: "The countries that made the commitment." })
  parties(@Root() commitment: CommitmentRecord, @Ctx() ctx: GraphContext) {
    return refs(ctx, "Country", commitment.partyIds);
  }

  @FieldResolver(_returns => Country, {
    nullable: true,
    description: "The country the commitment is made to or benefits (e.g. the export market); null when it is mutual.",
  })
  beneficiary(@Root() commitment: CommitmentRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", commitment.beneficiaryId);
  }

  @FieldResolver(_returns => CooperationArea, { description: "The area of cooperation it belongs to." })
  area(@Root() commitment: CommitmentRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "CooperationArea", commitment.areaId);
  }

  @FieldResolver(_returns => Meeting, { description: "The meeting at which it was made." })
  meeting(@Root() commitment: CommitmentRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Meeting", commitment.meetingId);
  }
}
