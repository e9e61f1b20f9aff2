/**
 * Helpers for the hardening tests: raw HTTP calls that keep status, headers and the body text, and
 * the check that a response leaks nothing of the service's internals.
 */

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
}

export async function send(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const JSON_HEADERS = { "content-type": "application/json" } as const;

/** POSTs a JSON body (an object is serialised; a string is sent as it is). */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(url, {
    method: "POST",
    headers: { ...JSON_HEADERS, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export interface ErrorShape {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown; readonly [key: string]: unknown };
}

/** The `errors` of a GraphQL response body, or an empty list. */
export function errorsOf(json: unknown): ErrorShape[] {
  if (typeof json !== "object" || json === null || !("errors" in json)) return [];
  const errors: unknown = json.errors;
  return Array.isArray(errors) ? (errors as ErrorShape[]) : [];
}

/** The `extensions.code` of every error, in order (undefined where an error has none). */
export const codesOf = (json: unknown): unknown[] => errorsOf(json).map(error => error.extensions?.code);

/**
 * Patterns that betray internals: stack traces and their frames, source and dependency paths,
 * absolute file-system paths, Apollo's `exception` / `stacktrace` extensions. The first group of
 * each is the tell-tale text itself.
 */
const INTERNALS: ReadonlyArray<readonly [string, RegExp]> = [
  ["a stack frame line", /(?:^|\\n|\n)\s*(at [^\s"\\]+)/g],
  ["a stack frame", /\b(at [\w$.<>[\] ]+ \((?:[^()]*:\d+:\d+|native|<anonymous>)\))/g],
  ["a file position", /(\.(?:[cm]?[jt]s|tsx?):\d+)/g],
  ["a .ts: reference", /(\.ts:)/g],
  ["node_modules", /(node_modules)/g],
  ["a stack property", /("stack(?:trace)?"\s*:)/gi],
  ["an exception", /(exception)/gi],
  ["an absolute path", /(?:^|[\s"'(=:])(\/(?:home|work|usr|var|tmp|opt|app|root|srv|src|dist|proc|etc|run)\/[\w.-]+)/g],
  ["a Windows path", /([A-Za-z]:\\\\[\w.-]+)/g],
  ["the failing repository's message", /(postgresql|PGSQL)/g],
];

/**
 * A response body without its `data`: what the service says about the request (errors, extensions),
 * not the graph's own text, which may quote anything ("… at this meeting (its id)").
 */
export function withoutData(json: unknown, text: string): string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return text;
  return JSON.stringify({ ...json, data: undefined });
}

/**
 * The first internal a response body betrays, as a readable label, or null when it is clean. Text
 * the client sent itself (`echoed`, e.g. the request body) and the error messages quote back is not
 * counted: a fuzzer that sends "node_modules" as a search text may see it in a message.
 */
export function internalsIn(text: string, echoed = ""): string | null {
  for (const [label, pattern] of INTERNALS) {
    for (const match of text.matchAll(pattern)) {
      const telltale = match[1] ?? match[0];
      if (echoed !== "" && echoed.toLowerCase().includes(telltale.toLowerCase())) continue;
      const at = match.index;
      return `${label}: …${text.slice(Math.max(0, at - 40), at + 80)}…`;
    }
  }
  return null;
}
