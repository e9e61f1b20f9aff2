import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const NODE = /* GraphQL */ `
  query NodeById($id: ID!) {
    node(id: $id) {
      __typename
      id
    }
  }
`;

describe("node(id:)", () => {
  it.each([
    ["Source", "source:kazakhstan-jordan-talks-2025-08-27"],
    ["Source", "source:reference-facts"],
    ["Country", "country:KZ"],
    ["Country", "country:JO"],
    ["City", "city:almaty"],
    ["Leader", "leader:abdullah-ii"],
    ["Company", "company:jumco"],
    ["Meeting", "meeting:amman-earlier-talks"],
    ["Delegation", "delegation:jo-2025-08-27-astana"],
    ["CooperationArea", "area:halal-industry"],
    ["Position", "position:jordan-proposed-halal-industry"],
    ["Commitment", "commitment:kz-non-resource-exports-250m"],
    ["FlightRoute", "route:royal-jordanian-amman-almaty"],
    ["Award", "award:order-of-al-nahda"],
    ["AwardConferral", "conferral:order-of-al-nahda-tokayev-2025-08-27"],
    ["SharedValue", "value:mutual-respect"],
    ["Statement", "statement:tokayev-gratitude-for-award"],
  ])("resolves a %s by its id %s", async (typename, id) => {
    const result = await h.run(NODE, { id });
    expect(result).toEqual({ status: 200, body: { data: { node: { __typename: typename, id } } } });
  });

  it("returns null, not an error, for an unknown id", async () => {
    const result = await h.run(NODE, { id: "leader:nobody" });
    expect(result).toEqual({ status: 200, body: { data: { node: null } } });
  });

  it("returns null for an id of the wrong case (ids are exact)", async () => {
    const result = await h.run(NODE, { id: "country:kz" });
    expect(result).toEqual({ status: 200, body: { data: { node: null } } });
  });

  it("returns null for an empty id", async () => {
    const result = await h.run(NODE, { id: "" });
    expect(result).toEqual({ status: 200, body: { data: { node: null } } });
  });

  it("resolves type-specific fields through inline fragments", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query NodeFragments($id: ID!) {
          node(id: $id) {
            __typename
            ... on FlightRoute {
              plannedYear
              origin {
                name
              }
              destination {
                name
              }
            }
            ... on Country {
              name
            }
          }
        }
      `,
      { id: "route:royal-jordanian-amman-almaty" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          node: {
            __typename: "FlightRoute",
            plannedYear: 2026,
            origin: { name: "Amman" },
            destination: { name: "Almaty" },
          },
        },
      },
    });
  });
});

const NODES = /* GraphQL */ `
  query NodesByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`;

describe("nodes(ids:)", () => {
  it("resolves one id of every type, in the order asked", async () => {
    const result = await h.run(NODES, {
      ids: [
        "statement:leaders-reaffirm-deepening-relations",
        "value:tolerance",
        "conferral:order-of-al-nahda-tokayev-2025-08-27",
        "award:order-of-al-nahda",
        "route:royal-jordanian-amman-almaty",
        "commitment:trade-turnover-500m",
        "position:tokayev-supported-nuclear",
        "area:nuclear",
        "delegation:kz-2025-08-27-astana",
        "meeting:2025-08-27-astana",
        "company:kazatomprom",
        "leader:kassym-jomart-tokayev",
        "city:astana",
        "country:KZ",
        "source:kazakhstan-jordan-talks-2025-08-27",
      ],
    });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          nodes: [
            { __typename: "Statement", id: "statement:leaders-reaffirm-deepening-relations" },
            { __typename: "SharedValue", id: "value:tolerance" },
            { __typename: "AwardConferral", id: "conferral:order-of-al-nahda-tokayev-2025-08-27" },
            { __typename: "Award", id: "award:order-of-al-nahda" },
            { __typename: "FlightRoute", id: "route:royal-jordanian-amman-almaty" },
            { __typename: "Commitment", id: "commitment:trade-turnover-500m" },
            { __typename: "Position", id: "position:tokayev-supported-nuclear" },
            { __typename: "CooperationArea", id: "area:nuclear" },
            { __typename: "Delegation", id: "delegation:kz-2025-08-27-astana" },
            { __typename: "Meeting", id: "meeting:2025-08-27-astana" },
            { __typename: "Company", id: "company:kazatomprom" },
            { __typename: "Leader", id: "leader:kassym-jomart-tokayev" },
            { __typename: "City", id: "city:astana" },
            { __typename: "Country", id: "country:KZ" },
            { __typename: "Source", id: "source:kazakhstan-jordan-talks-2025-08-27" },
          ],
        },
      },
    });
  });

  it("returns null in place of each unknown id, keeping the order and repeats", async () => {
    const result = await h.run(NODES, {
      ids: ["country:JO", "country:FR", "leader:abdullah-ii", "nothing", "country:JO"],
    });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          nodes: [
            { __typename: "Country", id: "country:JO" },
            null,
            { __typename: "Leader", id: "leader:abdullah-ii" },
            null,
            { __typename: "Country", id: "country:JO" },
          ],
        },
      },
    });
  });

  it("returns an empty list for no ids", async () => {
    const result = await h.run(NODES, { ids: [] });
    expect(result).toEqual({ status: 200, body: { data: { nodes: [] } } });
  });

  it("accepts exactly 100 ids", async () => {
    const ids = Array.from({ length: 100 }, () => "city:amman");
    const result = await h.run(NODES, { ids });
    expect(result).toEqual({
      status: 200,
      body: { data: { nodes: Array.from({ length: 100 }, () => ({ __typename: "City", id: "city:amman" })) } },
    });
  });

  it("refuses more than 100 ids with BAD_USER_INPUT", async () => {
    const ids = Array.from({ length: 101 }, () => "city:amman");
    const result = await h.run(NODES, { ids });
    expect(result).toEqual({
      status: 400,
      body: {
        data: null,
        errors: [
          {
            message: "Invalid argument: ids must hold at most 100 ids",
            locations: [{ line: 3, column: 5 }],
            path: ["nodes"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "ids", messages: ["ids must hold at most 100 ids"] }],
            },
          },
        ],
      },
    });
  });
});
