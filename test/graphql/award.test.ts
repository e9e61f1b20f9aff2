import { CURSOR, EMPTY_PAGE_INFO, S_AWARD, S_OPENING, S_RESPONSE, onePage, reference, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";
import { orderingRepository } from "../support/ordering-data";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const AWARD = /* GraphQL */ `
  query Award($id: ID!) {
    award(id: $id) {
      __typename
      id
      name
      aliases
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
      conferrals {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

describe("award(id:)", () => {
  it("returns the Order of Al-Nahda, Jordan's highest state award", async () => {
    const result = await h.run(AWARD, { id: "award:order-of-al-nahda" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          award: {
            __typename: "Award",
            id: "award:order-of-al-nahda",
            name: "Order of Al-Nahda",
            aliases: [],
            description: "The Kingdom of Jordan's highest state award",
            country: { code: "JO" },
            citations: [
              talks("the Kingdom’s highest state award, the Order of Al-Nahda", 2097, 2153, S_AWARD),
              reference("The Order of Al-Nahda is a Jordanian order.", 736, 779),
            ],
            conferrals: { totalCount: 1, nodes: [{ id: "conferral:order-of-al-nahda-tokayev-2025-08-27" }] },
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(AWARD, { id: "award:order-of-parasat" });
    expect(result).toEqual({ status: 200, body: { data: { award: null } } });
  });
});

const AWARDS = /* GraphQL */ `
  query Awards($filter: AwardFilter, $orderBy: NameOrder) {
    awards(filter: $filter, orderBy: $orderBy) {
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

const THE_ORDER = {
  status: 200,
  body: {
    data: {
      awards: {
        totalCount: 1,
        pageInfo: onePage(1),
        edges: [{ cursor: CURSOR[0], node: { id: "award:order-of-al-nahda", name: "Order of Al-Nahda" } }],
      },
    },
  },
};
const NO_AWARD = {
  status: 200,
  body: { data: { awards: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("awards", () => {
  it("lists the one award", async () => {
    expect(await h.run(AWARDS)).toEqual(THE_ORDER);
  });

  it("filters by country", async () => {
    expect(await h.run(AWARDS, { filter: { country: "JO" } })).toEqual(THE_ORDER);
    expect(await h.run(AWARDS, { filter: { country: "KZ" } })).toEqual(NO_AWARD);
  });

  it("filters by name, ignoring case", async () => {
    expect(await h.run(AWARDS, { filter: { nameContains: "AL-NAHDA" } })).toEqual(THE_ORDER);
    expect(await h.run(AWARDS, { filter: { nameContains: "medal" } })).toEqual(NO_AWARD);
  });
});

const CONFERRAL = /* GraphQL */ `
  query AwardConferral($id: ID!) {
    awardConferral(id: $id) {
      __typename
      id
      date
      reason
      recipientResponse
      award {
        name
      }
      conferredBy {
        name
      }
      recipient {
        name
      }
      city {
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

describe("awardConferral(id:)", () => {
  it("returns King Abdullah II's conferral of the Order of Al-Nahda on President Tokayev, in Astana on 27 August 2025", async () => {
    const result = await h.run(CONFERRAL, { id: "conferral:order-of-al-nahda-tokayev-2025-08-27" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          awardConferral: {
            __typename: "AwardConferral",
            id: "conferral:order-of-al-nahda-tokayev-2025-08-27",
            date: "2025-08-27",
            reason:
              "His significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan.",
            recipientResponse:
              "Expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.",
            award: { name: "Order of Al-Nahda" },
            conferredBy: { name: "Abdullah II ibn Al Hussein" },
            recipient: { name: "Kassym-Jomart Tokayev" },
            city: { name: "Astana" },
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [
              talks(
                "King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda",
                2037,
                2153,
                S_AWARD,
              ),
              talks(
                "recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan",
                2155,
                2269,
                S_AWARD,
              ),
              talks(
                "President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership",
                2272,
                2451,
                S_RESPONSE,
              ),
              talks("held talks on Aug. 27 in the Kazakh capital", 118, 161, S_OPENING),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(CONFERRAL, { id: "conferral:nothing" });
    expect(result).toEqual({ status: 200, body: { data: { awardConferral: null } } });
  });
});

const CONFERRALS = /* GraphQL */ `
  query AwardConferrals($filter: AwardConferralFilter, $orderBy: DatedOrder) {
    awardConferrals(filter: $filter, orderBy: $orderBy) {
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

const THE_CONFERRAL = {
  status: 200,
  body: {
    data: {
      awardConferrals: {
        totalCount: 1,
        pageInfo: onePage(1),
        edges: [
          { cursor: CURSOR[0], node: { id: "conferral:order-of-al-nahda-tokayev-2025-08-27", date: "2025-08-27" } },
        ],
      },
    },
  },
};
const NO_CONFERRAL = {
  status: 200,
  body: { data: { awardConferrals: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("awardConferrals", () => {
  it("lists the one conferral", async () => {
    expect(await h.run(CONFERRALS)).toEqual(THE_CONFERRAL);
  });

  it("filters by date ranges that include 27 August 2025", async () => {
    expect(await h.run(CONFERRALS, { filter: { date: { from: "2025-08-27" } } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { date: { to: "2025-08-27" } } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { date: { from: "2025-08-01", to: "2025-08-31" } } })).toEqual(
      THE_CONFERRAL,
    );
  });

  it("filters by date ranges that exclude 27 August 2025", async () => {
    expect(await h.run(CONFERRALS, { filter: { date: { to: "2025-08-26" } } })).toEqual(NO_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { date: { from: "2025-08-28" } } })).toEqual(NO_CONFERRAL);
  });

  it("filters by the pair of countries whose leaders exchanged it, in either order", async () => {
    expect(await h.run(CONFERRALS, { filter: { between: ["KZ", "JO"] } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { between: ["JO", "KZ"] } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { between: ["JO", "FR"] } })).toEqual(NO_CONFERRAL);
  });

  it("filters by country of the giver or the recipient", async () => {
    expect(await h.run(CONFERRALS, { filter: { country: "KZ" } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { country: "JO" } })).toEqual(THE_CONFERRAL);
  });

  it("filters by recipient and by giver", async () => {
    expect(await h.run(CONFERRALS, { filter: { recipient: "leader:kassym-jomart-tokayev" } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { recipient: "leader:abdullah-ii" } })).toEqual(NO_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { conferredBy: "leader:abdullah-ii" } })).toEqual(THE_CONFERRAL);
  });

  it("filters by award and by meeting", async () => {
    expect(await h.run(CONFERRALS, { filter: { award: "award:order-of-al-nahda" } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { meeting: "meeting:2025-08-27-astana" } })).toEqual(THE_CONFERRAL);
    expect(await h.run(CONFERRALS, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(NO_CONFERRAL);
  });

  it("combines a recipient with a date range", async () => {
    const result = await h.run(CONFERRALS, {
      filter: { recipient: "leader:kassym-jomart-tokayev", date: { from: "2025-09-01" } },
    });
    expect(result).toEqual(NO_CONFERRAL);
  });
});

describe("AwardConferral relations", () => {
  it("walks award → conferrals → giver and recipient → their countries", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AwardConferrals($id: ID!) {
          award(id: $id) {
            conferrals {
              nodes {
                conferredBy {
                  office
                  country {
                    code
                  }
                }
                recipient {
                  office
                  country {
                    code
                  }
                }
                city {
                  name
                  isCapital
                }
                meeting {
                  title
                }
              }
            }
          }
        }
      `,
      { id: "award:order-of-al-nahda" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          award: {
            conferrals: {
              nodes: [
                {
                  conferredBy: { office: "King of Jordan", country: { code: "JO" } },
                  recipient: { office: "President of Kazakhstan", country: { code: "KZ" } },
                  city: { name: "Astana", isCapital: true },
                  meeting: { title: "Tokayev–Abdullah II talks in Astana" },
                },
              ],
            },
          },
        },
      },
    });
  });

  it("filters an award's conferrals by recipient", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AwardConferralsTo($id: ID!, $filter: AwardConferralFilter) {
          award(id: $id) {
            conferrals(filter: $filter) {
              totalCount
              nodes {
                id
              }
            }
          }
        }
      `,
      { id: "award:order-of-al-nahda", filter: { recipient: "leader:abdullah-ii" } },
    );
    expect(result).toEqual({
      status: 200,
      body: { data: { award: { conferrals: { totalCount: 0, nodes: [] } } } },
    });
  });
});

describe("ordering awards and conferrals, over the seed's one each and four more (test/support/ordering-data.ts)", () => {
  let more: Harness;
  beforeAll(async () => {
    more = await createHarness(orderingRepository());
  });
  afterAll(() => more.stop());

  const ids = (field: "awards" | "awardConferrals", ...list: string[]) => ({
    status: 200,
    body: { data: { [field]: { nodes: list.map(id => ({ id })) } } },
  });

  it("orders awards by name, ignoring case, ties by id", async () => {
    const AWARD_IDS = `query AwardIds($orderBy: NameOrder) { awards(orderBy: $orderBy) { nodes { id } } }`;
    // "ALPHA" (order-4) and "alpha" (order-2) tie; "Bravo", "charlie", "Order of Al-Nahda" follow
    expect(await more.run(AWARD_IDS, { orderBy: { field: "NAME", direction: "DESC" } })).toEqual(
      ids("awards", "award:order-of-al-nahda", "award:order-1", "award:order-3", "award:order-4", "award:order-2"),
    );
    expect(await more.run(AWARD_IDS, { orderBy: { field: "NAME", direction: "ASC" } })).toEqual(
      ids("awards", "award:order-2", "award:order-4", "award:order-3", "award:order-1", "award:order-of-al-nahda"),
    );
  });

  it("orders conferrals by date descending (ties by id) and by their award's name", async () => {
    const CONFERRAL_IDS = `query ConferralIds($orderBy: DatedOrder) { awardConferrals(orderBy: $orderBy) { nodes { id } } }`;
    const SEEDED = "conferral:order-of-al-nahda-tokayev-2025-08-27";
    // dated 2026-02-02, 2025-08-27, 2024-01-05 (order-4 and order-1), 2023-06-01
    expect(await more.run(CONFERRAL_IDS, { orderBy: { field: "DATE", direction: "DESC" } })).toEqual(
      ids(
        "awardConferrals",
        "conferral:order-2",
        SEEDED,
        "conferral:order-4",
        "conferral:order-1",
        "conferral:order-3",
      ),
    );
    expect(await more.run(CONFERRAL_IDS, { orderBy: { field: "NAME", direction: "ASC" } })).toEqual(
      ids(
        "awardConferrals",
        "conferral:order-2",
        "conferral:order-4",
        "conferral:order-3",
        "conferral:order-1",
        SEEDED,
      ),
    );
  });
});
