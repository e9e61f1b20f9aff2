/**
 * The GraphQL IDE: GraphiQL as rendered by @graphql-yoga/render-graphiql, with every script, style
 * and web worker inlined, so the page works with no internet access (Apollo's default landing pages
 * and graphql-playground load from CDNs). It plugs into Apollo's `renderLandingPage` hook and opens
 * on example operations that show the graph off. Its requests are JSON POSTs, which pass Apollo's
 * CSRF prevention.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

import type { ApolloServerPlugin } from "@apollo/server";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

/** The tabs the IDE opens with: each a runnable, named operation over the real data. */
export const EXAMPLE_OPERATIONS: ReadonlyArray<{ readonly query: string; readonly variables?: string }> = [
  {
    query: `# What is the state of relations between Kazakhstan and Jordan? Press ▶ to run.
query BilateralSummary {
  bilateralRelations(countries: ["KZ", "JO"]) {
    latestMeeting {
      title
      date
      city { name }
      formats { format description }
    }
    commitments {
      nodes {
        title
        value { formatted }
        quantity { value unit }
        citations { quote }
      }
    }
    positions(filter: { stance: PROPOSED }) {
      nodes {
        actor { __typename ... on Country { name } }
        area { name }
      }
    }
    flightRoutes {
      nodes { operator { name } origin { name } destination { name } plannedYear }
    }
  }
}
`,
  },
  {
    query: `# From a country to an award and back to a country, every step cited.
query CountryToAwardAndBack($code: CountryCode!) {
  country(code: $code) {
    name
    leaders {
      nodes {
        name
        awardsConferred {
          nodes {
            award { name description }
            date
            reason
            recipient { name country { name capital { name } } }
            citations { quote sentence }
          }
        }
      }
    }
  }
}
`,
    variables: JSON.stringify({ code: "JO" }, null, 2),
  },
  {
    query: `# Search names, aliases and descriptions across every type, ranked.
query Search($text: String!) {
  search(text: $text, first: 5) {
    totalCount
    edges {
      score
      matchedField
      node {
        __typename
        ... on Company { name sector country { name } }
        ... on CooperationArea { name category }
        ... on Node { id }
      }
    }
  }
}
`,
    variables: JSON.stringify({ text: "JUMCO" }, null, 2),
  },
  {
    query: `# Says who? What backs each value: stated by the report, inferred (and how), or reference data.
query Evidence($id: ID!) {
  node(id: $id) {
    __typename
    ... on Meeting { title date invitedBy { name } }
    evidence {
      field
      method
      basis
      citations { quote sentence source { title kind } }
    }
  }
}
`,
    variables: JSON.stringify({ id: "meeting:2025-08-27-astana" }, null, 2),
  },
];

export interface IdePage {
  readonly html: string;
  readonly gzipped: Buffer;
  /** A strong ETag: a hash of the page, which changes only when the service does. */
  readonly etag: string;
}

/** Renders the IDE page once; it is several megabytes, so a gzipped copy is kept beside it. */
export function renderIde(endpoint: string): IdePage {
  const html = renderGraphiQL({
    title: "bilateral-graph — GraphiQL",
    endpoint,
    defaultQuery: EXAMPLE_OPERATIONS[0]?.query,
    defaultTabs: EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables: variables ?? null })),
    shouldPersistHeaders: false,
  });
  return { html, gzipped: gzipSync(html), etag: `"${createHash("sha256").update(html).digest("base64url")}"` };
}

/** `Vary` with `name` added to what the response already varies on (e.g. `origin`, for CORS). */
function varyWith(res: ServerResponse, name: string): string {
  const current = res.getHeader("vary");
  return current === undefined ? name : `${String(current)}, ${name}`;
}

/**
 * Sends the IDE page Apollo rendered, with `headers` (its content type): `Cache-Control: no-cache`
 * and an ETag, so browsers keep the megabytes and only ask whether they changed — 304 without a
 * body when `If-None-Match` names the current page — and gzipped when the browser accepts it.
 */
export function sendIdePage(
  req: IncomingMessage,
  res: ServerResponse,
  page: IdePage,
  status: number,
  headers: Record<string, string>,
): void {
  const caching = { etag: page.etag, "cache-control": "no-cache", vary: varyWith(res, "accept-encoding") };
  const known = (req.headers["if-none-match"] ?? "").split(",").map(tag => tag.trim().replace(/^W\//, ""));
  if (known.includes(page.etag) || known.includes("*")) {
    res.writeHead(304, caching);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? page.gzipped : page.html;
  res.writeHead(status, {
    ...headers,
    ...caching,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** Whether a GET asks for a page for people (HTML, no operation), as a browser opening the URL does. */
export function isBrowserPageRequest(req: IncomingMessage, url: URL): boolean {
  return /\btext\/html\b/.test(String(req.headers.accept ?? "")) && !url.searchParams.has("query");
}

const IDE_DISABLED = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bilateral-graph</title></head>
<body><p>The GraphQL IDE is disabled on this server. Send GraphQL requests here as POST with a JSON body.</p></body></html>
`;

/** Tells a browser at the GraphQL URL that the IDE is off, rather than showing it a GraphQL error. */
export function sendIdeDisabled(res: ServerResponse): void {
  res.writeHead(404, {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(Buffer.byteLength(IDE_DISABLED)),
  });
  res.end(IDE_DISABLED);
}

/** Serves the IDE as Apollo's landing page (GET with `Accept: text/html` on the GraphQL path). */
export function idePlugin<T extends object>(page: IdePage): ApolloServerPlugin<T> {
  return {
    serverWillStart() {
      return Promise.resolve({
        renderLandingPage: () => Promise.resolve({ html: page.html }),
      });
    },
  };
}
