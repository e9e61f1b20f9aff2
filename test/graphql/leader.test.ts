import { CURSOR, EMPTY_PAGE_INFO, S_AWARD, S_GRATITUDE, S_OPENING, onePage, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const LEADER = /* GraphQL */ `
  query Leader($id: ID!) {
    leader(id: $id) {
      __typename
      id
      name
      aliases
      title
      office
      country {
        code
        name
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
    }
  }
`;

describe("leader(id:)", () => {
  it("returns President Tokayev", async () => {
    const result = await h.run(LEADER, { id: "leader:kassym-jomart-tokayev" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: {
            __typename: "Leader",
            id: "leader:kassym-jomart-tokayev",
            name: "Kassym-Jomart Tokayev",
            aliases: ["Tokayev", "President Tokayev"],
            title: "President",
            office: "President of Kazakhstan",
            country: { code: "KZ", name: "Kazakhstan" },
            citations: [
              talks("President of Kazakhstan Kassym-Jomart Tokayev", 26, 71, S_OPENING),
              talks("President Tokayev", 273, 290, S_GRATITUDE),
            ],
          },
        },
      },
    });
  });

  it("returns King Abdullah II", async () => {
    const result = await h.run(LEADER, { id: "leader:abdullah-ii" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: {
            __typename: "Leader",
            id: "leader:abdullah-ii",
            name: "Abdullah II ibn Al Hussein",
            aliases: ["King Abdullah II", "Abdullah II"],
            title: "King",
            office: "King of Jordan",
            country: { code: "JO", name: "Jordan" },
            citations: [
              talks("King Abdullah II ibn Al Hussein of Jordan", 76, 117, S_OPENING),
              talks("King Abdullah II of Jordan", 2037, 2063, S_AWARD),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(LEADER, { id: "leader:nobody" });
    expect(result).toEqual({ status: 200, body: { data: { leader: null } } });
  });

  it("returns null for the id of another type", async () => {
    const result = await h.run(LEADER, { id: "country:KZ" });
    expect(result).toEqual({ status: 200, body: { data: { leader: null } } });
  });
});

const LEADERS = /* GraphQL */ `
  query Leaders($filter: LeaderFilter, $orderBy: NameOrder) {
    leaders(filter: $filter, orderBy: $orderBy) {
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
          name
        }
      }
    }
  }
`;

const ABDULLAH = { id: "leader:abdullah-ii", name: "Abdullah II ibn Al Hussein" };
const TOKAYEV = { id: "leader:kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev" };

describe("leaders", () => {
  it("lists both leaders by name", async () => {
    const result = await h.run(LEADERS);
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leaders: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: ABDULLAH },
              { cursor: CURSOR[1], node: TOKAYEV },
            ],
          },
        },
      },
    });
  });

  it("orders by name descending", async () => {
    const result = await h.run(LEADERS, { orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leaders: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: TOKAYEV },
              { cursor: CURSOR[1], node: ABDULLAH },
            ],
          },
        },
      },
    });
  });

  it("filters by country", async () => {
    const result = await h.run(LEADERS, { filter: { country: "JO" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: { leaders: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: ABDULLAH }] } },
      },
    });
  });

  it("filters by name, ignoring case", async () => {
    const result = await h.run(LEADERS, { filter: { nameContains: "TOKAYEV" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: { leaders: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: TOKAYEV }] } },
      },
    });
  });

  it("filters by the pair of countries whose meetings they took part in, in either order", async () => {
    const result = await h.run(LEADERS, { filter: { between: ["JO", "KZ"] } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leaders: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: ABDULLAH },
              { cursor: CURSOR[1], node: TOKAYEV },
            ],
          },
        },
      },
    });
  });

  it("combines filters that exclude each other into an empty page", async () => {
    const result = await h.run(LEADERS, { filter: { country: "KZ", nameContains: "Abdullah" } });
    expect(result).toEqual({
      status: 200,
      body: { data: { leaders: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });
});

const LEADER_RELATIONS = /* GraphQL */ `
  query LeaderRelations($id: ID!) {
    leader(id: $id) {
      meetings {
        totalCount
        nodes {
          id
        }
      }
      awardsConferred {
        totalCount
        nodes {
          id
        }
      }
      awardsReceived {
        totalCount
        nodes {
          id
        }
      }
      positions {
        totalCount
        nodes {
          id
        }
      }
      cooperationAreas {
        totalCount
        nodes {
          name
        }
      }
      statements {
        totalCount
        nodes {
          id
        }
      }
      sharedValuesNoted {
        totalCount
        nodes {
          name
        }
      }
    }
  }
`;

describe("Leader relations", () => {
  it("follows every relation of President Tokayev", async () => {
    const result = await h.run(LEADER_RELATIONS, { id: "leader:kassym-jomart-tokayev" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: {
            meetings: {
              totalCount: 2,
              nodes: [{ id: "meeting:2025-08-27-astana" }, { id: "meeting:amman-earlier-talks" }],
            },
            awardsConferred: { totalCount: 0, nodes: [] },
            awardsReceived: { totalCount: 1, nodes: [{ id: "conferral:order-of-al-nahda-tokayev-2025-08-27" }] },
            positions: {
              totalCount: 8,
              nodes: [
                { id: "position:tokayev-emphasized-economic-ties" },
                { id: "position:tokayev-emphasized-humanitarian-ties" },
                { id: "position:tokayev-emphasized-political-ties" },
                { id: "position:tokayev-invited-to-explore-transport-logistics" },
                { id: "position:tokayev-noted-potential-agriculture" },
                { id: "position:tokayev-noted-potential-digitalization" },
                { id: "position:tokayev-noted-potential-tourism" },
                { id: "position:tokayev-supported-nuclear" },
              ],
            },
            cooperationAreas: {
              totalCount: 8,
              nodes: [
                { name: "Agriculture" },
                { name: "Digitalization" },
                { name: "Economic ties" },
                { name: "Humanitarian ties" },
                { name: "Nuclear energy" },
                { name: "Political ties" },
                { name: "Tourism" },
                { name: "Transport and logistics" },
              ],
            },
            statements: {
              totalCount: 6,
              nodes: [
                { id: "statement:leaders-reaffirm-deepening-relations" },
                { id: "statement:tokayev-effective-development-of-relations" },
                { id: "statement:tokayev-gratitude-for-award" },
                { id: "statement:tokayev-gratitude-for-visit" },
                { id: "statement:tokayev-invites-jordan-transport-connectivity" },
                { id: "statement:tokayev-political-economic-humanitarian-ties" },
              ],
            },
            sharedValuesNoted: { totalCount: 2, nodes: [{ name: "Mutual respect" }, { name: "Tolerance" }] },
          },
        },
      },
    });
  });

  it("follows every relation of King Abdullah II", async () => {
    const result = await h.run(LEADER_RELATIONS, { id: "leader:abdullah-ii" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: {
            meetings: {
              totalCount: 2,
              nodes: [{ id: "meeting:2025-08-27-astana" }, { id: "meeting:amman-earlier-talks" }],
            },
            awardsConferred: { totalCount: 1, nodes: [{ id: "conferral:order-of-al-nahda-tokayev-2025-08-27" }] },
            awardsReceived: { totalCount: 0, nodes: [] },
            positions: {
              totalCount: 3,
              nodes: [
                { id: "position:abdullah-ii-noted-potential-agriculture" },
                { id: "position:abdullah-ii-noted-potential-digitalization" },
                { id: "position:abdullah-ii-noted-potential-tourism" },
              ],
            },
            cooperationAreas: {
              totalCount: 3,
              nodes: [{ name: "Agriculture" }, { name: "Digitalization" }, { name: "Tourism" }],
            },
            statements: {
              totalCount: 4,
              nodes: [
                { id: "statement:abdullah-ii-bonds-of-friendship" },
                { id: "statement:abdullah-ii-readiness-to-strengthen-cooperation" },
                { id: "statement:abdullah-ii-visit-continues-amman-talks" },
                { id: "statement:leaders-reaffirm-deepening-relations" },
              ],
            },
            sharedValuesNoted: { totalCount: 0, nodes: [] },
          },
        },
      },
    });
  });

  it("filters a leader's statements by kind", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query LeaderStatements($id: ID!, $filter: StatementFilter) {
          leader(id: $id) {
            statements(filter: $filter) {
              totalCount
              nodes {
                kind
                summary
              }
            }
          }
        }
      `,
      { id: "leader:kassym-jomart-tokayev", filter: { kind: "GRATITUDE" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: {
            statements: {
              totalCount: 2,
              nodes: [
                {
                  kind: "GRATITUDE",
                  summary:
                    "President Tokayev expressed deep gratitude for the Order of Al-Nahda, calling it a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.",
                },
                {
                  kind: "GRATITUDE",
                  summary:
                    "President Tokayev thanked King Abdullah II for accepting the invitation to visit Kazakhstan.",
                },
              ],
            },
          },
        },
      },
    });
  });

  it("filters a leader's positions by stance", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query LeaderPositions($id: ID!, $filter: PositionFilter) {
          leader(id: $id) {
            positions(filter: $filter) {
              totalCount
              nodes {
                id
                stance
                summary
                area {
                  name
                }
              }
            }
          }
        }
      `,
      { id: "leader:kassym-jomart-tokayev", filter: { stance: "SUPPORTED" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: {
            positions: {
              totalCount: 1,
              nodes: [
                {
                  id: "position:tokayev-supported-nuclear",
                  stance: "SUPPORTED",
                  summary:
                    "President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector.",
                  area: { name: "Nuclear energy" },
                },
              ],
            },
          },
        },
      },
    });
  });

  it("filters a leader's meetings by date: the undated Amman talks never match a range", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query LeaderMeetings($id: ID!, $filter: MeetingFilter) {
          leader(id: $id) {
            meetings(filter: $filter) {
              totalCount
              nodes {
                id
                date
              }
            }
          }
        }
      `,
      { id: "leader:abdullah-ii", filter: { date: { from: "2000-01-01" } } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          leader: { meetings: { totalCount: 1, nodes: [{ id: "meeting:2025-08-27-astana", date: "2025-08-27" }] } },
        },
      },
    });
  });
});
