/**
 * Relay cursor pagination over an ordered array, on top of graphql-relay's array connections
 * (opaque offset cursors). Cursors are checked, not trusted: a cursor this service did not issue
 * is an `InvalidArgumentError` naming the argument, never a silently ignored value.
 */
import { connectionFromArraySlice, cursorToOffset, offsetToCursor } from "graphql-relay";

import type { Page, PageArgs } from "./repository";

/** Page size used when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** A request the repository refuses because of one argument; the GraphQL layer maps it to BAD_USER_INPUT. */
export class InvalidArgumentError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = "InvalidArgumentError";
  }
}

function checkCursor(cursor: string | null | undefined, argument: string): void {
  if (cursor === null || cursor === undefined) return;
  const offset = cursorToOffset(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0 || offsetToCursor(offset) !== cursor) {
    throw new InvalidArgumentError(argument, `Argument "${argument}" is not a cursor issued by this service.`);
  }
}

export function paginate<T>(items: readonly T[], args: PageArgs): Page<T> {
  checkCursor(args.after, "after");
  checkCursor(args.before, "before");
  const first = args.first ?? (args.last === null || args.last === undefined ? DEFAULT_PAGE_SIZE : null);
  const connection = connectionFromArraySlice(
    items as T[],
    { first, after: args.after, last: args.last, before: args.before },
    { sliceStart: 0, arrayLength: items.length },
  );
  return {
    edges: connection.edges,
    pageInfo: connection.pageInfo,
    totalCount: items.length,
  };
}
