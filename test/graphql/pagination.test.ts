import { CURSOR, EMPTY_PAGE_INFO } from "../support/article";
import { edgeCursorOf, endCursorOf, startCursorOf } from "../support/cursors";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const AREAS = /* GraphQL */ `
  query AreasPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: NameOrder) {
    cooperationAreas(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
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

/** The sixteen areas of cooperation, as id and name. */
const ACADEMIC = { id: "area:academic", name: "Academic cooperation" };
const AGRICULTURE = { id: "area:agriculture", name: "Agriculture" };
const AVIATION = { id: "area:aviation", name: "Aviation" };
const TRADE = { id: "area:trade", name: "Bilateral trade" };
const CULTURE = { id: "area:culture", name: "Culture" };
const DEFENSE = { id: "area:defense-manufacturing", name: "Defense manufacturing" };
const DIGITALIZATION = { id: "area:digitalization", name: "Digitalization" };
const ECONOMIC = { id: "area:economic-ties", name: "Economic ties" };
const HALAL = { id: "area:halal-industry", name: "Halal industry" };
const HUMANITARIAN = { id: "area:humanitarian-ties", name: "Humanitarian ties" };
const MEDICINE = { id: "area:medicine", name: "Medicine" };
const NUCLEAR = { id: "area:nuclear", name: "Nuclear energy" };
const PHARMACEUTICALS = { id: "area:pharmaceuticals", name: "Pharmaceuticals" };
const POLITICAL = { id: "area:political-ties", name: "Political ties" };
const TOURISM = { id: "area:tourism", name: "Tourism" };
const TRANSPORT = { id: "area:transport-logistics", name: "Transport and logistics" };

describe("forward pagination over cooperationAreas (first: 5, after)", () => {
  it("walks all four pages, then an empty one, with totalCount 16 on every page", async () => {
    const page1 = await h.run(AREAS, { first: 5 });
    expect(page1).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[4] },
            edges: [
              { cursor: CURSOR[0], node: ACADEMIC },
              { cursor: CURSOR[1], node: AGRICULTURE },
              { cursor: CURSOR[2], node: AVIATION },
              { cursor: CURSOR[3], node: TRADE },
              { cursor: CURSOR[4], node: CULTURE },
            ],
          },
        },
      },
    });

    const page2 = await h.run(AREAS, { first: 5, after: endCursorOf(page1, "cooperationAreas") });
    expect(page2).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[5], endCursor: CURSOR[9] },
            edges: [
              { cursor: CURSOR[5], node: DEFENSE },
              { cursor: CURSOR[6], node: DIGITALIZATION },
              { cursor: CURSOR[7], node: ECONOMIC },
              { cursor: CURSOR[8], node: HALAL },
              { cursor: CURSOR[9], node: HUMANITARIAN },
            ],
          },
        },
      },
    });

    const page3 = await h.run(AREAS, { first: 5, after: endCursorOf(page2, "cooperationAreas") });
    expect(page3).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[10], endCursor: CURSOR[14] },
            edges: [
              { cursor: CURSOR[10], node: MEDICINE },
              { cursor: CURSOR[11], node: NUCLEAR },
              { cursor: CURSOR[12], node: PHARMACEUTICALS },
              { cursor: CURSOR[13], node: POLITICAL },
              { cursor: CURSOR[14], node: TOURISM },
            ],
          },
        },
      },
    });

    const page4 = await h.run(AREAS, { first: 5, after: endCursorOf(page3, "cooperationAreas") });
    expect(page4).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[15], endCursor: CURSOR[15] },
            edges: [{ cursor: CURSOR[15], node: TRANSPORT }],
          },
        },
      },
    });

    // Past the last item: an empty page that knows the items before it.
    const afterLast = await h.run(AREAS, { first: 5, after: endCursorOf(page4, "cooperationAreas") });
    expect(afterLast).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { ...EMPTY_PAGE_INFO, hasPreviousPage: true },
            edges: [],
          },
        },
      },
    });
  });

  it("follows the endCursor each page returns", async () => {
    const visited: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const result = await h.run(AREAS, { first: 5, after });
      const { cooperationAreas } = result.body.data as {
        cooperationAreas: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: Array<{ node: { id: string } }>;
        };
      };
      expect(cooperationAreas.totalCount).toBe(16);
      visited.push(...cooperationAreas.edges.map(e => e.node.id));
      if (!cooperationAreas.pageInfo.hasNextPage) break;
      after = cooperationAreas.pageInfo.endCursor;
    }
    expect(visited).toEqual([
      "area:academic",
      "area:agriculture",
      "area:aviation",
      "area:trade",
      "area:culture",
      "area:defense-manufacturing",
      "area:digitalization",
      "area:economic-ties",
      "area:halal-industry",
      "area:humanitarian-ties",
      "area:medicine",
      "area:nuclear",
      "area:pharmaceuticals",
      "area:political-ties",
      "area:tourism",
      "area:transport-logistics",
    ]);
  });
});

describe("backward pagination over cooperationAreas (last: 5, before)", () => {
  it("walks all four pages from the end, then an empty one, with totalCount 16 on every page", async () => {
    const page1 = await h.run(AREAS, { last: 5 });
    expect(page1).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[11], endCursor: CURSOR[15] },
            edges: [
              { cursor: CURSOR[11], node: NUCLEAR },
              { cursor: CURSOR[12], node: PHARMACEUTICALS },
              { cursor: CURSOR[13], node: POLITICAL },
              { cursor: CURSOR[14], node: TOURISM },
              { cursor: CURSOR[15], node: TRANSPORT },
            ],
          },
        },
      },
    });

    const page2 = await h.run(AREAS, { last: 5, before: startCursorOf(page1, "cooperationAreas") });
    expect(page2).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[6], endCursor: CURSOR[10] },
            edges: [
              { cursor: CURSOR[6], node: DIGITALIZATION },
              { cursor: CURSOR[7], node: ECONOMIC },
              { cursor: CURSOR[8], node: HALAL },
              { cursor: CURSOR[9], node: HUMANITARIAN },
              { cursor: CURSOR[10], node: MEDICINE },
            ],
          },
        },
      },
    });

    const page3 = await h.run(AREAS, { last: 5, before: startCursorOf(page2, "cooperationAreas") });
    expect(page3).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[1], endCursor: CURSOR[5] },
            edges: [
              { cursor: CURSOR[1], node: AGRICULTURE },
              { cursor: CURSOR[2], node: AVIATION },
              { cursor: CURSOR[3], node: TRADE },
              { cursor: CURSOR[4], node: CULTURE },
              { cursor: CURSOR[5], node: DEFENSE },
            ],
          },
        },
      },
    });

    const page4 = await h.run(AREAS, { last: 5, before: startCursorOf(page3, "cooperationAreas") });
    expect(page4).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[0] },
            edges: [{ cursor: CURSOR[0], node: ACADEMIC }],
          },
        },
      },
    });

    // Before the first item: an empty page that knows the items after it.
    const beforeFirst = await h.run(AREAS, { last: 5, before: startCursorOf(page4, "cooperationAreas") });
    expect(beforeFirst).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: { totalCount: 16, pageInfo: { ...EMPTY_PAGE_INFO, hasNextPage: true }, edges: [] },
        },
      },
    });
  });

  it("takes a window between two cursors", async () => {
    const all = await h.run(AREAS, { first: 16 });
    const cursor = (i: number) => edgeCursorOf(all, i, "cooperationAreas");
    const result = await h.run(AREAS, { first: 2, after: cursor(3), before: cursor(7) });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[4], endCursor: CURSOR[5] },
            edges: [
              { cursor: CURSOR[4], node: CULTURE },
              { cursor: CURSOR[5], node: DEFENSE },
            ],
          },
        },
      },
    });
  });
});

describe("ordering", () => {
  it("orders areas by name ascending (the default)", async () => {
    const byDefault = await h.run(AREAS, { first: 5 });
    const byName = await h.run(AREAS, { first: 5, orderBy: { field: "NAME", direction: "ASC" } });
    const expected = {
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[4] },
            edges: [
              { cursor: CURSOR[0], node: ACADEMIC },
              { cursor: CURSOR[1], node: AGRICULTURE },
              { cursor: CURSOR[2], node: AVIATION },
              { cursor: CURSOR[3], node: TRADE },
              { cursor: CURSOR[4], node: CULTURE },
            ],
          },
        },
      },
    };
    expect(byDefault).toEqual(expected);
    expect(byName).toEqual(expected);
  });

  it("orders areas by name descending", async () => {
    const result = await h.run(AREAS, { first: 5, orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[4] },
            edges: [
              { cursor: CURSOR[0], node: TRANSPORT },
              { cursor: CURSOR[1], node: TOURISM },
              { cursor: CURSOR[2], node: POLITICAL },
              { cursor: CURSOR[3], node: PHARMACEUTICALS },
              { cursor: CURSOR[4], node: NUCLEAR },
            ],
          },
        },
      },
    });
  });

  it("defaults the order field to NAME when only a direction is given", async () => {
    const result = await h.run(AREAS, { first: 2, orderBy: { direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[1] },
            edges: [
              { cursor: CURSOR[0], node: TRANSPORT },
              { cursor: CURSOR[1], node: TOURISM },
            ],
          },
        },
      },
    });
  });

  it("orders areas by id ascending: bilateral trade (area:trade) moves near the end", async () => {
    const result = await h.run(AREAS, { first: 16, orderBy: { field: "ID", direction: "ASC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[15] },
            edges: [
              { cursor: CURSOR[0], node: ACADEMIC },
              { cursor: CURSOR[1], node: AGRICULTURE },
              { cursor: CURSOR[2], node: AVIATION },
              { cursor: CURSOR[3], node: CULTURE },
              { cursor: CURSOR[4], node: DEFENSE },
              { cursor: CURSOR[5], node: DIGITALIZATION },
              { cursor: CURSOR[6], node: ECONOMIC },
              { cursor: CURSOR[7], node: HALAL },
              { cursor: CURSOR[8], node: HUMANITARIAN },
              { cursor: CURSOR[9], node: MEDICINE },
              { cursor: CURSOR[10], node: NUCLEAR },
              { cursor: CURSOR[11], node: PHARMACEUTICALS },
              { cursor: CURSOR[12], node: POLITICAL },
              { cursor: CURSOR[13], node: TOURISM },
              { cursor: CURSOR[14], node: TRADE },
              { cursor: CURSOR[15], node: TRANSPORT },
            ],
          },
        },
      },
    });
  });

  it("orders areas by id descending, paging backward", async () => {
    const result = await h.run(AREAS, { last: 3, orderBy: { field: "ID", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[13], endCursor: CURSOR[15] },
            edges: [
              { cursor: CURSOR[13], node: AVIATION },
              { cursor: CURSOR[14], node: AGRICULTURE },
              { cursor: CURSOR[15], node: ACADEMIC },
            ],
          },
        },
      },
    });
  });
});

const MEETINGS = /* GraphQL */ `
  query MeetingsOrdered($orderBy: DatedOrder, $first: Int, $after: String) {
    meetings(orderBy: $orderBy, first: $first, after: $after) {
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
          date
        }
      }
    }
  }
`;

const ASTANA = { id: "meeting:2025-08-27-astana", date: "2025-08-27" };
const AMMAN = { id: "meeting:amman-earlier-talks", date: null };

const meetingsIn = (first: typeof ASTANA | typeof AMMAN, second: typeof ASTANA | typeof AMMAN) => ({
  status: 200,
  body: {
    data: {
      meetings: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[1] },
        edges: [
          { cursor: CURSOR[0], node: first },
          { cursor: CURSOR[1], node: second },
        ],
      },
    },
  },
});

describe("ordering meetings by date", () => {
  it("puts the undated Amman talks last when ascending (the default)", async () => {
    expect(await h.run(MEETINGS)).toEqual(meetingsIn(ASTANA, AMMAN));
    expect(await h.run(MEETINGS, { orderBy: { field: "DATE", direction: "ASC" } })).toEqual(meetingsIn(ASTANA, AMMAN));
  });

  it("puts the undated Amman talks last when descending too", async () => {
    expect(await h.run(MEETINGS, { orderBy: { field: "DATE", direction: "DESC" } })).toEqual(meetingsIn(ASTANA, AMMAN));
  });

  it("orders by title: “Earlier …” before “Tokayev–…”, and back", async () => {
    expect(await h.run(MEETINGS, { orderBy: { field: "NAME", direction: "ASC" } })).toEqual(meetingsIn(AMMAN, ASTANA));
    expect(await h.run(MEETINGS, { orderBy: { field: "NAME", direction: "DESC" } })).toEqual(meetingsIn(ASTANA, AMMAN));
  });

  it("orders by id", async () => {
    expect(await h.run(MEETINGS, { orderBy: { field: "ID", direction: "ASC" } })).toEqual(meetingsIn(ASTANA, AMMAN));
    expect(await h.run(MEETINGS, { orderBy: { field: "ID", direction: "DESC" } })).toEqual(meetingsIn(AMMAN, ASTANA));
  });

  it("pages one meeting at a time, newest first", async () => {
    const orderBy = { field: "DATE", direction: "DESC" };
    const newest = await h.run(MEETINGS, { orderBy, first: 1 });
    expect(newest).toEqual({
      status: 200,
      body: {
        data: {
          meetings: {
            totalCount: 2,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[0] },
            edges: [{ cursor: CURSOR[0], node: ASTANA }],
          },
        },
      },
    });
    expect(await h.run(MEETINGS, { orderBy, first: 1, after: endCursorOf(newest, "meetings") })).toEqual({
      status: 200,
      body: {
        data: {
          meetings: {
            totalCount: 2,
            pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[1], endCursor: CURSOR[1] },
            edges: [{ cursor: CURSOR[1], node: AMMAN }],
          },
        },
      },
    });
  });
});

describe("default page size", () => {
  const POSITIONS = /* GraphQL */ `
    query PositionsPage($after: String) {
      positions(after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        nodes {
          id
        }
      }
    }
  `;

  it("returns 20 of the 24 positions when neither first nor last is given, then the other 4", async () => {
    const first20 = await h.run(POSITIONS);
    expect(first20).toEqual({
      status: 200,
      body: {
        data: {
          positions: {
            totalCount: 24,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[19] },
            nodes: [
              { id: "position:abdullah-ii-noted-potential-agriculture" },
              { id: "position:abdullah-ii-noted-potential-digitalization" },
              { id: "position:abdullah-ii-noted-potential-tourism" },
              { id: "position:jo-delegation-confirmed-intention-trade" },
              { id: "position:jo-delegation-expressed-interest-academic" },
              { id: "position:jo-delegation-expressed-interest-culture" },
              { id: "position:jordan-proposed-defense-manufacturing" },
              { id: "position:jordan-proposed-halal-industry" },
              { id: "position:jordan-proposed-medicine" },
              { id: "position:jordan-proposed-pharmaceuticals" },
              { id: "position:jumco-participates-nuclear" },
              { id: "position:kazatomprom-participates-nuclear" },
              { id: "position:kz-delegation-confirmed-intention-trade" },
              { id: "position:kz-delegation-expressed-interest-academic" },
              { id: "position:kz-delegation-expressed-interest-culture" },
              { id: "position:royal-jordanian-planned-aviation" },
              { id: "position:tokayev-emphasized-economic-ties" },
              { id: "position:tokayev-emphasized-humanitarian-ties" },
              { id: "position:tokayev-emphasized-political-ties" },
              { id: "position:tokayev-invited-to-explore-transport-logistics" },
            ],
          },
        },
      },
    });
    expect(await h.run(POSITIONS, { after: endCursorOf(first20, "positions") })).toEqual({
      status: 200,
      body: {
        data: {
          positions: {
            totalCount: 24,
            pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[20], endCursor: CURSOR[23] },
            nodes: [
              { id: "position:tokayev-noted-potential-agriculture" },
              { id: "position:tokayev-noted-potential-digitalization" },
              { id: "position:tokayev-noted-potential-tourism" },
              { id: "position:tokayev-supported-nuclear" },
            ],
          },
        },
      },
    });
  });
});

describe("pagination of relation fields", () => {
  it("pages Kazakhstan's eleven areas, keeping the relation's totalCount on every page", async () => {
    const QUERY = /* GraphQL */ `
      query CountryAreasPage($code: CountryCode!, $first: Int, $after: String) {
        country(code: $code) {
          cooperationAreas(first: $first, after: $after) {
            totalCount
            pageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            nodes {
              id
            }
          }
        }
      }
    `;
    const page1 = await h.run(QUERY, { code: "KZ", first: 5 });
    const page2 = await h.run(QUERY, {
      code: "KZ",
      first: 5,
      after: endCursorOf(page1, "country", "cooperationAreas"),
    });
    expect(page2).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cooperationAreas: {
              totalCount: 11,
              pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[5], endCursor: CURSOR[9] },
              nodes: [
                { id: "area:economic-ties" },
                { id: "area:humanitarian-ties" },
                { id: "area:nuclear" },
                { id: "area:political-ties" },
                { id: "area:tourism" },
              ],
            },
          },
        },
      },
    });
    expect(
      await h.run(QUERY, { code: "KZ", first: 5, after: endCursorOf(page2, "country", "cooperationAreas") }),
    ).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cooperationAreas: {
              totalCount: 11,
              pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[10], endCursor: CURSOR[10] },
              nodes: [{ id: "area:transport-logistics" }],
            },
          },
        },
      },
    });
  });

  it("orders a relation by id descending and pages it", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CountryAreasById($code: CountryCode!, $orderBy: NameOrder, $first: Int) {
          country(code: $code) {
            cooperationAreas(orderBy: $orderBy, first: $first) {
              totalCount
              pageInfo {
                hasNextPage
                hasPreviousPage
                startCursor
                endCursor
              }
              nodes {
                id
              }
            }
          }
        }
      `,
      { code: "KZ", orderBy: { field: "ID", direction: "DESC" }, first: 3 },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cooperationAreas: {
              totalCount: 11,
              pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[2] },
              nodes: [{ id: "area:transport-logistics" }, { id: "area:trade" }, { id: "area:tourism" }],
            },
          },
        },
      },
    });
  });

  it("pages the areas between Kazakhstan and Jordan with totalCount 16", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query RelationsAreasPage($countries: [CountryCode!]!, $last: Int) {
          bilateralRelations(countries: $countries) {
            cooperationAreas(last: $last) {
              totalCount
              pageInfo {
                hasNextPage
                hasPreviousPage
                startCursor
                endCursor
              }
              nodes {
                id
              }
            }
          }
        }
      `,
      { countries: ["KZ", "JO"], last: 2 },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            cooperationAreas: {
              totalCount: 16,
              pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[14], endCursor: CURSOR[15] },
              nodes: [{ id: "area:tourism" }, { id: "area:transport-logistics" }],
            },
          },
        },
      },
    });
  });
});
