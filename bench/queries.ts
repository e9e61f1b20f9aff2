/**
 * The operations the HTTP benchmark sends: named, with variables (never inlined), each the shape a
 * client would really send. `bench/raw.ts` answers the same operations by hand.
 */
import type { GraphRepository } from "../src/repository/repository";
import { createLoaders } from "../src/repository/loaders";
import type { NodeTypename } from "../src/domain/records";

export interface BenchQuery {
  /** Short key used in tables and on the command line. */
  readonly key: string;
  readonly title: string;
  readonly operationName: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export const FLAT_LIST = /* GraphQL */ `
  query FlatList($first: Int!) {
    cooperationAreas(first: $first) {
      totalCount
      nodes {
        id
        name
        category
        description
        aliases
      }
    }
  }
`;

export const NESTED_WALK = /* GraphQL */ `
  query NestedWalk($code: CountryCode!, $leaders: Int!, $awards: Int!, $areas: Int!, $companies: Int!) {
    country(code: $code) {
      code
      name
      citations {
        quote
        start
        end
      }
      leaders(first: $leaders) {
        nodes {
          id
          name
          citations {
            quote
            start
            end
          }
          awardsReceived(first: $awards) {
            nodes {
              date
              award {
                name
                citations {
                  quote
                  start
                  end
                }
              }
              recipient {
                name
                country {
                  name
                }
              }
              citations {
                quote
                start
                end
              }
            }
          }
        }
      }
      cooperationAreas(first: $areas) {
        nodes {
          id
          name
          citations {
            quote
            start
            end
          }
          companies(first: $companies) {
            nodes {
              name
              sector
              country {
                code
                name
              }
              citations {
                quote
                start
                end
              }
            }
          }
        }
      }
    }
  }
`;

export const BILATERAL = /* GraphQL */ `
  query Bilateral($countries: [CountryCode!]!, $areas: Int!, $positions: Int!) {
    bilateralRelations(countries: $countries) {
      countries {
        code
        name
      }
      meetings {
        totalCount
        nodes {
          id
          title
          date
          city {
            name
          }
        }
      }
      cooperationAreas(first: $areas) {
        totalCount
        nodes {
          id
          name
          category
          positions(first: $positions) {
            nodes {
              stance
              actor {
                __typename
                ... on Country {
                  name
                }
                ... on Leader {
                  name
                }
                ... on Company {
                  name
                }
                ... on Delegation {
                  name
                }
              }
            }
          }
        }
      }
      commitments {
        nodes {
          title
          kind
          status
          value {
            amount
            currency
            formatted
          }
          quantity {
            value
            unit
          }
        }
      }
      awardConferrals {
        nodes {
          date
          award {
            name
          }
          conferredBy {
            name
          }
          recipient {
            name
          }
        }
      }
      flightRoutes {
        nodes {
          origin {
            name
          }
          destination {
            name
          }
          operator {
            name
          }
          plannedYear
          status
        }
      }
    }
  }
`;

export const SEARCH = /* GraphQL */ `
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      totalCount
      edges {
        cursor
        score
        matchedField
        matchedText
        node {
          __typename
          ... on Node {
            id
          }
        }
      }
    }
  }
`;

export const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Country {
        code
        name
      }
      ... on Leader {
        id
        name
      }
      ... on Company {
        id
        name
        sector
      }
      ... on CooperationArea {
        id
        name
        category
      }
      ... on Position {
        id
        stance
      }
      ... on Statement {
        id
        kind
      }
      ... on City {
        id
        name
      }
    }
  }
`;

/** The typenames `ENTITIES` selects fields of (any other entity answers with only `__typename`). */
export const ENTITY_TYPES = ["Country", "Leader", "Company", "CooperationArea", "Position", "Statement", "City"];

/**
 * 100 representations, deterministic: every record of the selected types in id order (countries
 * alternately by `code` and by `id`), a few of other types, and unknown ids (answered with null),
 * repeated until there are 100.
 */
export async function entityRepresentations(repository: GraphRepository, count = 100): Promise<object[]> {
  const ids: Array<{ __typename: string; id: string }> = [];
  const loaders = createLoaders(repository);
  for (const type of [...ENTITY_TYPES, "Meeting", "Award"] as NodeTypename[]) {
    const page = await loaders.list(type, { page: { first: 100 } });
    for (const edge of page.edges) ids.push({ __typename: type, id: (edge.node as { id: string }).id });
  }
  const reps: object[] = [];
  let i = 0;
  while (reps.length < count) {
    const n = reps.length;
    if (n % 17 === 16) reps.push({ __typename: "Leader", id: `leader:unknown-${n}` });
    else if (n % 23 === 22) reps.push({ __typename: "Country", code: "ZZ" });
    else {
      const rep = ids[i++ % ids.length] as { __typename: string; id: string };
      if (rep.__typename === "Country" && i % 2 === 0) reps.push({ __typename: "Country", code: rep.id.slice(8) });
      else reps.push(rep);
    }
  }
  return reps;
}

export async function benchQueries(repository: GraphRepository): Promise<BenchQuery[]> {
  return [
    {
      key: "flat",
      title: "flat list (20 areas)",
      operationName: "FlatList",
      query: FLAT_LIST,
      variables: { first: 20 },
    },
    {
      key: "nested",
      title: "nested walk (KZ)",
      operationName: "NestedWalk",
      query: NESTED_WALK,
      variables: { code: "KZ", leaders: 10, awards: 10, areas: 20, companies: 10 },
    },
    {
      key: "bilateral",
      title: "bilateral summary (KZ/JO)",
      operationName: "Bilateral",
      query: BILATERAL,
      variables: { countries: ["KZ", "JO"], areas: 20, positions: 10 },
    },
    {
      key: "search",
      title: 'search "nuclear"',
      operationName: "Search",
      query: SEARCH,
      variables: { text: "nuclear", first: 20 },
    },
    {
      key: "entities",
      title: "_entities × 100",
      operationName: "Entities",
      query: ENTITIES,
      variables: { representations: await entityRepresentations(repository) },
    },
  ];
}

/** The exact request body sent for a query. */
export const requestBody = (q: BenchQuery): string =>
  JSON.stringify({ operationName: q.operationName, query: q.query, variables: q.variables });
