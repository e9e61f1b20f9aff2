import { CURSOR, EMPTY_PAGE_INFO, S_TIES, onePage, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const COMMON_VALUES = talks(
  "noting common values of tolerance and mutual respect shared by both nations",
  540,
  615,
  S_TIES,
);

const SHARED_VALUE = /* GraphQL */ `
  query SharedValue($id: ID!) {
    sharedValue(id: $id) {
      __typename
      id
      name
      aliases
      countries {
        code
      }
      notedBy {
        name
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
    }
  }
`;

describe("sharedValue(id:)", () => {
  it("returns tolerance, noted by President Tokayev as shared by both nations", async () => {
    const result = await h.run(SHARED_VALUE, { id: "value:tolerance" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          sharedValue: {
            __typename: "SharedValue",
            id: "value:tolerance",
            name: "Tolerance",
            aliases: [],
            countries: [{ code: "KZ" }, { code: "JO" }],
            notedBy: { name: "Kassym-Jomart Tokayev" },
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [COMMON_VALUES],
          },
        },
      },
    });
  });

  it("returns mutual respect, noted by President Tokayev as shared by both nations", async () => {
    const result = await h.run(SHARED_VALUE, { id: "value:mutual-respect" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          sharedValue: {
            __typename: "SharedValue",
            id: "value:mutual-respect",
            name: "Mutual respect",
            aliases: [],
            countries: [{ code: "KZ" }, { code: "JO" }],
            notedBy: { name: "Kassym-Jomart Tokayev" },
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [COMMON_VALUES],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(SHARED_VALUE, { id: "value:friendship" });
    expect(result).toEqual({ status: 200, body: { data: { sharedValue: null } } });
  });
});

const SHARED_VALUES = /* GraphQL */ `
  query SharedValues($filter: SharedValueFilter, $orderBy: NameOrder) {
    sharedValues(filter: $filter, orderBy: $orderBy) {
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
          name
        }
      }
    }
  }
`;

const BOTH = {
  status: 200,
  body: {
    data: {
      sharedValues: {
        totalCount: 2,
        pageInfo: onePage(2),
        edges: [
          { cursor: CURSOR[0], node: { name: "Mutual respect" } },
          { cursor: CURSOR[1], node: { name: "Tolerance" } },
        ],
      },
    },
  },
};
const NONE = {
  status: 200,
  body: { data: { sharedValues: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("sharedValues", () => {
  it("lists both values by name", async () => {
    expect(await h.run(SHARED_VALUES)).toEqual(BOTH);
  });

  it("orders by name descending", async () => {
    const result = await h.run(SHARED_VALUES, { orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          sharedValues: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: { name: "Tolerance" } },
              { cursor: CURSOR[1], node: { name: "Mutual respect" } },
            ],
          },
        },
      },
    });
  });

  it("filters by country", async () => {
    expect(await h.run(SHARED_VALUES, { filter: { country: "JO" } })).toEqual(BOTH);
    expect(await h.run(SHARED_VALUES, { filter: { country: "FR" } })).toEqual(NONE);
  });

  it("filters by the leader who noted them", async () => {
    expect(await h.run(SHARED_VALUES, { filter: { notedBy: "leader:kassym-jomart-tokayev" } })).toEqual(BOTH);
    expect(await h.run(SHARED_VALUES, { filter: { notedBy: "leader:abdullah-ii" } })).toEqual(NONE);
  });

  it("filters by meeting", async () => {
    expect(await h.run(SHARED_VALUES, { filter: { meeting: "meeting:2025-08-27-astana" } })).toEqual(BOTH);
    expect(await h.run(SHARED_VALUES, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(NONE);
  });

  it("filters by a pair of countries, in either order", async () => {
    expect(await h.run(SHARED_VALUES, { filter: { between: ["JO", "KZ"] } })).toEqual(BOTH);
    expect(await h.run(SHARED_VALUES, { filter: { between: ["KZ", "FR"] } })).toEqual(NONE);
  });
});

describe("SharedValue relations", () => {
  it("walks a value to the countries said to share it", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query ValueCountries($id: ID!) {
          sharedValue(id: $id) {
            countries {
              name
              demonym
            }
            notedBy {
              office
            }
          }
        }
      `,
      { id: "value:tolerance" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          sharedValue: {
            countries: [
              { name: "Kazakhstan", demonym: "Kazakhstani" },
              { name: "Jordan", demonym: "Jordanian" },
            ],
            notedBy: { office: "President of Kazakhstan" },
          },
        },
      },
    });
  });
});
