/**
 * Relay cursor pagination over an ordered array, with graphql-relay's array connections' opaque
 * offset cursors and arithmetic; a page is a slice of the list, its edges and cursors made only when
 * a query reads them. Cursors are checked, not trusted: a cursor this service did not issue
 * is an `InvalidArgumentError` naming the argument, never a silently ignored value.
 */
import { mapMaybePromise } from "../common/maybe-promise";
import { cursorToOffset } from "graphql-relay";

import { InvalidArgumentError } from "./errors";
import type { Edge, MaybePromise, Page, PageArgs, PageInfo } from "./repository";

/** Page size used when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** The offset a cursor stands for, checked against the list it is used on. */
function offsetOf(cursor: string | null | undefined, argument: string, length: number): number | null {
  if (cursor === null || cursor === undefined) return null;
  const offset = cursorToOffset(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0 || cursorOf(offset) !== cursor) {
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

/**
 * graphql-relay's opaque offset cursor ("arrayconnection:<offset>", base64). The text is ASCII, so
 * `btoa` encodes it as Buffer's base64 does, at about a third of the cost (no buffer per cursor).
 */
export function cursorOf(offset: number): string {
  return btoa(`arrayconnection:${offset}`);
}

/** An edge whose cursor is encoded only when read (when a query selects it). */
class SliceEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
  ) {}

  get cursor(): string {
    return cursorOf(this.offset);
  }
}

/** A page's cursors, encoded only when read. */
class SlicePageInfo implements PageInfo {
  constructor(
    private readonly start: number,
    private readonly end: number,
    readonly hasPreviousPage: boolean,
    readonly hasNextPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.end > this.start ? cursorOf(this.start) : null;
  }

  get endCursor(): string | null {
    return this.end > this.start ? cursorOf(this.end - 1) : null;
  }
}

/**
 * One page: the items from offset `start` (inclusive) of a list of `totalCount`. `nodes` is the
 * page; edges and cursors are made only when read, so a query that selects `nodes` allocates no
 * edge and encodes no cursor. (`nodes` is an own property: type-graphql copies a connection with
 * Object.assign before calling its `nodes()` method, and a copy keeps own properties only.)
 */
class SlicePage<T> implements Page<T> {
  readonly pageInfo: PageInfo;
  private edgeList: ReadonlyArray<Edge<T>> | null = null;

  constructor(
    private readonly start: number,
    readonly nodes: readonly T[],
    readonly totalCount: number,
    hasPreviousPage: boolean,
    hasNextPage: boolean,
  ) {
    this.pageInfo = new SlicePageInfo(start, start + nodes.length, hasPreviousPage, hasNextPage);
  }

  /** The same page (offsets, count, flags) of other items, one for each of this page's. */
  withNodes<U>(nodes: readonly U[]): SlicePage<U> {
    const { hasPreviousPage, hasNextPage } = this.pageInfo;
    return new SlicePage(this.start, nodes, this.totalCount, hasPreviousPage, hasNextPage);
  }

  get edges(): ReadonlyArray<Edge<T>> {
    this.edgeList ??= this.nodes.map((node, i) => new SliceEdge(node, this.start + i));
    return this.edgeList;
  }
}

/** The page `args` ask for of an ordered list (see `paginateWindow`). */
export function paginate<T>(items: readonly T[], args: PageArgs): Page<T> {
  return paginateWindow(items.length, args, (start, end) => items.slice(start, end));
}

/**
 * The page `args` ask for of the records a list of ids points at, in the list's order: only the
 * page's ids are handed to `fetch`, which returns their records in the same order.
 */
export function paginateIds<T>(
  ids: readonly string[],
  args: PageArgs,
  fetch: (ids: readonly string[]) => MaybePromise<readonly T[]>,
): MaybePromise<Page<T>> {
  const page = paginateWindow(ids.length, args, (start, end) => ids.slice(start, end)) as SlicePage<string>;
  return page.nodes.length === 0
    ? page.withNodes<T>([])
    : mapMaybePromise(fetch(page.nodes), nodes => page.withNodes(nodes));
}

/**
 * Pages a list known only by its length, with graphql-relay's arithmetic (connectionFromArraySlice
 * over the whole list): after/before bound the window, then `first` keeps its head or `last` its
 * tail. `read(start, end)` is asked for exactly the items of the page (end exclusive), so a caller
 * can rank or build just those; cursors are graphql-relay's offset cursors.
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
  if (typeof first === "number" && first < 0) throw new Error('Argument "first" must be a non-negative integer');
  if (typeof last === "number" && last < 0) throw new Error('Argument "last" must be a non-negative integer');
  let start = after + 1;
  let end = Math.min(before, length);
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  end = Math.max(start, end);
  // graphql-relay only reports items beyond the page in the direction of travel; the whole list is
  // known here, so both flags are exact whichever way the client pages (an empty page included).
  return new SlicePage(start, end === start ? [] : read(start, end), length, start > 0, end < length);
}
