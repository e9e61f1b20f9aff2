import {
  CURSOR,
  EMPTY_PAGE_INFO,
  S_CONTINUATION,
  S_FLIGHTS,
  S_OPENING,
  onePage,
  reference,
  talks,
} from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const CITY = /* GraphQL */ `
  query City($id: ID!) {
    city(id: $id) {
      __typename
      id
      name
      aliases
      isCapital
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
      meetings {
        totalCount
        nodes {
          id
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

describe("city(id:)", () => {
  it("returns Astana, the Kazakh capital, where the talks were held", async () => {
    const result = await h.run(CITY, { id: "city:astana" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          city: {
            __typename: "City",
            id: "city:astana",
            name: "Astana",
            aliases: [],
            isCapital: true,
            country: { code: "KZ" },
            citations: [
              talks("ASTANA", 17, 23, S_OPENING),
              talks("the Kazakh capital", 143, 161, S_OPENING),
              reference("The capital of Kazakhstan is Astana.", 210, 246),
            ],
            meetings: { totalCount: 1, nodes: [{ id: "meeting:2025-08-27-astana" }] },
            flightRoutes: { totalCount: 0, nodes: [] },
          },
        },
      },
    });
  });

  it("returns Amman, Jordan's capital, where the earlier talks were held and the route starts", async () => {
    const result = await h.run(CITY, { id: "city:amman" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          city: {
            __typename: "City",
            id: "city:amman",
            name: "Amman",
            aliases: [],
            isCapital: true,
            country: { code: "JO" },
            citations: [
              talks("President Tokayev in Amman", 743, 769, S_CONTINUATION),
              talks("between Amman and Almaty", 1782, 1806, S_FLIGHTS),
              reference("The capital of Jordan is Amman.", 477, 508),
            ],
            meetings: { totalCount: 1, nodes: [{ id: "meeting:amman-earlier-talks" }] },
            flightRoutes: { totalCount: 1, nodes: [{ id: "route:royal-jordanian-amman-almaty" }] },
          },
        },
      },
    });
  });

  it("returns Almaty, a Kazakh city that is not the capital", async () => {
    const result = await h.run(CITY, { id: "city:almaty" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          city: {
            __typename: "City",
            id: "city:almaty",
            name: "Almaty",
            aliases: [],
            isCapital: false,
            country: { code: "KZ" },
            citations: [talks("Almaty", 1800, 1806, S_FLIGHTS), reference("Almaty is a city in Kazakhstan.", 338, 369)],
            meetings: { totalCount: 0, nodes: [] },
            flightRoutes: { totalCount: 1, nodes: [{ id: "route:royal-jordanian-amman-almaty" }] },
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(CITY, { id: "city:shymkent" });
    expect(result).toEqual({ status: 200, body: { data: { city: null } } });
  });
});

const CITIES = /* GraphQL */ `
  query Cities($filter: CityFilter, $orderBy: NameOrder) {
    cities(filter: $filter, orderBy: $orderBy) {
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

describe("cities", () => {
  it("lists the three cities by name", async () => {
    const result = await h.run(CITIES);
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cities: {
            totalCount: 3,
            pageInfo: onePage(3),
            edges: [
              { cursor: CURSOR[0], node: { id: "city:almaty" } },
              { cursor: CURSOR[1], node: { id: "city:amman" } },
              { cursor: CURSOR[2], node: { id: "city:astana" } },
            ],
          },
        },
      },
    });
  });

  it("orders by name descending", async () => {
    const result = await h.run(CITIES, { orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cities: {
            totalCount: 3,
            pageInfo: onePage(3),
            edges: [
              { cursor: CURSOR[0], node: { id: "city:astana" } },
              { cursor: CURSOR[1], node: { id: "city:amman" } },
              { cursor: CURSOR[2], node: { id: "city:almaty" } },
            ],
          },
        },
      },
    });
  });

  it("filters by country", async () => {
    const result = await h.run(CITIES, { filter: { country: "KZ" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cities: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: { id: "city:almaty" } },
              { cursor: CURSOR[1], node: { id: "city:astana" } },
            ],
          },
        },
      },
    });
  });

  it("filters by name, ignoring case", async () => {
    const result = await h.run(CITIES, { filter: { nameContains: "AM" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cities: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: { id: "city:amman" } }] },
        },
      },
    });
  });

  it("combines country and name", async () => {
    const result = await h.run(CITIES, { filter: { country: "JO", nameContains: "Almaty" } });
    expect(result).toEqual({
      status: 200,
      body: { data: { cities: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });
});

describe("City relations", () => {
  it("filters a city's meetings by date", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CityMeetings($id: ID!, $filter: MeetingFilter) {
          city(id: $id) {
            meetings(filter: $filter) {
              totalCount
              nodes {
                title
              }
            }
          }
        }
      `,
      { id: "city:astana", filter: { date: { from: "2025-08-27", to: "2025-08-27" } } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          city: { meetings: { totalCount: 1, nodes: [{ title: "Tokayev–Abdullah II talks in Astana" }] } },
        },
      },
    });
  });

  it("returns an empty page when the filter names another city", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CityMeetingsElsewhere($id: ID!, $filter: MeetingFilter) {
          city(id: $id) {
            meetings(filter: $filter) {
              totalCount
              nodes {
                id
              }
            }
          }
        }
      `,
      { id: "city:astana", filter: { city: "city:amman" } },
    );
    expect(result).toEqual({
      status: 200,
      body: { data: { city: { meetings: { totalCount: 0, nodes: [] } } } },
    });
  });
});
