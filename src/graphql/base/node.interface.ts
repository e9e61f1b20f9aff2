import { Field, ID, InterfaceType } from "type-graphql";

import type { NodeRecord } from "../../domain/records";

@InterfaceType("Node", {
  description:
    'An object with a globally unique, stable and readable id of the form "type:key" (for example "country:KZ" or "leader:abdullah-ii"). Fetch any node by id with `node` or `nodes`.',
  resolveType: (value: NodeRecord) => value.__typename,
})
export abstract class Node {
  @Field(_type => ID, { description: 'The globally unique, stable id, e.g. "country:KZ".' })
  id!: string;
}
