/**
 * Relay connections (https://relay.dev/graphql/connections.htm) with `totalCount`, in the shape of
 * graphql-relay-js: `edges { cursor node }`, `nodes` as a shortcut, `pageInfo`.
 */
import { type ClassType, Directive, Field, ObjectType } from "type-graphql";

import { NonNegativeInt } from "./scalars";

@Directive("@shareable")
@ObjectType("PageInfo", { description: "Where a page sits in its list, and the cursors to move from it." })
export class PageInfo {
  @Field(_type => Boolean, { description: "Whether items follow this page (when paginating forward)." })
  hasNextPage!: boolean;

  @Field(_type => Boolean, { description: "Whether items precede this page (when paginating backward)." })
  hasPreviousPage!: boolean;

  @Field(_type => String, { nullable: true, description: "The cursor of the first edge; null on an empty page." })
  startCursor!: string | null;

  @Field(_type => String, { nullable: true, description: "The cursor of the last edge; null on an empty page." })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  /** The page's items, when the page has them at hand (the repository's pages do). */
  nodes?: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Makes `<Name>Connection` and `<Name>Edge` for a node type (an object type, interface or union).
 * The class returned is a base to extend: `@ObjectType() class CountryConnection extends Connection(...)`.
 */
export function Connection<T extends object>(name: string, nodeType: ClassType<T> | object, plural: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a list of ${plural}: one item and its cursor.` })
  class Edge {
    @Field(_type => String, { description: "An opaque cursor to pass as `after` or `before`." })
    cursor!: string;

    @Field(_type => nodeType, { description: "The item at the end of the edge." })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(_type => [Edge], { description: "The edges of this page, in order." })
    edges!: Edge[];

    @Field(_type => [nodeType], { description: "The items of this page, in order (the edges' nodes)." })
    nodes(): T[] {
      const page = this as unknown as ConnectionShape<T>;
      return page.nodes ?? page.edges.map(edge => edge.node);
    }

    @Field(_type => PageInfo, { description: "How to fetch the pages before and after this one." })
    pageInfo!: PageInfo;

    @Field(_type => NonNegativeInt, {
      description: `The number of ${plural} in the whole list (all pages), after filters.`,
    })
    totalCount!: number;
  }
  return ConnectionBase;
}
