/**
 * A dataset of two reports: the bundled Kazakhstan–Jordan report and, beside it, a second small
 * (fictional, clearly marked) report of follow-up talks in Amman — test/fixtures/seed/second-report,
 * where the bundled files are links and the second report's citations give quotes only. The files
 * merge into one graph: the second report's records refer to the first's by id (leaders, the Astana
 * meeting it continues, Jordan, Amman, an area of cooperation), its quotes get their offsets and
 * sentences from the loader, and lists, relations and search span both reports.
 */
import { join } from "node:path";

import { SEED_COLLECTIONS } from "../../src/seed/seed.dto";
import { loadSeed } from "../../src/seed/seed.loader";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { createHarness, type Harness, SEED_DIR } from "../support/harness";

const SECOND_REPORT_DIR = join(__dirname, "..", "fixtures", "seed", "second-report");
const FOLLOW_UP = "source:test-amman-follow-up-2026-05-14";

const countsOf = (seedDir: string) => {
  const data = loadSeed({ seedDir });
  return Object.fromEntries(SEED_COLLECTIONS.map(collection => [collection, data[collection].length]));
};

describe("a second report beside the bundled one", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(new InMemoryRepository(loadSeed({ seedDir: SECOND_REPORT_DIR })));
  });
  afterAll(() => harness.stop());

  test("adds its records to the bundled report's, and only its own", () => {
    const bundled = countsOf(SEED_DIR);
    const both = countsOf(SECOND_REPORT_DIR);
    const added = Object.fromEntries(
      Object.entries(both).map(([collection, n]) => [collection, n - (bundled[collection] ?? 0)]),
    );
    expect(added).toEqual({
      sources: 1,
      countries: 0,
      cities: 0,
      leaders: 0,
      companies: 1,
      meetings: 1,
      delegations: 0,
      cooperationAreas: 1,
      positions: 2,
      commitments: 0,
      flightRoutes: 0,
      awards: 0,
      awardConferrals: 0,
      sharedValues: 0,
      statements: 0,
    });
  });

  test("its quote-only citations get their offsets and sentences from the loader", async () => {
    expect(
      await harness.run(`{
        company(id: "company:jordan-phosphate-mines") {
          name
          country { code }
          citations { quote start end sentence source { id title } }
        }
      }`),
    ).toEqual({
      status: 200,
      body: {
        data: {
          company: {
            name: "Jordan Phosphate Mines Company",
            country: { code: "JO" },
            citations: [
              {
                quote: "Jordan Phosphate Mines Company presented its plans for fertiliser exports to Kazakhstan",
                start: 423,
                end: 510,
                sentence: "Jordan Phosphate Mines Company presented its plans for fertiliser exports to Kazakhstan.",
                source: { id: FOLLOW_UP, title: "TEST FIXTURE: fictional follow-up talks in Amman" },
              },
            ],
          },
        },
      },
    });
  });

  test("its meeting continues the bundled report's, with the bundled leaders, and is now the latest", async () => {
    expect(
      await harness.run(`{
        bilateralRelations(countries: ["KZ", "JO"]) {
          latestMeeting {
            id
            date
            city { name }
            participants { id }
            continues { id continues { id } }
            citations { quote start end }
          }
          meetings { totalCount nodes { id } }
        }
      }`),
    ).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            latestMeeting: {
              id: "meeting:2026-05-14-amman",
              date: "2026-05-14",
              city: { name: "Amman" },
              participants: [{ id: "leader:abdullah-ii" }, { id: "leader:kassym-jomart-tokayev" }],
              continues: { id: "meeting:2025-08-27-astana", continues: { id: "meeting:amman-earlier-talks" } },
              citations: [
                { quote: "King Abdullah II received President Tokayev in Amman", start: 122, end: 174 },
                { quote: "review what the two leaders agreed in Astana in August 2025", start: 178, end: 237 },
                { quote: "AMMAN, 14 May 2026", start: 102, end: 120 },
              ],
            },
            meetings: {
              totalCount: 3,
              nodes: [
                { id: "meeting:2025-08-27-astana" },
                { id: "meeting:2026-05-14-amman" },
                { id: "meeting:amman-earlier-talks" },
              ],
            },
          },
        },
      },
    });
  });

  test("relations span both reports: an area of the first gains a position from the second", async () => {
    expect(
      await harness.run(`{
        cooperationArea(id: "area:agriculture") {
          positions { nodes { id stance actor { __typename ... on Company { name } ... on Leader { name } } } }
        }
      }`),
    ).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            positions: {
              nodes: [
                {
                  id: "position:abdullah-ii-noted-potential-agriculture",
                  stance: "NOTED_POTENTIAL",
                  actor: { __typename: "Leader", name: "Abdullah II ibn Al Hussein" },
                },
                {
                  id: "position:jordan-phosphate-mines-planned-agriculture",
                  stance: "PLANNED",
                  actor: { __typename: "Company", name: "Jordan Phosphate Mines Company" },
                },
                {
                  id: "position:tokayev-noted-potential-agriculture",
                  stance: "NOTED_POTENTIAL",
                  actor: { __typename: "Leader", name: "Kassym-Jomart Tokayev" },
                },
              ],
            },
          },
        },
      },
    });
  });

  test("search finds records of either report", async () => {
    const query = `query Find($text: String!) {
      search(text: $text, first: 3) { totalCount edges { matchedField node { ... on Node { id } } } }
    }`;
    /** The whole response of a search with `totalCount` matches, the first ones [matchedField, id]. */
    const found = (totalCount: number, edges: ReadonlyArray<readonly [string, string]>) => ({
      status: 200,
      body: {
        data: { search: { totalCount, edges: edges.map(([matchedField, id]) => ({ matchedField, node: { id } })) } },
      },
    });
    expect({
      desalination: await harness.run(query, { text: "desalination" }),
      phosphate: await harness.run(query, { text: "phosphate" }),
      kazatomprom: await harness.run(query, { text: "kazatomprom" }),
    }).toEqual({
      // A position is found by its area's name and its actor's, above its own summary's mention.
      desalination: found(2, [
        ["name", "area:water-desalination"],
        ["area", "position:leaders-proposed-water-desalination"],
      ]),
      phosphate: found(2, [
        ["name", "company:jordan-phosphate-mines"],
        ["actor", "position:jordan-phosphate-mines-planned-agriculture"],
      ]),
      // The bundled report: the first three of its six matches (the company, its position, its area).
      kazatomprom: found(6, [
        ["name", "company:kazatomprom"],
        ["actor", "position:kazatomprom-participates-nuclear"],
        ["companies", "area:nuclear"],
      ]),
    });
  });
});
