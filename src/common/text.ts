/** Text that came from a client, cut for a message, a log field or a metric label. */

/** `text` when at most `max` characters, else its first `max - 1` and "…". */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
