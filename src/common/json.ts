/** JSON parsing with errors that say where the text went wrong, in lines and columns. */

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(line === null ? reason : `${reason} (line ${line}, column ${column})`);
    this.name = "JsonSyntaxError";
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports "... in JSON at position N" (and, in newer versions, "(line L column C)").
    const reason = message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*" is not valid JSON$/s, "");
    const position = /position (\d+)/.exec(message);
    if (!position?.[1]) return fail(reason, null, null);
    const before = text.slice(0, Number(position[1]));
    return fail(reason, before.split("\n").length, before.length - before.lastIndexOf("\n"));
  }
}

function fail(reason: string, line: number | null, column: number | null): never {
  throw new JsonSyntaxError(reason, line, column);
}
