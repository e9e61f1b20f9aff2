import { mapMaybePromise } from "../../common/maybe-promise";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { ActorRecord, CommitmentRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { ref, refs } from "../base/lookups";
import { CooperationArea } from "../cooperation-area/cooperation-area.type";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { Actor } from "../position/actor.union";
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
  @FieldResolver(_returns => [Country], {
    description: "The countries the commitment binds (for a commitment made by delegations, their countries).",
  })
  parties(@Root() commitment: CommitmentRecord, @Ctx() ctx: GraphContext) {
    return refs(ctx, "Country", commitment.partyIds);
  }

  @FieldResolver(_returns => [Actor], {
    description:
      "Who made the commitment — countries, leaders, companies or delegations — where the report says so (see `evidence(fields: [MADE_BY])`); empty when it does not.",
  })
  madeBy(@Root() commitment: CommitmentRecord, @Ctx() ctx: GraphContext) {
    return mapMaybePromise(ctx.loaders.nodes(commitment.madeByIds), found =>
      found.filter((actor): actor is ActorRecord => actor !== null),
    );
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
