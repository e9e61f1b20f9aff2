/**
 * The reference for paging a whole, ordered list: graphql-relay's slice of the array
 * (connectionFromArraySlice), with both page flags exact (an empty page's where it sits), as the
 * repository pages. Plain edges, as a client reads them; and what a client reads of any page.
 */
import { connectionFromArraySlice, cursorToOffset } from "graphql-relay";

import { DEFAULT_PAGE_SIZE } from "../../src/repository/pagination";
import type { Page, PageArgs } from "../../src/repository/repository";

export function referencePaginate<T>(items: readonly T[], args: PageArgs): Page<T> {
  const after = args.after ? cursorToOffset(args.after) : -1;
  const before = args.before ? cursorToOffset(args.before) : items.length;
  const first = args.first ?? (args.last === null || args.last === undefined ? DEFAULT_PAGE_SIZE : null);
  const { edges } = connectionFromArraySlice(
    items as T[],
    { first, after: args.after, last: args.last, before: args.before },
    { sliceStart: 0, arrayLength: items.length },
  );
  const startCursor = edges[0]?.cursor ?? null;
  const endCursor = edges[edges.length - 1]?.cursor ?? null;
  const start = startCursor === null ? null : cursorToOffset(startCursor);
  const end = endCursor === null ? null : cursorToOffset(endCursor);
  const windowEnd = Math.min(before, items.length, first === null ? Infinity : after + 1 + first);
  const emptyAt = Math.max(
    after + 1,
    args.last === null || args.last === undefined ? after + 1 : windowEnd - args.last,
  );
  return {
    edges: edges.map(({ cursor, node }) => ({ cursor, node })),
    pageInfo: {
      startCursor,
      endCursor,
      hasPreviousPage: start === null ? emptyAt > 0 : start > 0,
      hasNextPage: end === null ? emptyAt < items.length : end < items.length - 1,
    },
    totalCount: items.length,
  };
}

/** What a client can read of a page (pages build edges and cursors lazily, so compare what they give). */
export function readPage<T>(page: Page<T>) {
  return {
    edges: page.edges.map(({ cursor, node }) => ({ cursor, node })),
    pageInfo: {
      startCursor: page.pageInfo.startCursor,
      endCursor: page.pageInfo.endCursor,
      hasPreviousPage: page.pageInfo.hasPreviousPage,
      hasNextPage: page.pageInfo.hasNextPage,
    },
    totalCount: page.totalCount,
  };
}
