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

/** The offset a cursor stands for, checked against the list it is used on. */
function offsetOf(cursor: string | null | undefined, argument: string, length: number): number | null {
  if (cursor === null || cursor === undefined) return null;
  const offset = cursorToOffset(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0 || offsetToCursor(offset) !== cursor) {
    throw new InvalidArgumentError(argument, `Argument "${argument}" is not a cursor issued by this service.`);
  }
  if (offset >= length) {
    throw new InvalidArgumentError(
      argument,
      `Argument "${argument}" points past the end of this list (${length} item${length === 1 ? "" : "s"}); it was issued for another list.`,
    );
  }
  return offset;
}

export function paginate<T>(items: readonly T[], args: PageArgs): Page<T> {
  return paginateWindow(items.length, args, (start, end) => items.slice(start, end));
}

/**
 * Pages a list known only by its length: `read(start, end)` is asked for exactly the items of the
 * page (offsets `start` to `end`, end exclusive), so a caller can rank or build just those. The
 * window is the one graphql-relay's array connections take; cursors are the same offset cursors.
 */
export function paginateWindow<T>(
  length: number,
  args: PageArgs,
  read: (start: number, end: number) => readonly T[],
): Page<T> {
  const after = offsetOf(args.after, "after", length) ?? -1;
  const before = offsetOf(args.before, "before", length) ?? length;
  const first = args.first ?? (args.last === null || args.last === undefined ? DEFAULT_PAGE_SIZE : null);
  const last = args.last ?? null;
  if ((first !== null && first < 0) || (last !== null && last < 0)) {
    throw new Error(`Argument "${first !== null && first < 0 ? "first" : "last"}" must be a non-negative integer`);
  }
  let start = after + 1;
  let end = before;
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  const slice = start < end ? read(start, end) : [];
  const { edges } = connectionFromArraySlice(
    slice as T[],
    { first, after: args.after, last: args.last, before: args.before },
    { sliceStart: Math.max(start, 0), arrayLength: length },
  );
  // graphql-relay only reports items beyond the page in the direction of travel; the whole list is
  // known here, so both flags are exact whichever way the client pages.
  const startCursor = edges[0]?.cursor ?? null;
  const endCursor = edges[edges.length - 1]?.cursor ?? null;
  const startOffset = startCursor === null ? null : cursorToOffset(startCursor);
  const endOffset = endCursor === null ? null : cursorToOffset(endCursor);
  return {
    edges,
    pageInfo: {
      startCursor,
      endCursor,
      hasPreviousPage: startOffset === null ? after >= 0 : startOffset > 0,
      hasNextPage: endOffset === null ? before < length : endOffset < length - 1,
    },
    totalCount: length,
  };
}
