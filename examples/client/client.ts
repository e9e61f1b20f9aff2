/**
 * A tiny typed GraphQL client: one function, plain `fetch`, no cache. The result and variable
 * types come from the `TypedDocumentNode` that codegen generated for the operation, so
 * `execute(url, CountryWithLeadersAndAwardsDocument, { code: "JO" })` is checked end to end.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLResponseError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** Thrown by `execute` when the response has `errors`, is not 2xx, or carries no data. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** The HTTP status of the response. */
    readonly status: number,
    /** The response's GraphQL errors (empty when it had none, e.g. a proxy's 502). */
    readonly errors: readonly GraphQLResponseError[],
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }
}

interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: GraphQLResponseError[];
}

function describe(error: GraphQLResponseError): string {
  const code = typeof error.extensions?.code === "string" ? ` [${error.extensions.code}]` : "";
  return `${error.message}${code}`;
}

/**
 * POSTs `document` with `variables` to `url` and returns the typed `data`. Throws a
 * `GraphQLRequestError` naming every GraphQL error (message and `extensions.code`) when the
 * response has errors, a non-2xx status, or no data — partial data is not returned.
 */
export async function execute<TResult, TVariables>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const text = await response.text();
  let body: GraphQLResponse<TResult> | undefined;
  try {
    body = JSON.parse(text) as GraphQLResponse<TResult>;
  } catch {
    body = undefined;
  }
  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    throw new GraphQLRequestError(
      `GraphQL request failed (HTTP ${response.status}): ${errors.map(describe).join("; ")}`,
      response.status,
      errors,
    );
  }
  if (!response.ok) {
    throw new GraphQLRequestError(
      `GraphQL request failed (HTTP ${response.status} ${response.statusText}): ${text.slice(0, 200)}`,
      response.status,
      [],
    );
  }
  if (body?.data === undefined || body.data === null) {
    throw new GraphQLRequestError(
      `GraphQL response without data (HTTP ${response.status}): ${text.slice(0, 200)}`,
      response.status,
      [],
    );
  }
  return body.data;
}
