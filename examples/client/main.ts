/**
 * Runs every example operation against a running bilateral-graph service and prints the answers.
 *
 *   npm start                      # in one terminal: the service on http://localhost:4000/graphql
 *   npm run client                 # in another; GRAPHQL_URL=… npm run client for another endpoint
 *
 * Exits 1 (after printing the error) when a request fails.
 */
import { execute } from "./client";
import {
  BilateralSummaryDocument,
  CooperationAreasPageDocument,
  CountryWithLeadersAndAwardsDocument,
  type AwardConferralSummaryFragment,
  type CooperationAreasPageQuery,
  type SearchQuery,
  SearchDocument,
} from "./generated/graphql";

type Actor =
  CooperationAreasPageQuery["cooperationAreas"]["edges"][number]["node"]["positions"]["nodes"][number]["actor"];
type SearchResult = SearchQuery["search"]["edges"][number]["node"];

const say = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

/** "Jordan — King Abdullah II ibn Al Hussein conferred Order of Al-Nahda on Kassym-Jomart Tokayev". */
export function describeConferral(c: AwardConferralSummaryFragment): string {
  return (
    `${c.conferredBy.country.name} — ${c.conferredBy.title} ${c.conferredBy.name} conferred ${c.award.name} ` +
    `on ${c.recipient.title} ${c.recipient.name} (${c.recipient.country.name}), ${c.city.name}, ${c.date}`
  );
}

/** A readable name for whoever took a position; the switch is exhaustive over the `Actor` union. */
export function describeActor(actor: Actor): string {
  switch (actor.__typename) {
    case "Country":
      return `${actor.name} (country)`;
    case "Leader":
      return `${actor.title} ${actor.name}`;
    case "Company":
      return `${actor.name} (company)`;
    case "Delegation":
      return actor.name;
    default:
      return unreachable(actor);
  }
}

/** A readable label for a search hit; the switch is exhaustive over the `SearchResult` union. */
export function describeSearchResult(node: SearchResult): string {
  switch (node.__typename) {
    case "Award":
    case "City":
    case "CooperationArea":
    case "Country":
    case "Delegation":
    case "SharedValue":
      return node.name;
    case "Company":
      return `${node.name} (${node.country.code})`;
    case "Leader":
      return `${node.title} ${node.name}`;
    case "Commitment":
    case "Meeting":
    case "Source":
      return node.title;
    case "Position":
    case "Statement":
      return node.summary;
    case "AwardConferral":
      return `${node.award.name} to ${node.recipient.name}`;
    case "FlightRoute":
      return `${node.origin.name}–${node.destination.name}`;
    default:
      return unreachable(node);
  }
}

/** Compile-time exhaustiveness: a union member added to the schema (and regenerated) fails here. */
function unreachable(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

async function showCountry(url: string, code: string): Promise<void> {
  const { country } = await execute(url, CountryWithLeadersAndAwardsDocument, { code });
  if (!country) {
    say(`No country ${code} in the graph.`);
    return;
  }
  say(`${country.name} (${country.officialName}), capital ${country.capital.name}`);
  for (const leader of country.leaders.nodes) {
    say(`  ${leader.office}: ${leader.name}`);
    for (const conferral of [...leader.awardsConferred.nodes, ...leader.awardsReceived.nodes]) {
      say(`    ${describeConferral(conferral)}`);
      for (const citation of conferral.citations) say(`      “${citation.quote}”`);
    }
  }
}

async function showAreas(url: string): Promise<void> {
  let after: string | null = null;
  let page = 0;
  for (;;) {
    const { cooperationAreas }: CooperationAreasPageQuery = await execute(url, CooperationAreasPageDocument, {
      first: 5,
      after,
    });
    page += 1;
    say(`Areas of cooperation, page ${page} (${cooperationAreas.totalCount} in all):`);
    for (const { node: area } of cooperationAreas.edges) {
      const who = area.positions.nodes.map(p => `${describeActor(p.actor)}: ${p.stance}`).join("; ");
      say(`  ${area.name} [${area.category}] — ${who}`);
    }
    if (!cooperationAreas.pageInfo.hasNextPage) return;
    after = cooperationAreas.pageInfo.endCursor;
  }
}

async function showSearch(url: string, text: string): Promise<void> {
  const { search } = await execute(url, SearchDocument, { text });
  say(`Search "${text}": ${search.totalCount} match(es)`);
  for (const edge of search.edges) {
    const label = describeSearchResult(edge.node);
    const why = edge.matchedText === label ? edge.matchedField : `${edge.matchedField}: "${edge.matchedText}"`;
    say(`  ${edge.score.toFixed(2)}  ${edge.node.__typename} ${label} (${why})`);
  }
}

async function showBilateral(url: string, a: string, b: string): Promise<void> {
  const { bilateralRelations: relations } = await execute(url, BilateralSummaryDocument, { a, b });
  if (!relations) {
    say(`The graph has no relations between ${a} and ${b}.`);
    return;
  }
  const [first, second] = relations.countries;
  say(`${first?.name ?? a} – ${second?.name ?? b}`);
  const meeting = relations.latestMeeting;
  if (meeting) say(`  Latest meeting: ${meeting.title}, ${meeting.city.name}, ${meeting.date ?? "undated"}`);
  for (const commitment of relations.commitments.nodes) {
    const figures = [
      commitment.value?.formatted,
      commitment.quantity && `${commitment.quantity.value} ${commitment.quantity.unit}`,
    ]
      .filter(Boolean)
      .join(", ");
    say(`  ${commitment.kind} (${commitment.status}): ${commitment.title}${figures ? ` — ${figures}` : ""}`);
  }
  for (const conferral of relations.awardConferrals.nodes) say(`  ${describeConferral(conferral)}`);
  for (const route of relations.flightRoutes.nodes) {
    const when = route.plannedYear === null ? "" : ` from ${route.plannedYear}`;
    say(
      `  ${route.operator.name}: ${route.direct ? "direct " : ""}${route.origin.name}–${route.destination.name}, ` +
        `${route.status}${when}`,
    );
  }
}

export async function main(url: string): Promise<void> {
  say(`Querying ${url}`);
  say();
  await showCountry(url, "JO");
  await showCountry(url, "KZ");
  say();
  await showAreas(url);
  say();
  await showSearch(url, "jumco");
  await showSearch(url, "order");
  say();
  await showBilateral(url, "KZ", "JO");
}

if (require.main === module) {
  main(process.env.GRAPHQL_URL ?? "http://localhost:4000/graphql").catch((error: unknown) => {
    // fetch's own failures ("fetch failed") keep the reason, e.g. ECONNREFUSED, in `cause`.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}${cause}\n`);
    process.exitCode = 1;
  });
}
