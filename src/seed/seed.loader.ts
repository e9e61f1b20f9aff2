/**
 * Seed loader: reads every `*.json` file of a seed folder, validates each record's shape with
 * class-validator, merges the files into one graph, then checks what shapes cannot: ids unique
 * across files, references that resolve to a record of the right type, quotes that equal the
 * source text at their offsets. Every problem is collected; if there is any, loading fails with
 * one `SeedValidationError` listing them all as `file: $.json.path: problem`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { type ClassConstructor, plainToInstance } from "class-transformer";
import { type ValidationError, validateSync } from "class-validator";

import { parseJson } from "../common/json";
import type {
  CitationRecord,
  GraphData,
  MeetingFormatRecord,
  NodeRecord,
  NodeTypename,
  SourceRecord,
} from "../domain/records";
import { SEED_COLLECTIONS, SEED_RECORD_TYPES, type SeedCitation, type SeedCollection } from "./seed.dto";

export class SeedValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The seed data is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map(p => `  - ${p}`).join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

/** Which record type each collection holds. */
const TYPENAME: Record<SeedCollection, NodeTypename> = {
  sources: "Source",
  countries: "Country",
  cities: "City",
  leaders: "Leader",
  companies: "Company",
  meetings: "Meeting",
  delegations: "Delegation",
  cooperationAreas: "CooperationArea",
  positions: "Position",
  commitments: "Commitment",
  flightRoutes: "FlightRoute",
  awards: "Award",
  awardConferrals: "AwardConferral",
  sharedValues: "SharedValue",
  statements: "Statement",
};

/** The reference fields of each collection and the record types they may point at. */
const REFERENCES: Record<SeedCollection, ReadonlyArray<readonly [string, readonly NodeTypename[]]>> = {
  sources: [["dateline", ["City"]]],
  countries: [["capital", ["City"]]],
  cities: [["country", ["Country"]]],
  leaders: [["country", ["Country"]]],
  companies: [["country", ["Country"]]],
  meetings: [
    ["city", ["City"]],
    ["hostCountry", ["Country"]],
    ["participants", ["Leader"]],
    ["invitedBy", ["Leader"]],
    ["continues", ["Meeting"]],
  ],
  delegations: [
    ["country", ["Country"]],
    ["meeting", ["Meeting"]],
  ],
  cooperationAreas: [["companies", ["Company"]]],
  positions: [
    ["area", ["CooperationArea"]],
    ["actor", ["Country", "Leader", "Company", "Delegation"]],
    ["meeting", ["Meeting"]],
  ],
  commitments: [
    ["parties", ["Country"]],
    ["beneficiary", ["Country"]],
    ["area", ["CooperationArea"]],
    ["meeting", ["Meeting"]],
  ],
  flightRoutes: [
    ["operator", ["Company"]],
    ["origin", ["City"]],
    ["destination", ["City"]],
    ["area", ["CooperationArea"]],
  ],
  awards: [["country", ["Country"]]],
  awardConferrals: [
    ["award", ["Award"]],
    ["conferredBy", ["Leader"]],
    ["recipient", ["Leader"]],
    ["city", ["City"]],
    ["meeting", ["Meeting"]],
  ],
  sharedValues: [
    ["countries", ["Country"]],
    ["notedBy", ["Leader"]],
    ["meeting", ["Meeting"]],
  ],
  statements: [
    ["speakers", ["Leader"]],
    ["meeting", ["Meeting"]],
  ],
};

type Raw = Record<string, unknown> & { id: string };

interface Located {
  readonly file: string;
  readonly path: string;
  readonly collection: SeedCollection;
  readonly raw: Raw;
  /** Whether the record's shape passed validation (only valid records become graph records). */
  readonly valid: boolean;
}

/** A source text indexed for citation checks: code points, and sentence bounds in code points. */
interface SourceText {
  readonly text: string;
  readonly codePoints: readonly string[];
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string }>;
}

function indexSourceText(text: string): SourceText {
  const codePoints = Array.from(text);
  const sentences: Array<{ start: number; end: number; text: string }> = [];
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  let cp = 0;
  for (const { segment } of segmenter.segment(text)) {
    const length = Array.from(segment).length;
    const trimmed = segment.trim();
    if (trimmed.length > 0) sentences.push({ start: cp, end: cp + length, text: trimmed });
    cp += length;
  }
  return { text, codePoints, sentences };
}

function formatValidationErrors(errors: readonly ValidationError[], parent: string, out: string[]): void {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator starts its default messages with the property name, which the path already shows.
      const own = message.replace(new RegExp(`^(property )?${error.property.replace(/[$]/g, "\\$")} `), "");
      out.push(`${path}: ${own}`);
    }
    formatValidationErrors(error.children ?? [], path, out);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isOptionalInteger = (value: unknown): boolean => value === undefined || Number.isInteger(value);

/** A citation whose fields have the right types (its shape problems, if any, are reported elsewhere). */
const isCitationShaped = (c: unknown): c is SeedCitation =>
  isObject(c) &&
  typeof c.source === "string" &&
  isOptionalInteger(c.start) &&
  isOptionalInteger(c.end) &&
  isOptionalInteger(c.occurrence) &&
  typeof c.quote === "string";

/** The code-point offsets at which `quote` starts in the source text, overlapping occurrences included. */
function occurrencesOf(source: SourceText, quote: string): number[] {
  const starts: number[] = [];
  let codePoints = 0;
  let scanned = 0;
  for (let at = source.text.indexOf(quote); at !== -1; at = source.text.indexOf(quote, at + 1)) {
    codePoints += Array.from(source.text.slice(scanned, at)).length;
    scanned = at;
    starts.push(codePoints);
  }
  return starts;
}

/**
 * Where a citation's quote lies in its source: the offsets it gives, or the one occurrence of the
 * quote (the `occurrence`-th when given). A problem when neither settles it.
 */
function locateQuote(
  citation: SeedCitation,
  source: SourceText,
): { start: number; end: number } | { problem: string; field?: string } {
  const { start, end, occurrence, quote } = citation;
  if (start !== undefined || end !== undefined) {
    if (start === undefined || end === undefined) {
      return { problem: "give both start and end, or neither (the loader then finds the quote)" };
    }
    if (occurrence !== undefined) {
      return { field: "occurrence", problem: "give either offsets (start, end) or an occurrence, not both" };
    }
    return { start, end };
  }
  const found = occurrencesOf(source, quote);
  const length = Array.from(quote).length;
  if (found.length === 0)
    return { field: "quote", problem: `${JSON.stringify(quote)} does not occur in the source text` };
  if (occurrence === undefined && found.length > 1) {
    return {
      field: "quote",
      problem: `${JSON.stringify(quote)} occurs ${found.length} times in the source text (at code points ${found.join(", ")}); add "occurrence": 1 to ${found.length} to say which`,
    };
  }
  const at = found[(occurrence ?? 1) - 1];
  if (at === undefined) {
    return {
      field: "occurrence",
      problem: `${occurrence} is more than the ${found.length} occurrence${found.length === 1 ? "" : "s"} of ${JSON.stringify(quote)} in the source text`,
    };
  }
  return { start: at, end: at + length };
}

export interface LoadOptions {
  /** Folder holding the seed `*.json` files; source text paths are relative to it. */
  readonly seedDir: string;
  /** How file names appear in messages; defaults to their absolute paths. */
  readonly displayPath?: (absolutePath: string) => string;
}

export function loadSeed({ seedDir, displayPath = p => p }: LoadOptions): GraphData {
  const problems: string[] = [];
  const located: Located[] = [];
  const unparsed: string[] = [];

  let files: string[];
  try {
    files = readdirSync(seedDir, { withFileTypes: true })
      .filter(entry => entry.name.endsWith(".json") && !entry.isDirectory())
      .map(entry => entry.name)
      .sort();
  } catch (error) {
    throw new SeedValidationError([
      `${displayPath(seedDir)}: cannot read the seed folder (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    ]);
  }
  if (files.length === 0) throw new SeedValidationError([`${displayPath(seedDir)}: no *.json seed file found`]);

  // 1. Parse each file; check each record's shape on its own, so one bad record hides nothing else.
  for (const name of files) {
    const absolute = join(seedDir, name);
    const file = displayPath(absolute);
    let json: unknown;
    try {
      json = parseJson(readFileSync(absolute, "utf8"));
    } catch (error) {
      problems.push(`${file}: $: malformed JSON: ${(error as Error).message}`);
      unparsed.push(file);
      continue;
    }
    if (!isObject(json)) {
      problems.push(`${file}: $: a seed file must hold a JSON object whose keys are collections`);
      unparsed.push(file);
      continue;
    }
    for (const key of Object.keys(json)) {
      if (!(SEED_COLLECTIONS as readonly string[]).includes(key)) {
        problems.push(`${file}: $.${key}: unknown collection (expected one of ${SEED_COLLECTIONS.join(", ")})`);
      }
    }
    for (const collection of SEED_COLLECTIONS) {
      const records = json[collection];
      if (records === undefined) continue;
      if (!Array.isArray(records)) {
        problems.push(`${file}: $.${collection}: must be an array of records`);
        continue;
      }
      records.forEach((raw: unknown, index) => {
        const path = `$.${collection}[${index}]`;
        if (!isObject(raw)) {
          problems.push(`${file}: ${path}: must be an object`);
          return;
        }
        const shapeProblems: string[] = [];
        formatValidationErrors(
          validateSync(plainToInstance(SEED_RECORD_TYPES[collection] as ClassConstructor<object>, raw), {
            whitelist: true,
            forbidNonWhitelisted: true,
            forbidUnknownValues: true,
          }),
          path,
          shapeProblems,
        );
        problems.push(...shapeProblems.map(p => `${file}: ${p}`));
        if (typeof raw.id === "string" && raw.id !== "") {
          located.push({ file, path, collection, raw: raw as Raw, valid: shapeProblems.length === 0 });
        }
      });
    }
  }

  // 2. Ids: unique across every file.
  const byId = new Map<string, Located>();
  for (const entry of located) {
    const first = byId.get(entry.raw.id);
    if (first) {
      problems.push(
        `${entry.file}: ${entry.path}.id: duplicate id "${entry.raw.id}" (first defined in ${first.file} at ${first.path})`,
      );
    } else {
      byId.set(entry.raw.id, entry);
    }
  }

  // 3. References: each id points at a record of an allowed type. Values of the wrong JSON type were
  // reported as shape problems above. When a file could not be parsed, ids it may define are unknown,
  // so unresolved references are summarised instead of listed one by one.
  let unresolved = 0;
  for (const entry of located) {
    for (const [field, allowed] of REFERENCES[entry.collection]) {
      const value = entry.raw[field];
      const targets: Array<[string, unknown]> = Array.isArray(value)
        ? value.map((v: unknown, i) => [`${entry.path}.${field}[${i}]`, v])
        : [[`${entry.path}.${field}`, value]];
      for (const [path, target] of targets) {
        if (typeof target !== "string" || target === "") continue;
        const found = byId.get(target);
        if (!found) {
          if (unparsed.length > 0) unresolved++;
          else problems.push(`${entry.file}: ${path}: references unknown id "${target}"`);
        } else if (!allowed.includes(TYPENAME[found.collection])) {
          problems.push(
            `${entry.file}: ${path}: "${target}" is a ${TYPENAME[found.collection]}, expected ${allowed.join(" or ")}`,
          );
        }
      }
    }
  }
  if (unresolved > 0) {
    problems.push(
      `${unparsed.join(", ")}: ${unresolved} reference${unresolved === 1 ? "" : "s"} in other files could not be checked until this file parses`,
    );
  }
  for (const entry of located) {
    if (entry.collection === "countries" && entry.raw.id !== `country:${String(entry.raw.code)}`) {
      problems.push(
        `${entry.file}: ${entry.path}.code: "${String(entry.raw.code)}" does not match id "${entry.raw.id}"`,
      );
    }
    if (entry.collection === "flightRoutes" && entry.raw.origin === entry.raw.destination) {
      problems.push(`${entry.file}: ${entry.path}.destination: a route cannot end where it starts`);
    }
    if (entry.collection === "meetings" && entry.raw.continues === entry.raw.id) {
      problems.push(`${entry.file}: ${entry.path}.continues: a meeting cannot continue itself`);
    }
  }

  // 4. Source texts, then every citation against them.
  const texts = new Map<string, SourceText>();
  for (const entry of located) {
    if (entry.collection !== "sources" || !entry.valid) continue;
    const file = String(entry.raw.file);
    try {
      texts.set(entry.raw.id, indexSourceText(readFileSync(join(seedDir, file), "utf8")));
    } catch (error) {
      problems.push(
        `${entry.file}: ${entry.path}.file: cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
  }

  const citationsOf = (entry: Located, path: string, seed: readonly unknown[]): CitationRecord[] =>
    seed.filter(isCitationShaped).map((citation, index) => {
      const at = `${entry.file}: ${path}.citations[${index}]`;
      const source = texts.get(citation.source);
      const unchecked: CitationRecord = {
        sourceId: citation.source,
        start: citation.start ?? 0,
        end: citation.end ?? 0,
        quote: citation.quote,
        sentence: "",
      };
      if (!source) {
        const known = byId.get(citation.source);
        if (!known && unparsed.length === 0)
          problems.push(`${at}.source: references unknown source "${citation.source}"`);
        if (known && known.collection !== "sources") {
          problems.push(`${at}.source: "${citation.source}" is a ${TYPENAME[known.collection]}, expected Source`);
        }
        return unchecked;
      }
      const located = locateQuote(citation, source);
      if ("problem" in located) {
        problems.push(`${at}${located.field ? `.${located.field}` : ""}: ${located.problem}`);
        return unchecked;
      }
      const { start, end } = located;
      const record: CitationRecord = { ...unchecked, start, end };
      if (end <= start) {
        problems.push(`${at}: offsets ${start}..${end} are empty or reversed (end must be after start)`);
        return record;
      }
      if (end > source.codePoints.length) {
        problems.push(`${at}: offsets ${start}..${end} are outside the source text (0..${source.codePoints.length})`);
        return record;
      }
      const actual = source.codePoints.slice(start, end).join("");
      if (actual !== citation.quote) {
        problems.push(
          `${at}.quote: ${JSON.stringify(citation.quote)} does not match the source text at ${start}..${end}, which reads ${JSON.stringify(actual)}`,
        );
        return record;
      }
      const sentence = source.sentences.find(s => s.start <= start && start < s.end);
      return { ...record, sentence: sentence?.text ?? citation.quote };
    });

  // 5. Build the frozen records (checking citations on the way), then report every problem at once.
  const data: Record<SeedCollection, NodeRecord[]> = Object.fromEntries(
    SEED_COLLECTIONS.map(c => [c, [] as NodeRecord[]]),
  ) as Record<SeedCollection, NodeRecord[]>;
  for (const entry of located) {
    if (!entry.valid) {
      // Still check its citations, so that every problem is reported in one run.
      if (Array.isArray(entry.raw.citations)) citationsOf(entry, entry.path, entry.raw.citations);
      continue;
    }
    data[entry.collection].push(deepFreeze(toRecord(entry, citationsOf, texts)));
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  return Object.freeze(data) as unknown as GraphData;
}

type CitationsOf = (entry: Located, path: string, seed: readonly unknown[]) => CitationRecord[];

/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- seed records were shape-checked by class-validator above */
function toRecord(entry: Located, citationsOf: CitationsOf, texts: ReadonlyMap<string, SourceText>): NodeRecord {
  const r = entry.raw as any;
  const base = { id: r.id, citations: citationsOf(entry, entry.path, r.citations) };
  const named = { name: r.name, aliases: r.aliases ?? [] };
  switch (entry.collection) {
    case "sources": {
      const source: SourceRecord = {
        __typename: "Source",
        ...base,
        title: r.title,
        kind: r.kind,
        file: r.file,
        text: texts.get(r.id)?.text ?? "",
        publishedOn: r.publishedOn,
        datelineCityId: r.dateline ?? null,
        reportedBy: r.reportedBy ?? null,
        publisher: r.publisher ?? null,
        language: r.language,
      };
      return source;
    }
    case "countries":
      return {
        __typename: "Country",
        ...base,
        ...named,
        code: r.code,
        officialName: r.officialName,
        capitalId: r.capital,
        region: r.region,
        demonym: r.demonym,
      };
    case "cities":
      return { __typename: "City", ...base, ...named, countryId: r.country };
    case "leaders":
      return { __typename: "Leader", ...base, ...named, title: r.title, office: r.office, countryId: r.country };
    case "companies":
      return {
        __typename: "Company",
        ...base,
        ...named,
        countryId: r.country,
        sector: r.sector,
        description: r.description,
      };
    case "meetings":
      return {
        __typename: "Meeting",
        ...base,
        title: r.title,
        description: r.description,
        date: r.date ?? null,
        cityId: r.city,
        hostCountryId: r.hostCountry,
        participantIds: r.participants,
        invitedById: r.invitedBy ?? null,
        continuesId: r.continues ?? null,
        formats: (r.formats as any[]).map((f, i): MeetingFormatRecord => ({
          format: f.format,
          description: f.description,
          citations: citationsOf(entry, `${entry.path}.formats[${i}]`, f.citations),
        })),
      };
    case "delegations":
      return { __typename: "Delegation", ...base, name: r.name, countryId: r.country, meetingId: r.meeting };
    case "cooperationAreas":
      return {
        __typename: "CooperationArea",
        ...base,
        ...named,
        category: r.category,
        description: r.description,
        companyIds: r.companies,
      };
    case "positions":
      return {
        __typename: "Position",
        ...base,
        areaId: r.area,
        actorId: r.actor,
        stance: r.stance,
        meetingId: r.meeting,
        summary: r.summary,
      };
    case "commitments":
      return {
        __typename: "Commitment",
        ...base,
        title: r.title,
        description: r.description,
        kind: r.kind,
        status: r.status,
        partyIds: r.parties,
        beneficiaryId: r.beneficiary ?? null,
        areaId: r.area,
        meetingId: r.meeting,
        value: r.value ? { amount: r.value.amount, currency: r.value.currency } : null,
        quantity: r.quantity ? { value: r.quantity.value, unit: r.quantity.unit } : null,
      };
    case "flightRoutes":
      return {
        __typename: "FlightRoute",
        ...base,
        operatorId: r.operator,
        originId: r.origin,
        destinationId: r.destination,
        direct: r.direct,
        status: r.status,
        plannedYear: r.plannedYear ?? null,
        plannedYearBasis: r.plannedYearBasis ?? null,
        areaId: r.area,
        expectedBenefits: r.expectedBenefits,
      };
    case "awards":
      return { __typename: "Award", ...base, ...named, countryId: r.country, description: r.description };
    case "awardConferrals":
      return {
        __typename: "AwardConferral",
        ...base,
        awardId: r.award,
        conferredById: r.conferredBy,
        recipientId: r.recipient,
        date: r.date,
        cityId: r.city,
        meetingId: r.meeting ?? null,
        reason: r.reason,
        recipientResponse: r.recipientResponse ?? null,
      };
    case "sharedValues":
      return {
        __typename: "SharedValue",
        ...base,
        ...named,
        countryIds: r.countries,
        notedById: r.notedBy,
        meetingId: r.meeting,
      };
    case "statements":
      return {
        __typename: "Statement",
        ...base,
        speakerIds: r.speakers,
        meetingId: r.meeting,
        kind: r.kind,
        summary: r.summary,
      };
  }
}
/* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any */

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
