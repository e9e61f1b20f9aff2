/**
 * A deterministic, seeded generator of seed folders in the service's own format, at a scale factor
 * of the real dataset (`seed/`: 72 records, 2 sources). The output passes the real loader: ids of
 * the right form, every reference resolving to a record of the right type, and every citation's
 * quote equal to its generated source text at its offsets (in code points), and evidence for every
 * value: each citation `supports` the fact fields its quote states, and what the real dataset would
 * infer rather than read (a meeting's inviter and host country, the first of its formats, an area's
 * category, a flight route's planned year from "next year", ...) is marked `inferred` with its basis.
 *
 * Shape: the real dataset is one report of bilateral talks. A scale of ×N is N such "units"; each
 * unit has a report and a reference-facts text (2 sources), 3 cities, 2 leaders, 3 companies, 2
 * meetings (the talks and the earlier talks they continue), 2 delegations, 16 areas of cooperation,
 * 24 positions, 2 commitments, 1 flight route, 1 award and its conferral, 2 shared values and 9
 * statements — 70 records, as the real report. Countries are real ISO 3166-1 alpha-2 codes (the
 * loader checks them), so they stop at the ~249 that exist: ×1 has 2 (KZ and JO), ×100 has 200,
 * larger scales all of them. Fan-out is realistic rather than uniform: a unit's pair of countries
 * is new while unused countries remain, afterwards either a random pair or (30 %) a pair already
 * seen, so some relations have many meetings; half of the talks' participants are a country's
 * earlier leaders, so some leaders have many meetings, awards and positions; areas take part of
 * their companies from earlier units.
 *
 *   node dist/bench/generate.js <scale> <dir> [seed]      writes the folder
 *
 * Everything derives from one mulberry32 stream seeded by `seed` and the unit order, so a given
 * (scale, seed) always writes the same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { isISO31661Alpha2 } from "class-validator";

import {
  AreaCategory,
  CommitmentKind,
  CommitmentStatus,
  CompanySector,
  Stance,
  StatementKind,
} from "../src/domain/enums";

/** Bump when the output changes, so cached folders are regenerated. */
export const GENERATOR_VERSION = 2;

/** Records per unit, and the real dataset's size (a unit plus its 2 countries). */
export const RECORDS_PER_UNIT = 70;
export const REAL_DATASET_RECORDS = 72;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every code the loader accepts (class-validator's ISO 3166-1 list), KZ and JO first as in the real data. */
export function isoCountryCodes(): string[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isISO31661Alpha2(code)) codes.push(code);
    }
  }
  return ["KZ", "JO", ...codes.filter(c => c !== "KZ" && c !== "JO")];
}

const SYLLABLES = [
  "al",
  "ma",
  "ty",
  "as",
  "ta",
  "na",
  "am",
  "kar",
  "ra",
  "zan",
  "bek",
  "dor",
  "lin",
  "sar",
  "mir",
  "tau",
  "kol",
  "ur",
  "sen",
  "vel",
  "or",
  "ish",
  "ke",
  "ne",
  "ri",
  "tol",
  "gan",
  "ba",
  "da",
  "ho",
  "ju",
  "ek",
];
const TITLES = ["President", "King", "Prime Minister", "Emir", "Chancellor", "Sultan"];
const SECTORS = Object.values(CompanySector);
const COMPANY_SUFFIX: Partial<Record<CompanySector, string>> = {
  URANIUM_MINING: "Uranium",
  NUCLEAR_ENERGY: "Nuclear",
  AVIATION: "Airlines",
  OIL_AND_GAS: "Petroleum",
  MINING: "Mining",
  LOGISTICS: "Logistics",
  AGRICULTURE: "Agro",
  PHARMACEUTICALS: "Pharma",
  DEFENSE: "Defense Industries",
  FINANCE: "Bank",
  TECHNOLOGY: "Technologies",
  TOURISM: "Travel",
  OTHER: "Holding",
};
const AREAS: ReadonlyArray<readonly [string, AreaCategory]> = [
  ["Political ties", AreaCategory.POLITICAL],
  ["Economic ties", AreaCategory.ECONOMIC],
  ["Humanitarian ties", AreaCategory.HUMANITARIAN],
  ["Bilateral trade", AreaCategory.ECONOMIC],
  ["Nuclear energy", AreaCategory.ECONOMIC],
  ["Transport and logistics", AreaCategory.ECONOMIC],
  ["Agriculture", AreaCategory.ECONOMIC],
  ["Tourism", AreaCategory.ECONOMIC],
  ["Digitalization", AreaCategory.ECONOMIC],
  ["Medicine", AreaCategory.HUMANITARIAN],
  ["Pharmaceuticals", AreaCategory.ECONOMIC],
  ["Halal industry", AreaCategory.ECONOMIC],
  ["Defense manufacturing", AreaCategory.SECURITY],
  ["Aviation", AreaCategory.ECONOMIC],
  ["Culture", AreaCategory.HUMANITARIAN],
  ["Academic cooperation", AreaCategory.HUMANITARIAN],
  ["Renewable energy", AreaCategory.ECONOMIC],
  ["Water management", AreaCategory.ECONOMIC],
  ["Counter-terrorism", AreaCategory.SECURITY],
  ["Space research", AreaCategory.ECONOMIC],
  ["Education", AreaCategory.HUMANITARIAN],
  ["Healthcare", AreaCategory.HUMANITARIAN],
  ["Mining", AreaCategory.ECONOMIC],
  ["Finance and banking", AreaCategory.ECONOMIC],
];
const STANCE_VERBS: Record<Stance, string> = {
  PROPOSED: "proposed cooperation in",
  SUPPORTED: "expressed support for cooperation in",
  EMPHASIZED: "underscored the importance of",
  NOTED_POTENTIAL: "noted the substantial potential for partnership in",
  INVITED_TO_EXPLORE: "was invited to explore opportunities in",
  EXPRESSED_INTEREST: "expressed interest in expanding",
  CONFIRMED_INTENTION: "confirmed the intention to develop",
  PLANNED: "plans to work in",
  PARTICIPATES: "takes part in",
};
const STATEMENT_TEXT: Record<StatementKind, string> = {
  GRATITUDE: "expressed gratitude for the warm welcome",
  ASSESSMENT: "highlighted the effective development of relations",
  EMPHASIS: "emphasized the significance of the visit",
  REAFFIRMATION: "reaffirmed the readiness to strengthen cooperation",
  INVITATION: "invited the partners to explore new opportunities",
  EXPECTATION: "expressed confidence that the agreements will be implemented",
};
const REGIONS = ["Central Asia", "Middle East", "Europe", "Africa", "Americas", "East Asia"];
const VALUES = ["Tolerance", "Mutual respect", "Trust", "Friendship", "Good-neighbourliness", "Openness"];
const AGENCIES = ["Akorda", "Petra", "Kazinform", "Anadolu", "Xinhua", "TASS"];

interface Citation {
  source: string;
  start: number;
  end: number;
  quote: string;
  /** The fact fields of the citing record that this quote backs (src/domain/facts.ts). */
  supports?: string[];
}

/** The citation `c` as it backs the fact fields `supports` of one record (a copy: records share quotes). */
const by = (c: Citation, ...supports: string[]): Citation => ({ ...c, supports });
type Rec = Record<string, unknown> & { id: string; citations: Citation[] };

/** Builds one source text, remembering where each quotable span sits (code points = UTF-16 units: BMP text only). */
class SourceText {
  private text = "";
  constructor(readonly id: string) {}
  /** Appends plain text. */
  put(s: string): void {
    this.text += s;
  }
  /** Appends text and returns a citation of it. */
  cite(s: string): Citation {
    const start = this.text.length;
    this.text += s;
    return { source: this.id, start, end: this.text.length, quote: s };
  }
  /** A citation of a span already written. */
  span(from: Citation, to: Citation): Citation {
    return { source: this.id, start: from.start, end: to.end, quote: this.text.slice(from.start, to.end) };
  }
  /** A citation of the first `length` characters of one already written. */
  head(of: Citation, length: number): Citation {
    return { source: this.id, start: of.start, end: of.start + length, quote: of.quote.slice(0, length) };
  }
  toString(): string {
    return this.text;
  }
}

export interface GenerateResult {
  readonly scale: number;
  readonly seed: number;
  readonly records: number;
  readonly byCollection: Readonly<Record<string, number>>;
  readonly citations: number;
  readonly jsonFiles: number;
  readonly jsonBytes: number;
  readonly textFiles: number;
  readonly textBytes: number;
}

const COLLECTIONS = [
  "sources",
  "countries",
  "cities",
  "leaders",
  "companies",
  "meetings",
  "delegations",
  "cooperationAreas",
  "positions",
  "commitments",
  "flightRoutes",
  "awards",
  "awardConferrals",
  "sharedValues",
  "statements",
] as const;
type Collection = (typeof COLLECTIONS)[number];

/** Writes a seed folder of `scale` units into `dir` (created if needed). */
export function generateSeed(scale: number, dir: string, seed = 20250827, unitsPerFile = 100): GenerateResult {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number) => random() < p;
  const word = (min: number, max: number) => {
    let w = "";
    for (let i = min + int(max - min + 1); i > 0; i--) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const shuffled = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  const DAY = 86_400_000;
  const dayOf = () => Date.UTC(2000, 0, 1) + int(9000) * DAY;
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

  const codes = isoCountryCodes();
  const countryCount = Math.min(codes.length, 2 * scale);
  const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
  const countryName = (k: number) => regionNames.of(codes[k] as string) ?? codes[k];
  const countryId = (k: number) => `country:${codes[k] as string}`;
  const leadersOf: string[][] = Array.from({ length: countryCount }, () => []);
  const companiesOf: string[][] = Array.from({ length: countryCount }, () => []);
  /** Every leader's name and title, and every company's name, by id (units name earlier ones). */
  const leaderInfo = new Map<string, { name: string; title: string }>();
  const companyName = new Map<string, string>();
  const pairs: Array<[number, number]> = [];

  mkdirSync(join(dir, "sources"), { recursive: true });
  const counts: Record<string, number> = Object.fromEntries(COLLECTIONS.map(c => [c, 0]));
  let citations = 0;
  let jsonFiles = 0;
  let jsonBytes = 0;
  let textFiles = 0;
  let textBytes = 0;

  let file = newFile();
  function newFile(): Record<Collection, Rec[]> {
    return Object.fromEntries(COLLECTIONS.map(c => [c, [] as Rec[]])) as unknown as Record<Collection, Rec[]>;
  }
  const add = (collection: Collection, record: Rec) => {
    file[collection].push(record);
    counts[collection] = (counts[collection] ?? 0) + 1;
    citations += record.citations.length;
    if (collection === "meetings") {
      for (const f of record.formats as Array<{ citations: Citation[] }>) citations += f.citations.length;
    }
  };
  const flush = (index: number) => {
    const body = JSON.stringify(
      Object.fromEntries(COLLECTIONS.filter(c => file[c].length > 0).map(c => [c, file[c]])),
      null,
      2,
    );
    writeFileSync(join(dir, `units-${String(index).padStart(5, "0")}.json`), `${body}\n`);
    jsonFiles++;
    jsonBytes += Buffer.byteLength(body) + 1;
    file = newFile();
  };
  const writeText = (relative: string, text: SourceText) => {
    const content = text.toString();
    mkdirSync(join(dir, relative, ".."), { recursive: true });
    writeFileSync(join(dir, relative), content);
    textFiles++;
    textBytes += Buffer.byteLength(content);
  };

  for (let u = 0; u < scale; u++) {
    // The pair of countries: unused countries first, then a pair seen before (30 %) or a random one.
    let a: number;
    let b: number;
    if (2 * u + 1 < countryCount) [a, b] = [2 * u, 2 * u + 1];
    else if (2 * u < countryCount) [a, b] = [2 * u, 0];
    else if (pairs.length > 0 && chance(0.3)) [a, b] = pick(pairs);
    else {
      a = int(countryCount);
      b = (a + 1 + int(countryCount - 1)) % countryCount;
    }
    pairs.push([a, b]);
    const [A, B] = [countryName(a), countryName(b)];
    const chunk = String(Math.floor(u / unitsPerFile)).padStart(5, "0");
    const report = new SourceText(`source:u${u}-report`);
    const facts = new SourceText(`source:u${u}-facts`);
    const reportFile = `sources/${chunk}/u${u}-report.txt`;
    const factsFile = `sources/${chunk}/u${u}-facts.txt`;
    const day = dayOf();
    const date = iso(day);
    const id = (prefix: string, n: number | string) => `${prefix}:u${u}-${n}`;

    // Names of this unit's new things.
    const cityNames = [word(2, 3), word(2, 3), word(2, 3)];
    const cityCountry = [a, b, a];
    const cityIds = [0, 1, 2].map(i => id("city", i));
    const leaderNames = [`${word(2, 3)} ${word(2, 3)}`, `${word(2, 3)} ${word(2, 3)}`];
    const leaderTitles = [pick(TITLES), pick(TITLES)];
    const leaderIds = [id("leader", "a"), id("leader", "b")];
    leaderIds.forEach((leader, i) =>
      leaderInfo.set(leader, { name: leaderNames[i] as string, title: leaderTitles[i] as string }),
    );
    const sectors = [pick(SECTORS), pick(SECTORS), CompanySector.AVIATION];
    if (u === 0) sectors[0] = CompanySector.URANIUM_MINING;
    const sectorWords = sectors.map(s => s.toLowerCase().replace(/_/g, " "));
    const companyCountry = [a, a, b];
    const companyNames = sectors.map(s => `${word(2, 3)} ${COMPANY_SUFFIX[s] ?? "Group"}`);
    const companyIds = [0, 1, 2].map(i => id("company", i));
    companyIds.forEach((company, i) => companyName.set(company, companyNames[i] as string));
    // Participants: this unit's leader, or (half the time) an earlier leader of the same country.
    const participant = (k: number, own: string) =>
      (leadersOf[k] as string[]).length > 0 && chance(0.5) ? pick(leadersOf[k] as string[]) : own;
    const participants = [participant(a, leaderIds[0] as string), participant(b, leaderIds[1] as string)];
    // How the report names the leaders at the talks: "Title Name", or "Title Surname".
    const at = participants.map(p => leaderInfo.get(p) as { name: string; title: string });
    const fullName = (i: number) => (at[i] as { name: string }).name;
    const short = (i: number) => `${(at[i] as { title: string }).title} ${fullName(i).split(" ")[1]}`;
    const agency = pick(AGENCIES);
    const earlierDate = chance(0.5) ? null : iso(day - (30 + int(700)) * DAY);

    // Areas: 16 of the 24 names, bilateral trade and aviation among them (the commitments and the
    // flight route are theirs), each named in a position sentence below.
    const required = AREAS.filter(([name]) => name === "Bilateral trade" || name === "Aviation");
    const areaPicks = shuffled([...required, ...shuffled(AREAS.filter(area => !required.includes(area))).slice(0, 14)]);
    const areaIds = areaPicks.map((_, i) => id("area", i));
    const areaCitations: Citation[][] = areaPicks.map(() => []);
    const tradeArea = areaPicks.findIndex(([name]) => name === "Bilateral trade");
    const aviationArea = areaPicks.findIndex(([name]) => name === "Aviation");
    // Companies of each area: this unit's company of the same sector, sometimes an earlier one of the same countries.
    const areaCompanies = areaPicks.map((_, i) => {
      const companies: string[] = [];
      if (i === 4 || chance(0.15)) companies.push(companyIds[int(3)] as string);
      const earlier = (companiesOf[pick([a, b])] as string[]).filter(c => !c.startsWith(`company:u${u}-`));
      if (earlier.length > 0 && chance(0.1)) companies.push(pick(earlier));
      return [...new Set(companies)];
    });

    // ---- The report.
    const dateline = report.cite(`${date} ${(cityNames[0] as string).toUpperCase()}`);
    report.put(" — ");
    const leaderA = report.cite(`${at[0]?.title} of ${A} ${fullName(0)}`);
    report.put(" and ");
    const leaderB = report.cite(`${at[1]?.title} ${fullName(1)} of ${B}`);
    report.put(" ");
    const held = report.cite(`held talks on ${date} in ${cityNames[0]}`);
    report.put(", reaffirming their commitment to deepening bilateral relations. ");
    const invitation = report.cite(`${short(1)} thanked ${short(0)} for the invitation to visit ${A}`);
    report.put(".\n\n");
    const continued = report.cite(`The visit continued earlier discussions between the two leaders in ${cityNames[1]}`);
    report.put(". ");
    const earlierOn = earlierDate === null ? null : report.cite(`The two leaders had met there on ${earlierDate}`);
    if (earlierOn) report.put(". ");
    const expanded = report.cite(
      `The talks continued in an expanded format with the participation of official delegations of ${A} and ${B}`,
    );
    report.put(".\n\n");

    // Actors: the two countries, the two participants, the companies, the delegations.
    const delegationIds = [id("delegation", "a"), id("delegation", "b")];
    const actors: Array<[string, string]> = [
      [countryId(a), `The ${A} side`],
      [countryId(b), `The ${B} side`],
      [participants[0] as string, short(0)],
      [participants[1] as string, short(1)],
      [companyIds[0] as string, companyNames[0] as string],
      [companyIds[2] as string, companyNames[2] as string],
      [delegationIds[0] as string, `The delegation of ${A}`],
      [delegationIds[1] as string, `The delegation of ${B}`],
    ];
    const positions: Rec[] = [];
    /** Where the report calls each country "the X side" (a country's alias). */
    const sides: Citation[] = [];
    for (let s = 0; s < 8; s++) {
      const [actorId, actorName] = actors[s] as [string, string];
      const stance = pick(Object.values(Stance));
      const areas = s < 5 ? [3 * s, 3 * s + 1, 3 * s + 2] : [s === 5 ? 15 : int(16), int(16), int(16)];
      const start = report.cite(`${actorName} ${STANCE_VERBS[stance]} `);
      if (s < 2) sides.push(report.head(start, actorName.length));
      const named = areas.map((area, i) => {
        const c = report.cite((areaPicks[area] as readonly [string, AreaCategory])[0].toLowerCase());
        report.put(i === 0 ? ", " : i === 1 ? ", and " : "");
        return c;
      });
      const sentence = report.span(start, named[named.length - 1] as Citation);
      report.put(". ");
      areas.forEach((area, i) => {
        (areaCitations[area] as Citation[]).push(named[i] as Citation);
        positions.push({
          id: id("position", positions.length),
          area: areaIds[area],
          actor: actorId,
          stance,
          meeting: id("meeting", "talks"),
          summary: `${actorName} ${STANCE_VERBS[stance]} ${(areaPicks[area] as readonly [string, AreaCategory])[0].toLowerCase()}.`,
          citations: [by(sentence, "actor", "stance", "area", "meeting")],
        });
      });
    }
    report.put("\n\n");
    const companyCitations = companyNames.map((name, i) => {
      const c = report.cite(`${name} was named as a partner in the ${sectorWords[i]} sector`);
      report.put(". ");
      return c;
    });
    const areaCompanyCitations = areaCompanies.map((companies, i) => {
      if (companies.length === 0) return null;
      const names = companies.map(c => companyName.get(c) as string).join(" and ");
      const area = (areaPicks[i] as readonly [string, AreaCategory])[0].toLowerCase();
      const c = report.cite(`${names} will take part in the cooperation in ${area}`);
      report.put(". ");
      return c;
    });
    const turnover = 100 + int(900);
    const goods = 10 + int(90);
    const worth = 50 + int(450);
    const trade = report.cite(
      `The officials confirmed their intention to increase bilateral trade turnover to $${turnover} million`,
    );
    report.put(", ");
    const offer = report.cite(`with ${A} offering ${goods} types of goods worth $${worth} million for export to ${B}`);
    report.put(".\n\n");
    const year = Number(date.slice(0, 4)) + 1;
    const route = report.cite(
      `${companyNames[2]} plans to launch direct flights between ${cityNames[1]} and ${cityNames[2]} next year`,
    );
    report.put(", ");
    const benefits = report.cite("which is expected to boost business and people-to-people exchanges");
    report.put(". ");
    const awardName = `Order of ${word(2, 3)}`;
    const award = report.cite(`${short(1)} presented ${short(0)} with the ${awardName}`);
    report.put(", ");
    const reason = report.cite("recognizing the contribution to friendship between the two countries");
    report.put(". ");
    const values = shuffled(VALUES).slice(0, 2) as [string, string];
    const noted = report.cite("Both leaders noted common values of ");
    const value0 = report.cite(values[0].toLowerCase());
    report.put(" and ");
    const value1 = report.cite(values[1].toLowerCase());
    const sharedValues = report.span(noted, report.cite(" shared by both nations"));
    report.put(".\n\n");
    const statements: Rec[] = [];
    for (let s = 0; s < 9; s++) {
      const kind = pick(Object.values(StatementKind));
      const both = s === 0;
      const who = both ? "Both leaders" : short(s % 2);
      const c = report.cite(`${who} ${STATEMENT_TEXT[kind]}`);
      report.put(". ");
      statements.push({
        id: id("statement", s),
        speakers: both ? participants : [participants[s % 2]],
        meeting: id("meeting", "talks"),
        kind,
        summary: `${who} ${STATEMENT_TEXT[kind]}.`,
        citations: [by(c, "speakers", "kind", "meeting")],
      });
    }
    const reportedBy = report.cite(`Reported by ${agency}.`);

    // ---- The reference facts.
    const factCities = cityNames.map((name, i) => {
      const c = facts.cite(`${name} is a city in ${countryName(cityCountry[i] as number)}.`);
      facts.put("\n");
      return c;
    });
    const factCompanies = companyNames.map((name, i) => {
      const c = facts.cite(`${name} is a company of ${countryName(companyCountry[i] as number)}.`);
      facts.put("\n");
      return c;
    });
    const factAward = facts.cite(`The ${awardName} is an order of ${B}.`);
    facts.put("\n");
    const factLeaders = leaderNames.map((name, i) => {
      const c = facts.cite(
        `${name} is ${leaderTitles[i]} of ${i === 0 ? A : B}, also called ${leaderTitles[i]} ${name.split(" ")[1]}.`,
      );
      facts.put("\n");
      return c;
    });
    // Countries first seen in this unit: defined here, cited here, capital = their first city.
    const newCountries = [a, b].filter(k => k === 2 * u || k === 2 * u + 1);
    const countryFacts = new Map<number, Citation[]>();
    for (const k of newCountries) {
      const capital = cityCountry.indexOf(k);
      const name = countryName(k);
      const code = facts.cite(`${name} has the ISO 3166-1 alpha-2 code ${codes[k]}.`);
      facts.put("\n");
      const cap = facts.cite(`The capital of ${name} is ${cityNames[capital]}.`);
      facts.put("\n");
      const official = facts.cite(`The official name of ${name} is The State of ${name}.`);
      facts.put("\n");
      const region = facts.cite(`${name} is located in ${REGIONS[k % REGIONS.length]}.`);
      facts.put("\n");
      const demonym = facts.cite(`${name} people is the demonym for ${name}.`);
      facts.put("\n");
      countryFacts.set(k, [
        by(k === a ? leaderA : leaderB, "name"),
        by(sides[k === a ? 0 : 1] as Citation, "aliases"),
        by(code, "name", "code"),
        by(cap, "capital"),
        by(official, "officialName"),
        by(region, "region"),
        by(demonym, "demonym"),
      ]);
    }
    const compiled = facts.cite(`Reference data compiled by the bilateral-graph benchmark generator on ${date}.`);

    // ---- Records.
    const ENGLISH = "the text is written in English";
    add("sources", {
      id: report.id,
      title: `${A}, ${B} leaders hold talks in ${cityNames[0]}`,
      kind: "NEWS_REPORT",
      file: reportFile,
      publishedOn: date,
      dateline: cityIds[0],
      reportedBy: agency,
      language: "en",
      inferred: { kind: "the text opens with a dateline, date and place, as a news report does", language: ENGLISH },
      citations: [by(dateline, "kind", "publishedOn", "dateline", "language"), by(reportedBy, "reportedBy")],
    });
    add("sources", {
      id: facts.id,
      title: `Reference facts for the talks between ${A} and ${B}`,
      kind: "REFERENCE",
      file: factsFile,
      publishedOn: date,
      publisher: "bilateral-graph benchmark generator",
      language: "en",
      inferred: { language: ENGLISH },
      citations: [by(compiled, "kind", "publishedOn", "publisher", "language")],
    });
    for (const [k, cites] of countryFacts) {
      const capital = cityCountry.indexOf(k);
      add("countries", {
        id: countryId(k),
        code: codes[k],
        name: countryName(k),
        aliases: [`${countryName(k)} side`],
        officialName: `The State of ${countryName(k)}`,
        capital: cityIds[capital],
        region: REGIONS[k % REGIONS.length],
        demonym: `${countryName(k)} people`,
        citations: cites,
      });
    }
    cityNames.forEach((name, i) =>
      add("cities", {
        id: cityIds[i] as string,
        name,
        country: countryId(cityCountry[i] as number),
        citations: [...(i === 0 ? [by(dateline, "name")] : []), by(factCities[i] as Citation, "name", "country")],
      }),
    );
    leaderNames.forEach((name, i) => {
      const fields = ["name", "title", "office", "country"];
      add("leaders", {
        id: leaderIds[i] as string,
        name,
        aliases: [`${leaderTitles[i]} ${name.split(" ")[1]}`],
        title: leaderTitles[i],
        office: `${leaderTitles[i]} of ${i === 0 ? A : B}`,
        country: countryId(i === 0 ? a : b),
        // The report names the leader only when at the talks (else an earlier leader went).
        citations: [
          ...(participants[i] === leaderIds[i] ? [by(i === 0 ? leaderA : leaderB, ...fields)] : []),
          by(factLeaders[i] as Citation, ...fields, "aliases"),
        ],
      });
      (leadersOf[i === 0 ? a : b] as string[]).push(leaderIds[i] as string);
    });
    companyNames.forEach((name, i) => {
      add("companies", {
        id: companyIds[i] as string,
        name,
        aliases: [name.split(" ")[0] as string],
        country: countryId(companyCountry[i] as number),
        sector: sectors[i],
        description: `A ${sectorWords[i]} company of ${countryName(companyCountry[i] as number)}.`,
        inferred: { aliases: "the company's name without the word for its trade" },
        citations: [
          by(companyCitations[i] as Citation, "name", "aliases", "sector"),
          by(factCompanies[i] as Citation, "name", "country"),
        ],
      });
      (companiesOf[companyCountry[i] as number] as string[]).push(companyIds[i] as string);
    });
    add("meetings", {
      id: id("meeting", "talks"),
      title: `${fullName(0).split(" ")[1]}–${fullName(1).split(" ")[1]} talks in ${cityNames[0]}`,
      description: `Talks between ${A} and ${B} in ${cityNames[0]} on ${date}, continued in an expanded format.`,
      date,
      city: cityIds[0],
      hostCountry: countryId(a),
      participants,
      invitedBy: participants[0],
      continues: id("meeting", "earlier"),
      formats: [
        {
          format: "ONE_TO_ONE",
          description: "The leaders' talks.",
          inferred: { format: "the leaders held talks, which then continued in an expanded format" },
          citations: [by(held, "format"), by(expanded, "format")],
        },
        { format: "EXPANDED", description: "Talks with official delegations.", citations: [by(expanded, "format")] },
      ],
      inferred: {
        hostCountry: `the talks were held in ${cityNames[0]}, a city of ${A}`,
        invitedBy: `${short(1)} thanked ${short(0)} for the invitation`,
      },
      citations: [
        by(held, "date", "city", "hostCountry"),
        by(leaderA, "participants"),
        by(leaderB, "participants"),
        by(invitation, "invitedBy"),
        by(continued, "continues"),
        by(expanded, "formats"),
        by(factCities[0] as Citation, "hostCountry"),
      ],
    });
    add("meetings", {
      id: id("meeting", "earlier"),
      title: `Earlier discussions in ${cityNames[1]}`,
      description: `Earlier discussions between the leaders of ${A} and ${B} in ${cityNames[1]}.`,
      date: earlierDate,
      city: cityIds[1],
      hostCountry: countryId(b),
      participants,
      formats: [],
      inferred: { hostCountry: `the discussions were held in ${cityNames[1]}, a city of ${B}` },
      citations: [
        by(continued, "city", "hostCountry", "participants"),
        ...(earlierOn ? [by(earlierOn, "date")] : []),
        by(factCities[1] as Citation, "hostCountry"),
      ],
    });
    delegationIds.forEach((did, i) =>
      add("delegations", {
        id: did,
        name: `Official delegation of ${i === 0 ? A : B}`,
        country: countryId(i === 0 ? a : b),
        meeting: id("meeting", "talks"),
        citations: [by(expanded, "country", "meeting")],
      }),
    );
    areaPicks.forEach(([name, category], i) => {
      const companies = areaCompanies[i] as string[];
      const named = areaCompanyCitations[i];
      add("cooperationAreas", {
        id: areaIds[i] as string,
        name,
        aliases: [`${name.toLowerCase()} cooperation`],
        category,
        description: `Cooperation between ${A} and ${B} in ${name.toLowerCase()}.`,
        companies,
        inferred: {
          aliases: "the area's name as the report speaks of cooperation in it",
          category: `${name} is a matter of ${category.toLowerCase()} cooperation`,
        },
        citations: [
          ...(areaCitations[i] as Citation[]).map(c => by(c, "name", "aliases", "category")),
          ...(named ? [by(named, "companies")] : []),
        ],
      });
    });
    for (const p of positions) add("positions", p);
    add("commitments", {
      id: id("commitment", "trade"),
      title: `Increase bilateral trade turnover to $${turnover} million`,
      description: `${A} and ${B} intend to raise their trade turnover to USD ${turnover} million.`,
      kind: CommitmentKind.TARGET,
      status: CommitmentStatus.INTENDED,
      parties: [countryId(a), countryId(b)],
      area: areaIds[tradeArea],
      meeting: id("meeting", "talks"),
      value: { amount: turnover * 1_000_000, currency: "USD" },
      inferred: { parties: `the officials are those of ${A} and ${B} at the talks` },
      citations: [by(trade, "kind", "status", "parties", "area", "meeting", "value")],
    });
    add("commitments", {
      id: id("commitment", "offer"),
      title: `${A} offers ${goods} types of goods worth $${worth} million`,
      description: `${A} offers ${goods} types of goods worth USD ${worth} million for export to ${B}.`,
      kind: CommitmentKind.OFFER,
      status: CommitmentStatus.OFFERED,
      parties: [countryId(a)],
      beneficiary: countryId(b),
      area: areaIds[tradeArea],
      meeting: id("meeting", "talks"),
      value: { amount: worth * 1_000_000, currency: "USD" },
      quantity: { value: goods, unit: "types of goods" },
      inferred: { area: "goods offered for export are bilateral trade" },
      citations: [
        by(offer, "kind", "status", "parties", "beneficiary", "area", "value", "quantity"),
        by(trade, "meeting"),
      ],
    });
    add("flightRoutes", {
      id: id("route", 0),
      operator: companyIds[2],
      origin: cityIds[1],
      destination: cityIds[2],
      direct: true,
      status: "PLANNED",
      plannedYear: year,
      area: areaIds[aviationArea],
      expectedBenefits: ["business exchanges", "people-to-people exchanges"],
      inferred: {
        plannedYear: `"next year" relative to the report's date, ${date}`,
        area: "flights are a matter of aviation",
      },
      citations: [
        by(route, "operator", "origin", "destination", "direct", "status", "plannedYear", "area"),
        by(benefits, "expectedBenefits"),
        by(dateline, "plannedYear"),
      ],
    });
    add("awards", {
      id: id("award", 0),
      name: awardName,
      country: countryId(b),
      description: `A state order of ${B}.`,
      citations: [by(award, "name"), by(factAward, "name", "country")],
    });
    add("awardConferrals", {
      id: id("conferral", 0),
      award: id("award", 0),
      conferredBy: participants[1],
      recipient: participants[0],
      date,
      city: cityIds[0],
      meeting: id("meeting", "talks"),
      reason: "For the contribution to friendship between the two countries.",
      inferred: {
        date: "presented during the talks, held that day",
        city: `presented during the talks, held in ${cityNames[0]}`,
        meeting: "presented during the visit the report is about",
      },
      citations: [
        by(award, "award", "conferredBy", "recipient", "meeting"),
        by(reason, "reason"),
        by(held, "date", "city"),
      ],
    });
    values.forEach((name, i) =>
      add("sharedValues", {
        id: id("value", i),
        name,
        countries: [countryId(a), countryId(b)],
        notedBy: participants[0],
        meeting: id("meeting", "talks"),
        inferred: { notedBy: `both leaders noted them; the host, ${short(0)}, is recorded` },
        citations: [by(i === 0 ? value0 : value1, "name"), by(sharedValues, "countries", "notedBy", "meeting")],
      }),
    );
    for (const s of statements) add("statements", s);

    writeText(reportFile, report);
    writeText(factsFile, facts);
    if ((u + 1) % unitsPerFile === 0 || u === scale - 1) flush(Math.floor(u / unitsPerFile));
  }

  const records = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { scale, seed, records, byCollection: counts, citations, jsonFiles, jsonBytes, textFiles, textBytes };
}

if (require.main === module) {
  const [scaleArg, dir, seedArg] = process.argv.slice(2);
  if (!scaleArg || !dir) {
    console.error("usage: node dist/bench/generate.js <scale> <dir> [seed]");
    process.exit(2);
  }
  const result = generateSeed(Number(scaleArg), dir, seedArg ? Number(seedArg) : undefined);
  console.log(JSON.stringify(result, null, 2));
}
