import {
  CURSOR,
  EMPTY_PAGE_INFO,
  S_CONTINUATION,
  S_EXPANDED,
  S_GRATITUDE,
  S_OPENING,
  S_ACADEMIC,
  S_TRADE,
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

const MEETING = /* GraphQL */ `
  query Meeting($id: ID!) {
    meeting(id: $id) {
      __typename
      id
      title
      description
      date
      city {
        id
        name
      }
      hostCountry {
        code
      }
      participants {
        id
        name
      }
      invitedBy {
        id
        name
      }
      continues {
        id
        title
        date
      }
      continuedBy {
        totalCount
        nodes {
          id
          date
        }
      }
      formats {
        format
        description
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

const TOKAYEV = { id: "leader:kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev" };
const ABDULLAH = { id: "leader:abdullah-ii", name: "Abdullah II ibn Al Hussein" };

describe("meeting(id:)", () => {
  it("returns the Astana talks: one to one, then expanded; at Tokayev's invitation; continuing the Amman talks", async () => {
    const result = await h.run(MEETING, { id: "meeting:2025-08-27-astana" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            __typename: "Meeting",
            id: "meeting:2025-08-27-astana",
            title: "Tokayev–Abdullah II talks in Astana",
            description:
              "Talks between President Kassym-Jomart Tokayev of Kazakhstan and King Abdullah II of Jordan in Astana on 27 August 2025, during King Abdullah II's visit to Kazakhstan, continued in an expanded format with official delegations.",
            date: "2025-08-27",
            city: { id: "city:astana", name: "Astana" },
            hostCountry: { code: "KZ" },
            participants: [TOKAYEV, ABDULLAH],
            invitedBy: TOKAYEV,
            continues: {
              id: "meeting:amman-earlier-talks",
              title: "Earlier Tokayev–Abdullah II discussions in Amman",
              date: null,
            },
            continuedBy: { totalCount: 0, nodes: [] },
            formats: [
              {
                format: "ONE_TO_ONE",
                description: "The leaders' talks, before they continued in an expanded format.",
                citations: [
                  talks(
                    "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks",
                    26,
                    128,
                    S_OPENING,
                  ),
                  talks("held talks on Aug. 27 in the Kazakh capital", 118, 161, S_OPENING),
                  talks("During the meeting", 253, 271, S_GRATITUDE),
                  talks(
                    "The talks continued in an expanded format with the participation of official delegations",
                    928,
                    1016,
                    S_EXPANDED,
                  ),
                ],
              },
              {
                format: "EXPANDED",
                description: "Talks in an expanded format with the participation of official delegations.",
                citations: [
                  talks(
                    "The talks continued in an expanded format with the participation of official delegations",
                    928,
                    1016,
                    S_EXPANDED,
                  ),
                  talks(
                    "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                    1018,
                    1110,
                    S_TRADE,
                  ),
                  talks(
                    "with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                    1112,
                    1221,
                    S_TRADE,
                  ),
                  talks(
                    "The officials also expressed interest in expanding cultural and academic cooperation",
                    1887,
                    1971,
                    S_ACADEMIC,
                  ),
                ],
              },
            ],
            citations: [
              talks(
                "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital",
                26,
                161,
                S_OPENING,
              ),
              talks(
                "President Tokayev expressed gratitude to King Abdullah II for accepting the invitation to visit Kazakhstan",
                273,
                379,
                S_GRATITUDE,
              ),
              talks(
                "King Abdullah II emphasized the significance of the visit as a continuation of his earlier discussions with President Tokayev in Amman",
                635,
                769,
                S_CONTINUATION,
              ),
              talks(
                "The talks continued in an expanded format with the participation of official delegations",
                928,
                1016,
                S_EXPANDED,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns the earlier, undated Amman talks, continued by the Astana visit", async () => {
    const result = await h.run(MEETING, { id: "meeting:amman-earlier-talks" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            __typename: "Meeting",
            id: "meeting:amman-earlier-talks",
            title: "Earlier Tokayev–Abdullah II discussions in Amman",
            description:
              "Earlier, undated discussions between King Abdullah II and President Tokayev in Amman, of which the Astana visit is described as a continuation.",
            date: null,
            city: { id: "city:amman", name: "Amman" },
            hostCountry: { code: "JO" },
            participants: [TOKAYEV, ABDULLAH],
            invitedBy: null,
            continues: null,
            continuedBy: { totalCount: 1, nodes: [{ id: "meeting:2025-08-27-astana", date: "2025-08-27" }] },
            formats: [],
            citations: [
              talks("his earlier discussions with President Tokayev in Amman", 714, 769, S_CONTINUATION),
              reference("The capital of Jordan is Amman.", 477, 508),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(MEETING, { id: "meeting:2024-01-01-nowhere" });
    expect(result).toEqual({ status: 200, body: { data: { meeting: null } } });
  });
});

const MEETING_RELATIONS = /* GraphQL */ `
  query MeetingRelations($id: ID!) {
    meeting(id: $id) {
      delegations {
        totalCount
        nodes {
          name
        }
      }
      positions {
        totalCount
      }
      cooperationAreas {
        totalCount
      }
      commitments {
        totalCount
        nodes {
          title
        }
      }
      awardConferrals {
        totalCount
        nodes {
          id
        }
      }
      statements {
        totalCount
      }
      sharedValues {
        totalCount
        nodes {
          name
        }
      }
    }
  }
`;

describe("Meeting relations", () => {
  it("lists what came of the Astana talks", async () => {
    const result = await h.run(MEETING_RELATIONS, { id: "meeting:2025-08-27-astana" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            delegations: {
              totalCount: 2,
              nodes: [{ name: "Official delegation of Jordan" }, { name: "Official delegation of Kazakhstan" }],
            },
            positions: { totalCount: 24 },
            cooperationAreas: { totalCount: 16 },
            commitments: {
              totalCount: 2,
              nodes: [
                { title: "Increase bilateral trade turnover to $500 million" },
                { title: "Kazakhstan offers 60 types of non-resource goods worth $250 million for export to Jordan" },
              ],
            },
            awardConferrals: { totalCount: 1, nodes: [{ id: "conferral:order-of-al-nahda-tokayev-2025-08-27" }] },
            statements: { totalCount: 9 },
            sharedValues: { totalCount: 2, nodes: [{ name: "Mutual respect" }, { name: "Tolerance" }] },
          },
        },
      },
    });
  });

  it("lists nothing for the Amman talks, of which the article reports no outcome", async () => {
    const result = await h.run(MEETING_RELATIONS, { id: "meeting:amman-earlier-talks" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            delegations: { totalCount: 0, nodes: [] },
            positions: { totalCount: 0 },
            cooperationAreas: { totalCount: 0 },
            commitments: { totalCount: 0, nodes: [] },
            awardConferrals: { totalCount: 0, nodes: [] },
            statements: { totalCount: 0 },
            sharedValues: { totalCount: 0, nodes: [] },
          },
        },
      },
    });
  });

  it("filters the meeting's positions by actor country and stance", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query MeetingPositions($id: ID!, $filter: PositionFilter) {
          meeting(id: $id) {
            positions(filter: $filter) {
              totalCount
              nodes {
                id
              }
            }
          }
        }
      `,
      { id: "meeting:2025-08-27-astana", filter: { actorCountry: "JO", stance: "NOTED_POTENTIAL" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            positions: {
              totalCount: 3,
              nodes: [
                { id: "position:abdullah-ii-noted-potential-agriculture" },
                { id: "position:abdullah-ii-noted-potential-digitalization" },
                { id: "position:abdullah-ii-noted-potential-tourism" },
              ],
            },
          },
        },
      },
    });
  });
});

const MEETINGS = /* GraphQL */ `
  query Meetings($filter: MeetingFilter, $orderBy: DatedOrder) {
    meetings(filter: $filter, orderBy: $orderBy) {
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

const BOTH = {
  status: 200,
  body: {
    data: {
      meetings: {
        totalCount: 2,
        pageInfo: onePage(2),
        edges: [
          { cursor: CURSOR[0], node: ASTANA },
          { cursor: CURSOR[1], node: AMMAN },
        ],
      },
    },
  },
};
const ONLY_ASTANA = {
  status: 200,
  body: { data: { meetings: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: ASTANA }] } } },
};
const ONLY_AMMAN = {
  status: 200,
  body: { data: { meetings: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: AMMAN }] } } },
};
const NONE = {
  status: 200,
  body: { data: { meetings: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("meetings", () => {
  it("lists both meetings by date, the undated one last", async () => {
    expect(await h.run(MEETINGS)).toEqual(BOTH);
  });

  it("filters by a date range starting on the day of the talks", async () => {
    expect(await h.run(MEETINGS, { filter: { date: { from: "2025-08-27" } } })).toEqual(ONLY_ASTANA);
  });

  it("filters by a date range ending on the day of the talks", async () => {
    expect(await h.run(MEETINGS, { filter: { date: { to: "2025-08-27" } } })).toEqual(ONLY_ASTANA);
  });

  it("includes both ends of a one-day range", async () => {
    expect(await h.run(MEETINGS, { filter: { date: { from: "2025-08-27", to: "2025-08-27" } } })).toEqual(ONLY_ASTANA);
  });

  it("finds no meeting before the talks: the undated one never matches a range", async () => {
    expect(await h.run(MEETINGS, { filter: { date: { to: "2025-08-26" } } })).toEqual(NONE);
  });

  it("finds no meeting after the talks", async () => {
    expect(await h.run(MEETINGS, { filter: { date: { from: "2025-08-28", to: "2025-12-31" } } })).toEqual(NONE);
  });

  it("filters by country: both countries took part in both meetings", async () => {
    expect(await h.run(MEETINGS, { filter: { country: "JO" } })).toEqual(BOTH);
  });

  it("filters by a country that took part in none", async () => {
    expect(await h.run(MEETINGS, { filter: { country: "FR" } })).toEqual(NONE);
  });

  it("filters by participant", async () => {
    expect(await h.run(MEETINGS, { filter: { participant: "leader:abdullah-ii" } })).toEqual(BOTH);
  });

  it("filters by city", async () => {
    expect(await h.run(MEETINGS, { filter: { city: "city:amman" } })).toEqual(ONLY_AMMAN);
  });

  it("filters by the meeting continued", async () => {
    expect(await h.run(MEETINGS, { filter: { continues: "meeting:amman-earlier-talks" } })).toEqual(ONLY_ASTANA);
  });

  it("filters by a pair of countries, in either order", async () => {
    expect(await h.run(MEETINGS, { filter: { between: ["JO", "KZ"] } })).toEqual(BOTH);
  });

  it("combines a city and a date range", async () => {
    expect(await h.run(MEETINGS, { filter: { city: "city:astana", date: { from: "2025-01-01" } } })).toEqual(
      ONLY_ASTANA,
    );
  });

  it("combines filters that exclude each other", async () => {
    expect(await h.run(MEETINGS, { filter: { city: "city:amman", date: { from: "2000-01-01" } } })).toEqual(NONE);
  });
});
