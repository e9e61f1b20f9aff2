/**
 * Cursors taken from earlier answers, so that a test pages on with what the service issued instead
 * of a cursor written out by hand. `path` names the connection's field from `data` down (for
 * example "country", "cooperationAreas"); the query must select the cursor read.
 */
import type { Result } from "./harness";

interface Connection {
  readonly pageInfo?: { readonly startCursor?: unknown; readonly endCursor?: unknown };
  readonly edges?: ReadonlyArray<{ readonly cursor?: unknown }>;
}

function connectionAt(result: Result, path: readonly string[]): Connection {
  let value: unknown = result.body.data;
  for (const field of path) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[field] : undefined;
  }
  if (value === null || typeof value !== "object") {
    throw new Error(`no connection at data.${path.join(".")} in ${JSON.stringify(result.body)}`);
  }
  return value;
}

function asCursor(value: unknown, where: string): string {
  if (typeof value !== "string") throw new Error(`expected a cursor at ${where}, found ${JSON.stringify(value)}`);
  return value;
}

/** The `pageInfo.endCursor` of the connection at `path`: where the next page starts after. */
export function endCursorOf(result: Result, ...path: string[]): string {
  return asCursor(connectionAt(result, path).pageInfo?.endCursor, `data.${path.join(".")}.pageInfo.endCursor`);
}

/** The `pageInfo.startCursor` of the connection at `path`: where the previous page ends before. */
export function startCursorOf(result: Result, ...path: string[]): string {
  return asCursor(connectionAt(result, path).pageInfo?.startCursor, `data.${path.join(".")}.pageInfo.startCursor`);
}

/** The cursor of the edge at `index` of the connection at `path`. */
export function edgeCursorOf(result: Result, index: number, ...path: string[]): string {
  return asCursor(connectionAt(result, path).edges?.[index]?.cursor, `data.${path.join(".")}.edges[${index}].cursor`);
}
