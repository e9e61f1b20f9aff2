import { Field, ID, InterfaceType } from "type-graphql";

import type { ClaimRecord } from "../../domain/evidence";
import type { NodeRecord } from "../../domain/records";
import { Claim } from "../evidence/evidence.type";

@InterfaceType("Node", {
  description:
    'An object with a globally unique, stable and readable id of the form "type:key" (for example "country:KZ" or "leader:abdullah-ii"). Fetch any node by id with `node` or `nodes`.',
  resolveType: (value: NodeRecord) => value.__typename,
})
export abstract class Node {
  @Field(_type => ID, { description: 'The globally unique, stable id, e.g. "country:KZ".' })
  id!: string;

  @Field(_type => [Claim], {
    description:
      "What supports each field of this object that has a value: one claim per field, with the citations backing it and how the value was obtained. Each type's own `evidence` can be narrowed to some fields with `fields:`.",
  })
  /** Built from the record's citations by each type's evidence resolver (src/graphql/evidence/). */
  evidence?: readonly ClaimRecord[];
}
