import { CURSOR, EMPTY_PAGE_INFO, S_EXPANDED, onePage, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const OFFICIAL_DELEGATIONS = talks("the participation of official delegations", 975, 1016, S_EXPANDED);

const DELEGATION = /* GraphQL */ `
  query Delegation($id: ID!) {
    delegation(id: $id) {
      __typename
      id
      name
      country {
        code
      }
      meeting {
        id
      }
      citations {
        quote
        start
        end
        sentence
        source {
          id
        }
      }
      positions {
        totalCount
        nodes {
          stance
          area {
            name
          }
        }
      }
    }
  }
`;

describe("delegation(id:)", () => {
  it("returns the Kazakh delegation at the expanded talks", async () => {
    const result = await h.run(DELEGATION, { id: "delegation:kz-2025-08-27-astana" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          delegation: {
            __typename: "Delegation",
            id: "delegation:kz-2025-08-27-astana",
            name: "Official delegation of Kazakhstan",
            country: { code: "KZ" },
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [OFFICIAL_DELEGATIONS],
            positions: {
              totalCount: 3,
              nodes: [
                { stance: "CONFIRMED_INTENTION", area: { name: "Bilateral trade" } },
                { stance: "EXPRESSED_INTEREST", area: { name: "Academic cooperation" } },
                { stance: "EXPRESSED_INTEREST", area: { name: "Culture" } },
              ],
            },
          },
        },
      },
    });
  });

  it("returns the Jordanian delegation at the expanded talks", async () => {
    const result = await h.run(DELEGATION, { id: "delegation:jo-2025-08-27-astana" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          delegation: {
            __typename: "Delegation",
            id: "delegation:jo-2025-08-27-astana",
            name: "Official delegation of Jordan",
            country: { code: "JO" },
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [OFFICIAL_DELEGATIONS],
            positions: {
              totalCount: 3,
              nodes: [
                { stance: "CONFIRMED_INTENTION", area: { name: "Bilateral trade" } },
                { stance: "EXPRESSED_INTEREST", area: { name: "Academic cooperation" } },
                { stance: "EXPRESSED_INTEREST", area: { name: "Culture" } },
              ],
            },
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(DELEGATION, { id: "delegation:fr-2025-08-27-astana" });
    expect(result).toEqual({ status: 200, body: { data: { delegation: null } } });
  });
});

const DELEGATIONS = /* GraphQL */ `
  query Delegations($filter: DelegationFilter, $orderBy: NameOrder) {
    delegations(filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
        }
      }
    }
  }
`;

const JO = { id: "delegation:jo-2025-08-27-astana" };
const KZ = { id: "delegation:kz-2025-08-27-astana" };
const BOTH = {
  status: 200,
  body: {
    data: {
      delegations: {
        totalCount: 2,
        pageInfo: onePage(2),
        edges: [
          { cursor: CURSOR[0], node: JO },
          { cursor: CURSOR[1], node: KZ },
        ],
      },
    },
  },
};
const NONE = {
  status: 200,
  body: { data: { delegations: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("delegations", () => {
  it("lists both delegations by name", async () => {
    expect(await h.run(DELEGATIONS)).toEqual(BOTH);
  });

  it("orders by name descending", async () => {
    const result = await h.run(DELEGATIONS, { orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          delegations: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: KZ },
              { cursor: CURSOR[1], node: JO },
            ],
          },
        },
      },
    });
  });

  it("filters by country", async () => {
    expect(await h.run(DELEGATIONS, { filter: { country: "KZ" } })).toEqual({
      status: 200,
      body: {
        data: { delegations: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: KZ }] } },
      },
    });
  });

  it("filters by meeting: only the Astana talks had delegations", async () => {
    expect(await h.run(DELEGATIONS, { filter: { meeting: "meeting:2025-08-27-astana" } })).toEqual(BOTH);
    expect(await h.run(DELEGATIONS, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(NONE);
  });

  it("filters by a pair of countries", async () => {
    expect(await h.run(DELEGATIONS, { filter: { between: ["KZ", "JO"] } })).toEqual(BOTH);
    expect(await h.run(DELEGATIONS, { filter: { between: ["KZ", "FR"] } })).toEqual(NONE);
  });
});

describe("Delegation relations", () => {
  it("filters a delegation's positions by stance", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query DelegationPositions($id: ID!, $filter: PositionFilter) {
          delegation(id: $id) {
            positions(filter: $filter) {
              totalCount
              nodes {
                id
                summary
                actor {
                  __typename
                  ... on Delegation {
                    name
                  }
                }
              }
            }
          }
        }
      `,
      { id: "delegation:jo-2025-08-27-astana", filter: { stance: "CONFIRMED_INTENTION" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          delegation: {
            positions: {
              totalCount: 1,
              nodes: [
                {
                  id: "position:jo-delegation-confirmed-intention-trade",
                  summary:
                    "The officials (the Jordanian delegation among them) confirmed the intention to increase bilateral trade turnover to $500 million.",
                  actor: { __typename: "Delegation", name: "Official delegation of Jordan" },
                },
              ],
            },
          },
        },
      },
    });
  });
});
