/**
 * The GraphQL IDE: GraphiQL as rendered by @graphql-yoga/render-graphiql, with every script, style
 * and web worker inlined, so the page works with no internet access (Apollo's default landing pages
 * and graphql-playground load from CDNs). It plugs into Apollo's `renderLandingPage` hook and opens
 * on example operations that show the graph off. Its requests are JSON POSTs, which pass Apollo's
 * CSRF prevention.
 */
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
];

export interface IdePage {
  readonly html: string;
  readonly gzipped: Buffer;
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
  return { html, gzipped: gzipSync(html) };
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
