import { CURSOR, EMPTY_PAGE_INFO, S_FLIGHTS, S_NUCLEAR, onePage, reference, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const COMPANY = /* GraphQL */ `
  query Company($id: ID!) {
    company(id: $id) {
      __typename
      id
      name
      aliases
      sector
      description
      country {
        code
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

describe("company(id:)", () => {
  it("returns JUMCO, the Jordanian Uranium Mining Company", async () => {
    const result = await h.run(COMPANY, { id: "company:jumco" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            __typename: "Company",
            id: "company:jumco",
            name: "Jordanian Uranium Mining Company",
            aliases: ["JUMCO"],
            sector: "URANIUM_MINING",
            description:
              "Jordan's uranium mining company, named as Kazatomprom's counterpart in nuclear-sector cooperation.",
            country: { code: "JO" },
            citations: [talks("the Jordanian Uranium Mining Company (JUMCO)", 1305, 1349, S_NUCLEAR)],
          },
        },
      },
    });
  });

  it("returns Kazatomprom with its reference facts", async () => {
    const result = await h.run(COMPANY, { id: "company:kazatomprom" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            __typename: "Company",
            id: "company:kazatomprom",
            name: "Kazatomprom",
            aliases: [],
            sector: "URANIUM_MINING",
            description: "Kazakhstan's national atomic company and a uranium producer.",
            country: { code: "KZ" },
            citations: [
              talks("Kazatomprom", 1289, 1300, S_NUCLEAR),
              reference("Kazatomprom is the national atomic company of Kazakhstan.", 584, 641),
              reference("Kazatomprom is a producer of uranium.", 642, 679),
            ],
          },
        },
      },
    });
  });

  it("returns Royal Jordanian Airlines", async () => {
    const result = await h.run(COMPANY, { id: "company:royal-jordanian" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            __typename: "Company",
            id: "company:royal-jordanian",
            name: "Royal Jordanian Airlines",
            aliases: ["Royal Jordanian"],
            sector: "AVIATION",
            description: "The flag carrier of Jordan.",
            country: { code: "JO" },
            citations: [
              talks("Royal Jordanian Airlines", 1726, 1750, S_FLIGHTS),
              reference("Royal Jordanian Airlines is the flag carrier of Jordan.", 680, 735),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(COMPANY, { id: "company:air-astana" });
    expect(result).toEqual({ status: 200, body: { data: { company: null } } });
  });
});

const COMPANIES = /* GraphQL */ `
  query Companies($filter: CompanyFilter, $orderBy: NameOrder) {
    companies(filter: $filter, orderBy: $orderBy) {
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

const JUMCO = { id: "company:jumco", name: "Jordanian Uranium Mining Company" };
const KAZATOMPROM = { id: "company:kazatomprom", name: "Kazatomprom" };
const ROYAL_JORDANIAN = { id: "company:royal-jordanian", name: "Royal Jordanian Airlines" };

describe("companies", () => {
  it("lists the three companies the article names, by name", async () => {
    const result = await h.run(COMPANIES);
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          companies: {
            totalCount: 3,
            pageInfo: onePage(3),
            edges: [
              { cursor: CURSOR[0], node: JUMCO },
              { cursor: CURSOR[1], node: KAZATOMPROM },
              { cursor: CURSOR[2], node: ROYAL_JORDANIAN },
            ],
          },
        },
      },
    });
  });

  it("orders by id descending", async () => {
    const result = await h.run(COMPANIES, { orderBy: { field: "ID", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          companies: {
            totalCount: 3,
            pageInfo: onePage(3),
            edges: [
              { cursor: CURSOR[0], node: ROYAL_JORDANIAN },
              { cursor: CURSOR[1], node: KAZATOMPROM },
              { cursor: CURSOR[2], node: JUMCO },
            ],
          },
        },
      },
    });
  });

  it("filters by country", async () => {
    const result = await h.run(COMPANIES, { filter: { country: "JO" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          companies: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: JUMCO },
              { cursor: CURSOR[1], node: ROYAL_JORDANIAN },
            ],
          },
        },
      },
    });
  });

  it("filters by sector", async () => {
    const result = await h.run(COMPANIES, { filter: { sector: "URANIUM_MINING" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          companies: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: JUMCO },
              { cursor: CURSOR[1], node: KAZATOMPROM },
            ],
          },
        },
      },
    });
  });

  it("combines country and sector", async () => {
    const result = await h.run(COMPANIES, { filter: { country: "KZ", sector: "URANIUM_MINING" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: { companies: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: KAZATOMPROM }] } },
      },
    });
  });

  it("filters by the area of cooperation the companies take part in", async () => {
    const result = await h.run(COMPANIES, { filter: { area: "area:aviation" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          companies: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: ROYAL_JORDANIAN }] },
        },
      },
    });
  });

  it("filters by name, ignoring case", async () => {
    const result = await h.run(COMPANIES, { filter: { nameContains: "jordanian" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          companies: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: JUMCO },
              { cursor: CURSOR[1], node: ROYAL_JORDANIAN },
            ],
          },
        },
      },
    });
  });

  it("matches nameContains against the name only, not the aliases", async () => {
    const result = await h.run(COMPANIES, { filter: { nameContains: "JUMCO" } });
    expect(result).toEqual({
      status: 200,
      body: { data: { companies: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });
});

const COMPANY_RELATIONS = /* GraphQL */ `
  query CompanyRelations($id: ID!) {
    company(id: $id) {
      country {
        name
      }
      cooperationAreas {
        totalCount
        nodes {
          id
        }
      }
      positions {
        totalCount
        nodes {
          stance
          summary
        }
      }
      flightRoutes {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

describe("Company relations", () => {
  it("follows JUMCO to Jordan and to the nuclear sector", async () => {
    const result = await h.run(COMPANY_RELATIONS, { id: "company:jumco" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            country: { name: "Jordan" },
            cooperationAreas: { totalCount: 1, nodes: [{ id: "area:nuclear" }] },
            positions: {
              totalCount: 1,
              nodes: [
                {
                  stance: "PARTICIPATES",
                  summary: "JUMCO is the Jordanian party to the nuclear-sector cooperation with Kazatomprom.",
                },
              ],
            },
            flightRoutes: { totalCount: 0, nodes: [] },
          },
        },
      },
    });
  });

  it("follows Kazatomprom to Kazakhstan and to the nuclear sector", async () => {
    const result = await h.run(COMPANY_RELATIONS, { id: "company:kazatomprom" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            country: { name: "Kazakhstan" },
            cooperationAreas: { totalCount: 1, nodes: [{ id: "area:nuclear" }] },
            positions: {
              totalCount: 1,
              nodes: [
                {
                  stance: "PARTICIPATES",
                  summary: "Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO.",
                },
              ],
            },
            flightRoutes: { totalCount: 0, nodes: [] },
          },
        },
      },
    });
  });

  it("follows Royal Jordanian to its planned Amman–Almaty route", async () => {
    const result = await h.run(COMPANY_RELATIONS, { id: "company:royal-jordanian" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            country: { name: "Jordan" },
            cooperationAreas: { totalCount: 1, nodes: [{ id: "area:aviation" }] },
            positions: {
              totalCount: 1,
              nodes: [
                {
                  stance: "PLANNED",
                  summary:
                    "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year.",
                },
              ],
            },
            flightRoutes: { totalCount: 1, nodes: [{ id: "route:royal-jordanian-amman-almaty" }] },
          },
        },
      },
    });
  });

  it("returns an empty page when a relation's filter asks for another company's areas", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CompanyAreas($id: ID!, $filter: CooperationAreaFilter) {
          company(id: $id) {
            cooperationAreas(filter: $filter) {
              totalCount
              nodes {
                id
              }
            }
          }
        }
      `,
      { id: "company:jumco", filter: { company: "company:royal-jordanian" } },
    );
    expect(result).toEqual({
      status: 200,
      body: { data: { company: { cooperationAreas: { totalCount: 0, nodes: [] } } } },
    });
  });
});
