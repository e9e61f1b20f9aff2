import { CURSOR, EMPTY_PAGE_INFO, S_FLIGHTS, onePage, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";
import { orderingRepository } from "../support/ordering-data";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const ROUTE = /* GraphQL */ `
  query FlightRoute($id: ID!) {
    flightRoute(id: $id) {
      __typename
      id
      direct
      status
      plannedYear
      plannedYearBasis
      expectedBenefits
      operator {
        id
        name
      }
      origin {
        name
        country {
          code
        }
      }
      destination {
        name
        country {
          code
        }
      }
      area {
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

describe("flightRoute(id:)", () => {
  it("returns Royal Jordanian's planned direct Amman–Almaty route, due next year: 2026", async () => {
    const result = await h.run(ROUTE, { id: "route:royal-jordanian-amman-almaty" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          flightRoute: {
            __typename: "FlightRoute",
            id: "route:royal-jordanian-amman-almaty",
            direct: true,
            status: "PLANNED",
            plannedYear: 2026,
            plannedYearBasis: '"next year" relative to the report\'s date, 2025-08-27',
            expectedBenefits: ["business exchanges", "people-to-people exchanges"],
            operator: { id: "company:royal-jordanian", name: "Royal Jordanian Airlines" },
            origin: { name: "Amman", country: { code: "JO" } },
            destination: { name: "Almaty", country: { code: "KZ" } },
            area: { name: "Aviation" },
            citations: [
              talks(
                "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year",
                1726,
                1816,
                S_FLIGHTS,
              ),
              talks("which is expected to boost business and people-to-people exchanges", 1818, 1884, S_FLIGHTS),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(ROUTE, { id: "route:air-astana-almaty-amman" });
    expect(result).toEqual({ status: 200, body: { data: { flightRoute: null } } });
  });
});

const ROUTES = /* GraphQL */ `
  query FlightRoutes($filter: FlightRouteFilter, $orderBy: DatedOrder) {
    flightRoutes(filter: $filter, orderBy: $orderBy) {
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
          plannedYear
        }
      }
    }
  }
`;

const THE_ROUTE = {
  status: 200,
  body: {
    data: {
      flightRoutes: {
        totalCount: 1,
        pageInfo: onePage(1),
        edges: [{ cursor: CURSOR[0], node: { id: "route:royal-jordanian-amman-almaty", plannedYear: 2026 } }],
      },
    },
  },
};
const NONE = {
  status: 200,
  body: { data: { flightRoutes: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("flightRoutes", () => {
  it("lists the one route", async () => {
    expect(await h.run(ROUTES)).toEqual(THE_ROUTE);
  });

  it("filters by operator", async () => {
    expect(await h.run(ROUTES, { filter: { operator: "company:royal-jordanian" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { operator: "company:jumco" } })).toEqual(NONE);
  });

  it("filters by area", async () => {
    expect(await h.run(ROUTES, { filter: { area: "area:aviation" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { area: "area:tourism" } })).toEqual(NONE);
  });

  it("filters by either end city", async () => {
    expect(await h.run(ROUTES, { filter: { city: "city:amman" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { city: "city:almaty" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { city: "city:astana" } })).toEqual(NONE);
  });

  it("filters by either end country", async () => {
    expect(await h.run(ROUTES, { filter: { country: "JO" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { country: "KZ" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { country: "FR" } })).toEqual(NONE);
  });

  it("filters by status", async () => {
    expect(await h.run(ROUTES, { filter: { status: "PLANNED" } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { status: "OPERATING" } })).toEqual(NONE);
  });

  it("filters by the pair of countries it links, in either order", async () => {
    expect(await h.run(ROUTES, { filter: { between: ["KZ", "JO"] } })).toEqual(THE_ROUTE);
    expect(await h.run(ROUTES, { filter: { between: ["JO", "KZ"] } })).toEqual(THE_ROUTE);
  });

  it("combines status and operator", async () => {
    expect(await h.run(ROUTES, { filter: { status: "SUSPENDED", operator: "company:royal-jordanian" } })).toEqual(NONE);
  });
});

describe("FlightRoute relations", () => {
  it("reaches the route from both of its cities, and from neither of the others", async () => {
    const result = await h.run(/* GraphQL */ `
      query CityRoutes {
        cities {
          nodes {
            name
            flightRoutes {
              totalCount
              nodes {
                id
                origin {
                  name
                }
                destination {
                  name
                }
              }
            }
          }
        }
      }
    `);
    const route = {
      id: "route:royal-jordanian-amman-almaty",
      origin: { name: "Amman" },
      destination: { name: "Almaty" },
    };
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cities: {
            nodes: [
              { name: "Almaty", flightRoutes: { totalCount: 1, nodes: [route] } },
              { name: "Amman", flightRoutes: { totalCount: 1, nodes: [route] } },
              { name: "Astana", flightRoutes: { totalCount: 0, nodes: [] } },
            ],
          },
        },
      },
    });
  });
});

describe("flightRoutes ordering, over the seed's route and four more (test/support/ordering-data.ts)", () => {
  let more: Harness;
  beforeAll(async () => {
    more = await createHarness(orderingRepository());
  });
  afterAll(() => more.stop());

  const ORDERED = /* GraphQL */ `
    query OrderedRoutes($orderBy: DatedOrder) {
      flightRoutes(orderBy: $orderBy) {
        nodes {
          id
          plannedYear
          origin {
            name
          }
        }
      }
    }
  `;
  const route = (id: string, plannedYear: number | null, origin: string) => ({
    id,
    plannedYear,
    origin: { name: origin },
  });
  const AMMAN = route("route:royal-jordanian-amman-almaty", 2026, "Amman");
  const R1 = route("route:order-1", 2024, "charlie");
  const R2 = route("route:order-2", null, "alpha");
  const R3 = route("route:order-3", 2023, "Bravo");
  const R4 = route("route:order-4", 2024, "ALPHA");
  const ordered = (...nodes: Array<typeof AMMAN>) => ({ status: 200, body: { data: { flightRoutes: { nodes } } } });

  it("orders by planned year, newest first, ties by id, the route without a year last", async () => {
    expect(await more.run(ORDERED, { orderBy: { field: "DATE", direction: "DESC" } })).toEqual(
      ordered(AMMAN, R4, R1, R3, R2),
    );
  });

  it("orders by planned year, oldest first, the route without a year last", async () => {
    expect(await more.run(ORDERED, { orderBy: { field: "DATE", direction: "ASC" } })).toEqual(
      ordered(R3, R1, R4, AMMAN, R2),
    );
  });

  it("orders by name (origin – destination), ignoring case, ties by id", async () => {
    expect(await more.run(ORDERED, { orderBy: { field: "NAME", direction: "ASC" } })).toEqual(
      ordered(R2, R4, AMMAN, R3, R1),
    );
    expect(await more.run(ORDERED, { orderBy: { field: "NAME", direction: "DESC" } })).toEqual(
      ordered(R1, R3, AMMAN, R4, R2),
    );
  });
});
