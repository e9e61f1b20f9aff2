/**
 * A dataset for ordering checks. The pinned seed has few records of most types (2 leaders, 2
 * meetings of which one is undated, 1 route, 2 sources published the same day), and there a name
 * order often equals the id order, so an ordering test over it could pass with the wrong key. This
 * adds to the seed four copies of the first record of every type that has a name or a date, with
 * ids `<prefix>:order-1` … `order-4`, names and dates chosen so that id, name and date orders all
 * differ: names differ in case ("alpha" and "ALPHA" tie, broken by id), dates tie (broken by id),
 * and where a date may be missing one is undated.
 */
import type { GraphData, NodeRecord } from "../../src/domain/records";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "./harness";

const NAMES = ["charlie", "alpha", "Bravo", "ALPHA"];
const DATES = ["2024-01-05", null, "2023-06-01", "2024-01-05"];

/** Copies of `record`: new ids, no citations, `patch(i)` over each (i = 0 … 3). */
function copies<R extends NodeRecord>(records: readonly R[], patch: (i: number, name: string) => Partial<R>): R[] {
  const first = records[0];
  if (first === undefined) throw new Error("the seed has no record to copy");
  const prefix = first.id.slice(0, first.id.indexOf(":"));
  return NAMES.map((name, i) => ({ ...first, id: `${prefix}:order-${i + 1}`, citations: [], ...patch(i, name) }));
}

const date = (i: number): string => DATES[i] ?? "2026-02-02";
const year = (i: number): number | null => {
  const d = DATES[i];
  return d === null || d === undefined ? null : Number(d.slice(0, 4));
};

export function withOrderingRecords(seed: GraphData): GraphData {
  const cities = copies(seed.cities, (_, name) => ({ name }));
  const awards = copies(seed.awards, (_, name) => ({ name }));
  return {
    ...seed,
    sources: [...seed.sources, ...copies(seed.sources, (i, title) => ({ title, publishedOn: date(i) }))],
    countries: [...seed.countries, ...copies(seed.countries, (i, name) => ({ name, code: `Q${i + 1}` }))],
    cities: [...seed.cities, ...cities],
    leaders: [...seed.leaders, ...copies(seed.leaders, (_, name) => ({ name }))],
    companies: [...seed.companies, ...copies(seed.companies, (_, name) => ({ name }))],
    meetings: [...seed.meetings, ...copies(seed.meetings, (i, title) => ({ title, date: DATES[i] ?? null }))],
    delegations: [...seed.delegations, ...copies(seed.delegations, (_, name) => ({ name }))],
    cooperationAreas: [...seed.cooperationAreas, ...copies(seed.cooperationAreas, (_, name) => ({ name }))],
    commitments: [...seed.commitments, ...copies(seed.commitments, (_, title) => ({ title }))],
    // named by their origin city (a copied city), dated by their planned year
    flightRoutes: [
      ...seed.flightRoutes,
      ...copies(seed.flightRoutes, i => ({ originId: cities[i]!.id, plannedYear: year(i) })),
    ],
    awards: [...seed.awards, ...awards],
    // named by their award (a copied award)
    awardConferrals: [
      ...seed.awardConferrals,
      ...copies(seed.awardConferrals, i => ({ awardId: awards[i]!.id, date: date(i) })),
    ],
    sharedValues: [...seed.sharedValues, ...copies(seed.sharedValues, (_, name) => ({ name }))],
  };
}

/** The in-memory store over the seed and the copies, for GraphQL-level ordering tests. */
export function orderingRepository(): InMemoryRepository {
  return new InMemoryRepository(withOrderingRecords(loadSeed({ seedDir: SEED_DIR })));
}
