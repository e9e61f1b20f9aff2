/**
 * The typed client example (examples/client): the committed generated code matches the committed
 * schema and operations, the client type-checks, and every operation run through `execute` against
 * the real service returns exactly the data the seed holds, typed by the generated result types.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { execute, GraphQLRequestError } from "../../examples/client/client";
import { main } from "../../examples/client/main";
import {
  type AwardConferralSummaryFragment,
  BilateralSummaryDocument,
  type BilateralSummaryQuery,
  CooperationAreasPageDocument,
  type CooperationAreasPageQuery,
  CountryWithLeadersAndAwardsDocument,
  type CountryWithLeadersAndAwardsQuery,
  SearchDocument,
  type SearchQuery,
} from "../../examples/client/generated/graphql";
import type { App } from "../../src/app";
import { CURSOR } from "../support/article";
import { ROOT } from "../support/harness";
import { startTestServer } from "../support/server";

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

// Without jest's NODE_ENV=test, under which graphql-codegen prints nothing, not even its errors.
const { NODE_ENV: _jestNodeEnv, ...childEnv } = process.env;

/** Runs a local binary to completion. */
function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...childEnv, FORCE_COLOR: "0" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const codegenCheck = (cwd: string) =>
  run(bin("graphql-codegen"), ["--config", "examples/client/codegen.ts", "--check"], cwd);

describe("codegen --check", () => {
  test("passes: examples/client/generated is what codegen writes for schema.graphql and the operations", () => {
    const result = codegenCheck(ROOT);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
  });

  describe("in a copy of the client (schema.graphql + examples/client)", () => {
    let dir: string;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "bilateral-graph-client-"));
      cpSync(join(ROOT, "schema.graphql"), join(dir, "schema.graphql"));
      for (const part of ["codegen.ts", "operations", "generated"]) {
        cpSync(join(ROOT, "examples", "client", part), join(dir, "examples", "client", part), { recursive: true });
      }
      // The preset and plugins resolve from the working directory's node_modules.
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    });

    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    test("passes while nothing changed (so the failures below are the changes')", () => {
      expect(codegenCheck(dir).status).toBe(0);
    });

    test("fails when an operation changed and generated/ was not regenerated", () => {
      const file = join(dir, "examples", "client", "operations", "country-with-leaders-and-awards.graphql");
      writeFileSync(file, readFileSync(file, "utf8").replace("    officialName\n", "    officialName\n    demonym\n"));
      const result = codegenCheck(dir);
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toContain("examples/client/generated/graphql.ts");
    });

    test("fails when a custom scalar of the schema is missing from the scalar map (strictScalars)", () => {
      const file = join(dir, "examples", "client", "codegen.ts");
      writeFileSync(file, readFileSync(file, "utf8").replace('SafeInt: "number",', ""));
      const result = codegenCheck(dir);
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toContain("Unknown scalar type SafeInt");
    });
  });
});

/**
 * Never called: its body is type-checked (by `tsc -p .` and ts-jest), and each `@ts-expect-error`
 * fails the check if the line below it stops being an error — variables and results are typed.
 */
export function typedVariablesAndResults(url: string): void {
  // @ts-expect-error `code` is a CountryCode, a string
  void execute(url, CountryWithLeadersAndAwardsDocument, { code: 42 });
  // @ts-expect-error `code` is required
  void execute(url, CountryWithLeadersAndAwardsDocument, {});
  // @ts-expect-error `first` is Int!, not optional
  void execute(url, CooperationAreasPageDocument, { after: null });
  void execute(url, SearchDocument, { text: "jumco" }).then(({ search }) => {
    const node = search.edges[0]?.node;
    // @ts-expect-error `name` is not on every member of the SearchResult union
    void node?.name;
    if (node?.__typename === "Company") void node.country.code; // narrowed by __typename
  });
}

describe("tsc --noEmit -p examples/client/tsconfig.json", () => {
  test("type-checks the client, main.ts, codegen.ts and the generated code without a message", () => {
    expect(run(bin("tsc"), ["--noEmit", "-p", "examples/client/tsconfig.json"], ROOT)).toEqual({
      status: 0,
      stdout: "",
      stderr: "",
    });
  });
});

const AL_NAHDA_TO_TOKAYEV: AwardConferralSummaryFragment = {
  id: "conferral:order-of-al-nahda-tokayev-2025-08-27",
  date: "2025-08-27",
  award: { name: "Order of Al-Nahda", country: { name: "Jordan" } },
  conferredBy: { name: "Abdullah II ibn Al Hussein", title: "King", country: { name: "Jordan" } },
  recipient: { name: "Kassym-Jomart Tokayev", title: "President", country: { name: "Kazakhstan" } },
  city: { name: "Astana" },
  reason: "His significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan.",
  citations: [
    {
      quote:
        "King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda",
    },
    {
      quote:
        "recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan",
    },
    {
      quote:
        "President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership",
    },
    { quote: "held talks on Aug. 27 in the Kazakh capital" },
  ],
};

const TOKAYEV = {
  __typename: "Leader",
  id: "leader:kassym-jomart-tokayev",
  name: "Kassym-Jomart Tokayev",
  title: "President",
} as const;
const ABDULLAH = {
  __typename: "Leader",
  id: "leader:abdullah-ii",
  name: "Abdullah II ibn Al Hussein",
  title: "King",
} as const;
const JO_DELEGATION = {
  __typename: "Delegation",
  id: "delegation:jo-2025-08-27-astana",
  name: "Official delegation of Jordan",
} as const;
const KZ_DELEGATION = {
  __typename: "Delegation",
  id: "delegation:kz-2025-08-27-astana",
  name: "Official delegation of Kazakhstan",
} as const;
const JORDAN = { __typename: "Country", id: "country:JO", name: "Jordan" } as const;

/** Captures what a promise rejects with, as a plain object. */
async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLRequestError) {
      return { name: error.name, message: error.message, status: error.status, errors: error.errors };
    }
    throw error;
  }
  throw new Error("expected the promise to reject");
}

describe("the example operations through execute() against the real service", () => {
  let app: App;

  beforeAll(async () => {
    app = await startTestServer();
  });
  afterAll(() => app.stop());

  test("CountryWithLeadersAndAwards(JO): the King, and the Order of Al-Nahda he conferred, with its quotes", async () => {
    const expected: CountryWithLeadersAndAwardsQuery = {
      country: {
        id: "country:JO",
        code: "JO",
        name: "Jordan",
        officialName: "Hashemite Kingdom of Jordan",
        capital: { name: "Amman" },
        leaders: {
          totalCount: 1,
          nodes: [
            {
              id: "leader:abdullah-ii",
              name: "Abdullah II ibn Al Hussein",
              title: "King",
              office: "King of Jordan",
              awardsReceived: { totalCount: 0, nodes: [] },
              awardsConferred: { totalCount: 1, nodes: [AL_NAHDA_TO_TOKAYEV] },
            },
          ],
        },
      },
    };
    expect(await execute(app.url, CountryWithLeadersAndAwardsDocument, { code: "JO" })).toEqual(expected);
  });

  test("CountryWithLeadersAndAwards(KZ): the President, who received the Order of Al-Nahda", async () => {
    const expected: CountryWithLeadersAndAwardsQuery = {
      country: {
        id: "country:KZ",
        code: "KZ",
        name: "Kazakhstan",
        officialName: "Republic of Kazakhstan",
        capital: { name: "Astana" },
        leaders: {
          totalCount: 1,
          nodes: [
            {
              id: "leader:kassym-jomart-tokayev",
              name: "Kassym-Jomart Tokayev",
              title: "President",
              office: "President of Kazakhstan",
              awardsReceived: { totalCount: 1, nodes: [AL_NAHDA_TO_TOKAYEV] },
              awardsConferred: { totalCount: 0, nodes: [] },
            },
          ],
        },
      },
    };
    expect(await execute(app.url, CountryWithLeadersAndAwardsDocument, { code: "KZ" })).toEqual(expected);
  });

  test("CountryWithLeadersAndAwards(FR): null, since the graph has no France", async () => {
    const expected: CountryWithLeadersAndAwardsQuery = { country: null };
    expect(await execute(app.url, CountryWithLeadersAndAwardsDocument, { code: "FR" })).toEqual(expected);
  });

  test("CooperationAreasPage: the first page of 4, then the next page from its endCursor", async () => {
    const first = await execute(app.url, CooperationAreasPageDocument, { first: 4 });
    const expectedFirst: CooperationAreasPageQuery = {
      cooperationAreas: {
        totalCount: 16,
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[3] },
        edges: [
          {
            cursor: CURSOR[0],
            node: {
              id: "area:academic",
              name: "Academic cooperation",
              category: "HUMANITARIAN",
              positions: {
                totalCount: 2,
                nodes: [
                  {
                    id: "position:jo-delegation-expressed-interest-academic",
                    stance: "EXPRESSED_INTEREST",
                    actor: JO_DELEGATION,
                  },
                  {
                    id: "position:kz-delegation-expressed-interest-academic",
                    stance: "EXPRESSED_INTEREST",
                    actor: KZ_DELEGATION,
                  },
                ],
              },
            },
          },
          {
            cursor: CURSOR[1],
            node: {
              id: "area:agriculture",
              name: "Agriculture",
              category: "ECONOMIC",
              positions: {
                totalCount: 2,
                nodes: [
                  {
                    id: "position:abdullah-ii-noted-potential-agriculture",
                    stance: "NOTED_POTENTIAL",
                    actor: ABDULLAH,
                  },
                  { id: "position:tokayev-noted-potential-agriculture", stance: "NOTED_POTENTIAL", actor: TOKAYEV },
                ],
              },
            },
          },
          {
            cursor: CURSOR[2],
            node: {
              id: "area:aviation",
              name: "Aviation",
              category: "ECONOMIC",
              positions: {
                totalCount: 1,
                nodes: [
                  {
                    id: "position:royal-jordanian-planned-aviation",
                    stance: "PLANNED",
                    actor: { __typename: "Company", id: "company:royal-jordanian", name: "Royal Jordanian Airlines" },
                  },
                ],
              },
            },
          },
          {
            cursor: CURSOR[3],
            node: {
              id: "area:trade",
              name: "Bilateral trade",
              category: "ECONOMIC",
              positions: {
                totalCount: 2,
                nodes: [
                  {
                    id: "position:jo-delegation-confirmed-intention-trade",
                    stance: "CONFIRMED_INTENTION",
                    actor: JO_DELEGATION,
                  },
                  {
                    id: "position:kz-delegation-confirmed-intention-trade",
                    stance: "CONFIRMED_INTENTION",
                    actor: KZ_DELEGATION,
                  },
                ],
              },
            },
          },
        ],
      },
    };
    expect(first).toEqual(expectedFirst);

    const second = await execute(app.url, CooperationAreasPageDocument, {
      first: 4,
      after: first.cooperationAreas.pageInfo.endCursor,
    });
    const expectedSecond: CooperationAreasPageQuery = {
      cooperationAreas: {
        totalCount: 16,
        pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[4], endCursor: CURSOR[7] },
        edges: [
          {
            cursor: CURSOR[4],
            node: {
              id: "area:culture",
              name: "Culture",
              category: "HUMANITARIAN",
              positions: {
                totalCount: 2,
                nodes: [
                  {
                    id: "position:jo-delegation-expressed-interest-culture",
                    stance: "EXPRESSED_INTEREST",
                    actor: JO_DELEGATION,
                  },
                  {
                    id: "position:kz-delegation-expressed-interest-culture",
                    stance: "EXPRESSED_INTEREST",
                    actor: KZ_DELEGATION,
                  },
                ],
              },
            },
          },
          {
            cursor: CURSOR[5],
            node: {
              id: "area:defense-manufacturing",
              name: "Defense manufacturing",
              category: "SECURITY",
              positions: {
                totalCount: 1,
                nodes: [{ id: "position:jordan-proposed-defense-manufacturing", stance: "PROPOSED", actor: JORDAN }],
              },
            },
          },
          {
            cursor: CURSOR[6],
            node: {
              id: "area:digitalization",
              name: "Digitalization",
              category: "ECONOMIC",
              positions: {
                totalCount: 2,
                nodes: [
                  {
                    id: "position:abdullah-ii-noted-potential-digitalization",
                    stance: "NOTED_POTENTIAL",
                    actor: ABDULLAH,
                  },
                  { id: "position:tokayev-noted-potential-digitalization", stance: "NOTED_POTENTIAL", actor: TOKAYEV },
                ],
              },
            },
          },
          {
            cursor: CURSOR[7],
            node: {
              id: "area:economic-ties",
              name: "Economic ties",
              category: "ECONOMIC",
              positions: {
                totalCount: 1,
                nodes: [{ id: "position:tokayev-emphasized-economic-ties", stance: "EMPHASIZED", actor: TOKAYEV }],
              },
            },
          },
        ],
      },
    };
    expect(second).toEqual(expectedSecond);
  });

  test("CooperationAreasPage: the last page, after the 11th area; actors of three Actor members", async () => {
    const eleven = await execute(app.url, CooperationAreasPageDocument, { first: 11 });
    const last = await execute(app.url, CooperationAreasPageDocument, {
      first: 5,
      after: eleven.cooperationAreas.pageInfo.endCursor,
    });
    const expected: CooperationAreasPageQuery = {
      cooperationAreas: {
        totalCount: 16,
        pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: CURSOR[11], endCursor: CURSOR[15] },
        edges: [
          {
            cursor: CURSOR[11],
            node: {
              id: "area:nuclear",
              name: "Nuclear energy",
              category: "ECONOMIC",
              positions: {
                totalCount: 3,
                nodes: [
                  {
                    id: "position:jumco-participates-nuclear",
                    stance: "PARTICIPATES",
                    actor: { __typename: "Company", id: "company:jumco", name: "Jordanian Uranium Mining Company" },
                  },
                  {
                    id: "position:kazatomprom-participates-nuclear",
                    stance: "PARTICIPATES",
                    actor: { __typename: "Company", id: "company:kazatomprom", name: "Kazatomprom" },
                  },
                  { id: "position:tokayev-supported-nuclear", stance: "SUPPORTED", actor: TOKAYEV },
                ],
              },
            },
          },
          {
            cursor: CURSOR[12],
            node: {
              id: "area:pharmaceuticals",
              name: "Pharmaceuticals",
              category: "ECONOMIC",
              positions: {
                totalCount: 1,
                nodes: [{ id: "position:jordan-proposed-pharmaceuticals", stance: "PROPOSED", actor: JORDAN }],
              },
            },
          },
          {
            cursor: CURSOR[13],
            node: {
              id: "area:political-ties",
              name: "Political ties",
              category: "POLITICAL",
              positions: {
                totalCount: 1,
                nodes: [{ id: "position:tokayev-emphasized-political-ties", stance: "EMPHASIZED", actor: TOKAYEV }],
              },
            },
          },
          {
            cursor: CURSOR[14],
            node: {
              id: "area:tourism",
              name: "Tourism",
              category: "ECONOMIC",
              positions: {
                totalCount: 2,
                nodes: [
                  { id: "position:abdullah-ii-noted-potential-tourism", stance: "NOTED_POTENTIAL", actor: ABDULLAH },
                  { id: "position:tokayev-noted-potential-tourism", stance: "NOTED_POTENTIAL", actor: TOKAYEV },
                ],
              },
            },
          },
          {
            cursor: CURSOR[15],
            node: {
              id: "area:transport-logistics",
              name: "Transport and logistics",
              category: "ECONOMIC",
              positions: {
                totalCount: 1,
                nodes: [
                  {
                    id: "position:tokayev-invited-to-explore-transport-logistics",
                    stance: "INVITED_TO_EXPLORE",
                    actor: TOKAYEV,
                  },
                ],
              },
            },
          },
        ],
      },
    };
    expect(last).toEqual(expected);
  });

  test('Search("jumco"): the company by its alias first, then what links to it, then what mentions it', async () => {
    const expected: SearchQuery = {
      search: {
        totalCount: 5,
        edges: [
          {
            score: 27,
            matchedField: "alias",
            matchedText: "JUMCO",
            node: {
              __typename: "Company",
              id: "company:jumco",
              name: "Jordanian Uranium Mining Company",
              country: { code: "JO" },
            },
          },
          {
            score: 10.8,
            matchedField: "actor",
            matchedText: "JUMCO",
            node: {
              __typename: "Position",
              id: "position:jumco-participates-nuclear",
              summary: "JUMCO is the Jordanian party to the nuclear-sector cooperation with Kazatomprom.",
            },
          },
          {
            score: 6.6,
            matchedField: "companies",
            matchedText: "JUMCO",
            node: { __typename: "CooperationArea", id: "area:nuclear", name: "Nuclear energy" },
          },
          {
            score: 4.5,
            matchedField: "summary",
            matchedText: "Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO.",
            node: {
              __typename: "Position",
              id: "position:kazatomprom-participates-nuclear",
              summary: "Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO.",
            },
          },
          {
            score: 4.5,
            matchedField: "summary",
            matchedText:
              "President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector.",
            node: {
              __typename: "Position",
              id: "position:tokayev-supported-nuclear",
              summary:
                "President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector.",
            },
          },
        ],
      },
    };
    expect(await execute(app.url, SearchDocument, { text: "jumco" })).toEqual(expected);
  });

  test("BilateralSummary(KZ, JO): the latest meeting, both commitments with their Money, the award, the flights", async () => {
    const expected: BilateralSummaryQuery = {
      bilateralRelations: {
        countries: [
          { code: "KZ", name: "Kazakhstan" },
          { code: "JO", name: "Jordan" },
        ],
        latestMeeting: {
          id: "meeting:2025-08-27-astana",
          title: "Tokayev–Abdullah II talks in Astana",
          date: "2025-08-27",
          city: { name: "Astana" },
        },
        commitments: {
          totalCount: 2,
          nodes: [
            {
              id: "commitment:trade-turnover-500m",
              title: "Increase bilateral trade turnover to $500 million",
              kind: "TARGET",
              status: "INTENDED",
              parties: [{ code: "KZ" }, { code: "JO" }],
              beneficiary: null,
              value: { amount: 500000000, currency: "USD", formatted: "$500,000,000.00" },
              quantity: null,
              citations: [
                {
                  quote: "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                },
              ],
            },
            {
              id: "commitment:kz-non-resource-exports-250m",
              title: "Kazakhstan offers 60 types of non-resource goods worth $250 million for export to Jordan",
              kind: "OFFER",
              status: "OFFERED",
              parties: [{ code: "KZ" }],
              beneficiary: { code: "JO" },
              value: { amount: 250000000, currency: "USD", formatted: "$250,000,000.00" },
              quantity: { value: 60, unit: "types of non-resource goods" },
              citations: [
                {
                  quote:
                    "Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                },
              ],
            },
          ],
        },
        awardConferrals: { totalCount: 1, nodes: [AL_NAHDA_TO_TOKAYEV] },
        flightRoutes: {
          totalCount: 1,
          nodes: [
            {
              id: "route:royal-jordanian-amman-almaty",
              operator: { name: "Royal Jordanian Airlines" },
              origin: { name: "Amman" },
              destination: { name: "Almaty" },
              direct: true,
              status: "PLANNED",
              plannedYear: 2026,
              plannedYearBasis: '"next year" relative to the report\'s date, 2025-08-27',
              expectedBenefits: ["business exchanges", "people-to-people exchanges"],
            },
          ],
        },
      },
    };
    expect(await execute(app.url, BilateralSummaryDocument, { a: "KZ", b: "JO" })).toEqual(expected);
  });

  test("BilateralSummary(KZ, FR): null, since the graph has no France", async () => {
    const expected: BilateralSummaryQuery = { bilateralRelations: null };
    expect(await execute(app.url, BilateralSummaryDocument, { a: "KZ", b: "FR" })).toEqual(expected);
  });

  test("main() runs every operation and prints the answers", async () => {
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    });
    try {
      await main(app.url);
    } finally {
      write.mockRestore();
    }
    expect(out.join("").split("\n")).toEqual([
      `Querying ${app.url}`,
      "",
      "Jordan (Hashemite Kingdom of Jordan), capital Amman",
      "  King of Jordan: Abdullah II ibn Al Hussein",
      "    Jordan — King Abdullah II ibn Al Hussein conferred Order of Al-Nahda on President Kassym-Jomart Tokayev (Kazakhstan), Astana, 2025-08-27",
      "      “King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda”",
      "      “recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan”",
      "      “President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership”",
      "      “held talks on Aug. 27 in the Kazakh capital”",
      "Kazakhstan (Republic of Kazakhstan), capital Astana",
      "  President of Kazakhstan: Kassym-Jomart Tokayev",
      "    Jordan — King Abdullah II ibn Al Hussein conferred Order of Al-Nahda on President Kassym-Jomart Tokayev (Kazakhstan), Astana, 2025-08-27",
      "      “King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda”",
      "      “recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan”",
      "      “President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership”",
      "      “held talks on Aug. 27 in the Kazakh capital”",
      "",
      "Areas of cooperation, page 1 (16 in all):",
      "  Academic cooperation [HUMANITARIAN] — Official delegation of Jordan: EXPRESSED_INTEREST; Official delegation of Kazakhstan: EXPRESSED_INTEREST",
      "  Agriculture [ECONOMIC] — King Abdullah II ibn Al Hussein: NOTED_POTENTIAL; President Kassym-Jomart Tokayev: NOTED_POTENTIAL",
      "  Aviation [ECONOMIC] — Royal Jordanian Airlines (company): PLANNED",
      "  Bilateral trade [ECONOMIC] — Official delegation of Jordan: CONFIRMED_INTENTION; Official delegation of Kazakhstan: CONFIRMED_INTENTION",
      "  Culture [HUMANITARIAN] — Official delegation of Jordan: EXPRESSED_INTEREST; Official delegation of Kazakhstan: EXPRESSED_INTEREST",
      "Areas of cooperation, page 2 (16 in all):",
      "  Defense manufacturing [SECURITY] — Jordan (country): PROPOSED",
      "  Digitalization [ECONOMIC] — King Abdullah II ibn Al Hussein: NOTED_POTENTIAL; President Kassym-Jomart Tokayev: NOTED_POTENTIAL",
      "  Economic ties [ECONOMIC] — President Kassym-Jomart Tokayev: EMPHASIZED",
      "  Halal industry [ECONOMIC] — Jordan (country): PROPOSED",
      "  Humanitarian ties [HUMANITARIAN] — President Kassym-Jomart Tokayev: EMPHASIZED",
      "Areas of cooperation, page 3 (16 in all):",
      "  Medicine [HUMANITARIAN] — Jordan (country): PROPOSED",
      "  Nuclear energy [ECONOMIC] — Jordanian Uranium Mining Company (company): PARTICIPATES; Kazatomprom (company): PARTICIPATES; President Kassym-Jomart Tokayev: SUPPORTED",
      "  Pharmaceuticals [ECONOMIC] — Jordan (country): PROPOSED",
      "  Political ties [POLITICAL] — President Kassym-Jomart Tokayev: EMPHASIZED",
      "  Tourism [ECONOMIC] — King Abdullah II ibn Al Hussein: NOTED_POTENTIAL; President Kassym-Jomart Tokayev: NOTED_POTENTIAL",
      "Areas of cooperation, page 4 (16 in all):",
      "  Transport and logistics [ECONOMIC] — President Kassym-Jomart Tokayev: INVITED_TO_EXPLORE",
      "",
      'Search "jumco": 5 match(es)',
      '  27.00  Company Jordanian Uranium Mining Company (JO) (alias: "JUMCO")',
      '  10.80  Position JUMCO is the Jordanian party to the nuclear-sector cooperation with Kazatomprom. (actor: "JUMCO")',
      '  6.60  CooperationArea Nuclear energy (companies: "JUMCO")',
      "  4.50  Position Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO. (summary)",
      "  4.50  Position President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector. (summary)",
      'Search "order": 3 match(es)',
      "  15.00  Award Order of Al-Nahda (name)",
      '  6.00  AwardConferral Order of Al-Nahda to Kassym-Jomart Tokayev (award: "Order of Al-Nahda")',
      "  4.50  Statement President Tokayev expressed deep gratitude for the Order of Al-Nahda, calling it a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership. (summary)",
      "",
      "Kazakhstan – Jordan",
      "  Latest meeting: Tokayev–Abdullah II talks in Astana, Astana, 2025-08-27",
      "  TARGET (INTENDED): Increase bilateral trade turnover to $500 million — $500,000,000.00",
      "  OFFER (OFFERED): Kazakhstan offers 60 types of non-resource goods worth $250 million for export to Jordan — $250,000,000.00, 60 types of non-resource goods",
      "  Jordan — King Abdullah II ibn Al Hussein conferred Order of Al-Nahda on President Kassym-Jomart Tokayev (Kazakhstan), Astana, 2025-08-27",
      "  Royal Jordanian Airlines: direct Amman–Almaty, PLANNED from 2026",
      "",
    ]);
  });

  describe("execute() throws a GraphQLRequestError naming each error's message and code", () => {
    test("for an argument out of range (first: 0): HTTP 400, BAD_USER_INPUT", async () => {
      expect(await rejection(execute(app.url, CooperationAreasPageDocument, { first: 0 }))).toEqual({
        name: "GraphQLRequestError",
        message:
          "GraphQL request failed (HTTP 400): Invalid argument: first must be between 1 and 100 [BAD_USER_INPUT]",
        status: 400,
        errors: [
          {
            message: "Invalid argument: first must be between 1 and 100",
            locations: [{ line: 2, column: 3 }],
            path: ["cooperationAreas"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "first", messages: ["first must be between 1 and 100"] }],
            },
          },
        ],
      });
    });

    test("for a variable the CountryCode scalar rejects: HTTP 400, BAD_USER_INPUT", async () => {
      const error = await rejection(execute(app.url, CountryWithLeadersAndAwardsDocument, { code: "XYZ" }));
      expect({ message: error.message, status: error.status }).toEqual({
        message:
          'GraphQL request failed (HTTP 400): Variable "$code" got invalid value "XYZ"; Value is not a valid country code: XYZ [BAD_USER_INPUT]',
        status: 400,
      });
    });

    test("for a cursor the service did not issue: HTTP 400, BAD_USER_INPUT", async () => {
      const error = await rejection(execute(app.url, CooperationAreasPageDocument, { first: 2, after: "bogus" }));
      expect(error.message).toBe(
        'GraphQL request failed (HTTP 400): Argument "after" is not a cursor issued by this service. [BAD_USER_INPUT]',
      );
    });

    test("for a wrong URL: HTTP 404, NOT_FOUND", async () => {
      const wrong = app.url.replace(/\/graphql$/, "/nope");
      const error = await rejection(execute(wrong, SearchDocument, { text: "jumco" }));
      expect({ message: error.message, status: error.status }).toEqual({
        message:
          "GraphQL request failed (HTTP 404): Nothing is served at /nope; the GraphQL endpoint is /graphql. [NOT_FOUND]",
        status: 404,
      });
    });
  });
});

describe("execute() against something that is not a GraphQL service", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/bad-gateway") {
        res.writeHead(502, { "content-type": "text/html" }).end("<h1>502 Bad Gateway</h1>");
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      }
    });
    await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  test("throws on a non-2xx answer without GraphQL errors, quoting the body", async () => {
    expect(await rejection(execute(`${base}/bad-gateway`, SearchDocument, { text: "jumco" }))).toEqual({
      name: "GraphQLRequestError",
      message: "GraphQL request failed (HTTP 502 Bad Gateway): <h1>502 Bad Gateway</h1>",
      status: 502,
      errors: [],
    });
  });

  test("throws on a 2xx answer without data", async () => {
    expect(await rejection(execute(`${base}/graphql`, SearchDocument, { text: "jumco" }))).toEqual({
      name: "GraphQLRequestError",
      message: 'GraphQL response without data (HTTP 200): {"status":"ok"}',
      status: 200,
      errors: [],
    });
  });
});
