import { CURSOR, EMPTY_PAGE_INFO, S_ACADEMIC, S_NUCLEAR, S_POTENTIAL, onePage, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const POSITION = /* GraphQL */ `
  query Position($id: ID!) {
    position(id: $id) {
      __typename
      id
      stance
      summary
      area {
        id
      }
      meeting {
        id
      }
      actor {
        __typename
        ... on Country {
          id
          code
        }
        ... on Leader {
          id
          name
        }
        ... on Company {
          id
          name
        }
        ... on Delegation {
          id
          name
        }
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

describe("position(id:) and the Actor union", () => {
  it("resolves a country actor: the Jordanian side proposed cooperation in medicine", async () => {
    const result = await h.run(POSITION, { id: "position:jordan-proposed-medicine" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          position: {
            __typename: "Position",
            id: "position:jordan-proposed-medicine",
            stance: "PROPOSED",
            summary: "The Jordanian side proposed cooperation in medicine.",
            area: { id: "area:medicine" },
            meeting: { id: "meeting:2025-08-27-astana" },
            actor: { __typename: "Country", id: "country:JO", code: "JO" },
            citations: [
              talks(
                "the Jordanian side proposed cooperation in medicine, pharmaceuticals, halal industry, and defense manufacturing",
                1612,
                1723,
                S_POTENTIAL,
              ),
            ],
          },
        },
      },
    });
  });

  it("resolves a leader actor: President Tokayev invited Jordan to explore transport and logistics", async () => {
    const result = await h.run(POSITION, { id: "position:tokayev-invited-to-explore-transport-logistics" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          position: {
            __typename: "Position",
            id: "position:tokayev-invited-to-explore-transport-logistics",
            stance: "INVITED_TO_EXPLORE",
            summary:
              "President Tokayev invited Jordan to explore opportunities in transport and logistics connectivity between Central Asia and the Middle East.",
            area: { id: "area:transport-logistics" },
            meeting: { id: "meeting:2025-08-27-astana" },
            actor: { __typename: "Leader", id: "leader:kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev" },
            citations: [
              talks(
                "invited Jordan to explore opportunities in transport and logistics connectivity between Central Asia and the Middle East",
                1377,
                1497,
                S_NUCLEAR,
              ),
            ],
          },
        },
      },
    });
  });

  it("resolves a company actor: Kazatomprom takes part in the nuclear cooperation", async () => {
    const result = await h.run(POSITION, { id: "position:kazatomprom-participates-nuclear" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          position: {
            __typename: "Position",
            id: "position:kazatomprom-participates-nuclear",
            stance: "PARTICIPATES",
            summary: "Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO.",
            area: { id: "area:nuclear" },
            meeting: { id: "meeting:2025-08-27-astana" },
            actor: { __typename: "Company", id: "company:kazatomprom", name: "Kazatomprom" },
            citations: [
              talks(
                "cooperation between Kazatomprom and the Jordanian Uranium Mining Company (JUMCO) in the nuclear sector",
                1269,
                1371,
                S_NUCLEAR,
              ),
            ],
          },
        },
      },
    });
  });

  it("resolves a delegation actor: the Kazakh officials' interest in academic cooperation", async () => {
    const result = await h.run(POSITION, { id: "position:kz-delegation-expressed-interest-academic" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          position: {
            __typename: "Position",
            id: "position:kz-delegation-expressed-interest-academic",
            stance: "EXPRESSED_INTEREST",
            summary:
              "The officials (the Kazakh delegation among them) expressed interest in expanding academic cooperation, including joint research projects and university partnerships.",
            area: { id: "area:academic" },
            meeting: { id: "meeting:2025-08-27-astana" },
            actor: {
              __typename: "Delegation",
              id: "delegation:kz-2025-08-27-astana",
              name: "Official delegation of Kazakhstan",
            },
            citations: [
              talks(
                "The officials also expressed interest in expanding cultural and academic cooperation",
                1887,
                1971,
                S_ACADEMIC,
              ),
              talks(
                "academic cooperation, including joint research projects and university partnerships",
                1951,
                2034,
                S_ACADEMIC,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(POSITION, { id: "position:jordan-proposed-space" });
    expect(result).toEqual({ status: 200, body: { data: { position: null } } });
  });
});

describe("positions", () => {
  it("lists all 24 positions in id order", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AllPositions($first: Int) {
          positions(first: $first) {
            totalCount
            nodes {
              id
              stance
              actor {
                __typename
              }
            }
          }
        }
      `,
      { first: 100 },
    );
    const p = (id: string, stance: string, actor: string) => ({ id, stance, actor: { __typename: actor } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          positions: {
            totalCount: 24,
            nodes: [
              p("position:abdullah-ii-noted-potential-agriculture", "NOTED_POTENTIAL", "Leader"),
              p("position:abdullah-ii-noted-potential-digitalization", "NOTED_POTENTIAL", "Leader"),
              p("position:abdullah-ii-noted-potential-tourism", "NOTED_POTENTIAL", "Leader"),
              p("position:jo-delegation-confirmed-intention-trade", "CONFIRMED_INTENTION", "Delegation"),
              p("position:jo-delegation-expressed-interest-academic", "EXPRESSED_INTEREST", "Delegation"),
              p("position:jo-delegation-expressed-interest-culture", "EXPRESSED_INTEREST", "Delegation"),
              p("position:jordan-proposed-defense-manufacturing", "PROPOSED", "Country"),
              p("position:jordan-proposed-halal-industry", "PROPOSED", "Country"),
              p("position:jordan-proposed-medicine", "PROPOSED", "Country"),
              p("position:jordan-proposed-pharmaceuticals", "PROPOSED", "Country"),
              p("position:jumco-participates-nuclear", "PARTICIPATES", "Company"),
              p("position:kazatomprom-participates-nuclear", "PARTICIPATES", "Company"),
              p("position:kz-delegation-confirmed-intention-trade", "CONFIRMED_INTENTION", "Delegation"),
              p("position:kz-delegation-expressed-interest-academic", "EXPRESSED_INTEREST", "Delegation"),
              p("position:kz-delegation-expressed-interest-culture", "EXPRESSED_INTEREST", "Delegation"),
              p("position:royal-jordanian-planned-aviation", "PLANNED", "Company"),
              p("position:tokayev-emphasized-economic-ties", "EMPHASIZED", "Leader"),
              p("position:tokayev-emphasized-humanitarian-ties", "EMPHASIZED", "Leader"),
              p("position:tokayev-emphasized-political-ties", "EMPHASIZED", "Leader"),
              p("position:tokayev-invited-to-explore-transport-logistics", "INVITED_TO_EXPLORE", "Leader"),
              p("position:tokayev-noted-potential-agriculture", "NOTED_POTENTIAL", "Leader"),
              p("position:tokayev-noted-potential-digitalization", "NOTED_POTENTIAL", "Leader"),
              p("position:tokayev-noted-potential-tourism", "NOTED_POTENTIAL", "Leader"),
              p("position:tokayev-supported-nuclear", "SUPPORTED", "Leader"),
            ],
          },
        },
      },
    });
  });
});

const POSITIONS = /* GraphQL */ `
  query Positions($filter: PositionFilter, $orderBy: IdOrder, $first: Int) {
    positions(filter: $filter, orderBy: $orderBy, first: $first) {
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

/** The expected page of a filtered list that fits on one page: its ids, in order. */
const page = (...ids: string[]) => ({
  status: 200,
  body: {
    data: {
      positions: {
        totalCount: ids.length,
        pageInfo: ids.length === 0 ? EMPTY_PAGE_INFO : onePage(ids.length),
        edges: ids.map((id, i) => ({ cursor: CURSOR[i], node: { id } })),
      },
    },
  },
});

describe("positions filters", () => {
  it("filters by area", async () => {
    expect(await h.run(POSITIONS, { filter: { area: "area:nuclear" } })).toEqual(
      page(
        "position:jumco-participates-nuclear",
        "position:kazatomprom-participates-nuclear",
        "position:tokayev-supported-nuclear",
      ),
    );
  });

  it("filters by actor", async () => {
    expect(await h.run(POSITIONS, { filter: { actor: "company:jumco" } })).toEqual(
      page("position:jumco-participates-nuclear"),
    );
  });

  it("filters by stance", async () => {
    expect(await h.run(POSITIONS, { filter: { stance: "PROPOSED" } })).toEqual(
      page(
        "position:jordan-proposed-defense-manufacturing",
        "position:jordan-proposed-halal-industry",
        "position:jordan-proposed-medicine",
        "position:jordan-proposed-pharmaceuticals",
      ),
    );
  });

  it("filters by actor country: Kazakhstan's leader, delegation and company", async () => {
    expect(await h.run(POSITIONS, { filter: { actorCountry: "KZ" } })).toEqual(
      page(
        "position:kazatomprom-participates-nuclear",
        "position:kz-delegation-confirmed-intention-trade",
        "position:kz-delegation-expressed-interest-academic",
        "position:kz-delegation-expressed-interest-culture",
        "position:tokayev-emphasized-economic-ties",
        "position:tokayev-emphasized-humanitarian-ties",
        "position:tokayev-emphasized-political-ties",
        "position:tokayev-invited-to-explore-transport-logistics",
        "position:tokayev-noted-potential-agriculture",
        "position:tokayev-noted-potential-digitalization",
        "position:tokayev-noted-potential-tourism",
        "position:tokayev-supported-nuclear",
      ),
    );
  });

  it("filters by actor country and stance as an exact pair", async () => {
    expect(await h.run(POSITIONS, { filter: { actorCountry: "KZ", stance: "PARTICIPATES" } })).toEqual(
      page("position:kazatomprom-participates-nuclear"),
    );
    expect(await h.run(POSITIONS, { filter: { actorCountry: "JO", stance: "SUPPORTED" } })).toEqual(page());
  });

  it("filters by meeting", async () => {
    expect(await h.run(POSITIONS, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(page());
  });

  it("filters by a pair of countries: every position was taken at talks between them", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query PositionsBetween($filter: PositionFilter) {
          positions(filter: $filter) {
            totalCount
          }
        }
      `,
      { filter: { between: ["JO", "KZ"] } },
    );
    expect(result).toEqual({ status: 200, body: { data: { positions: { totalCount: 24 } } } });
  });

  it("orders by id descending", async () => {
    const result = await h.run(POSITIONS, { orderBy: { field: "ID", direction: "DESC" }, first: 3 });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          positions: {
            totalCount: 24,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[2] },
            edges: [
              { cursor: CURSOR[0], node: { id: "position:tokayev-supported-nuclear" } },
              { cursor: CURSOR[1], node: { id: "position:tokayev-noted-potential-tourism" } },
              { cursor: CURSOR[2], node: { id: "position:tokayev-noted-potential-digitalization" } },
            ],
          },
        },
      },
    });
  });
});
