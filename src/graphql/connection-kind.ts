/** What the cost formulas (./limits.ts, ./actual-cost.ts) take for a connection. */
import { getNamedType, type GraphQLOutputType, isObjectType } from "graphql";

/** A Relay connection: an object type named `…Connection` with a `pageInfo`. */
export function isConnection(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return isObjectType(named) && named.name.endsWith("Connection") && "pageInfo" in named.getFields();
}
