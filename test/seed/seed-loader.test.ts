/**
 * The seed loader against small fixture folders (test/fixtures/seed/<case>/), one per kind of
 * problem, plus a valid two-file folder and the real seed. Failure messages are asserted literally:
 * each must name the file, the JSON path and the problem. File names in messages are relative to
 * the fixtures folder so that they do not depend on where the repository is checked out.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

import { EvidenceMethod } from "../../src/domain/enums";
import type { CitationRecord, NodeRecord } from "../../src/domain/records";
import { SEED_COLLECTIONS } from "../../src/seed/seed.dto";
import { loadSeed, SeedValidationError } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { cite, claim, failureOf, FIXTURES_DIR, load, loadFixture, withClaims } from "../support/seed-fixtures";

const SECTORS =
  "URANIUM_MINING, NUCLEAR_ENERGY, AVIATION, OIL_AND_GAS, MINING, LOGISTICS, AGRICULTURE, PHARMACEUTICALS, DEFENSE, FINANCE, TECHNOLOGY, TOURISM, OTHER";

describe("loadSeed rejects an invalid seed folder, naming file, JSON path and problem", () => {
  test("dangling-reference: a leader whose country does not exist", () => {
    const error = failureOf("dangling-reference");
    expect(error.problems).toEqual([
      'dangling-reference/seed.json: $.leaders[1].country: references unknown id "country:CL"',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("wrong-reference-type: a city id where a country is expected", () => {
    // References are checked after merging, against the type of the record they point at.
    const error = failureOf("wrong-reference-type");
    expect(error.problems).toEqual([
      'wrong-reference-type/seed.json: $.leaders[0].country: "city:oslo" is a City, expected Country',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("duplicate-id: the same id in two files, both named", () => {
    const error = failureOf("duplicate-id");
    expect(error.problems).toEqual([
      'duplicate-id/talks.json: $.cities[0].id: duplicate id "city:accra" (first defined in duplicate-id/reference.json at $.cities[0])',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("bad-enum: a company sector outside the enum", () => {
    const error = failureOf("bad-enum");
    expect(error.problems).toEqual([
      `bad-enum/seed.json: $.companies[0].sector: must be one of the following values: ${SECTORS}`,
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("quote-mismatch: a quote that differs from the text at its offsets", () => {
    const error = failureOf("quote-mismatch");
    expect(error.problems).toEqual([
      'quote-mismatch/seed.json: $.leaders[0].citations[0].quote: "Energy Minister Wanjiru Kamao" does not match the source text at 105..134, which reads "Energy Minister Wanjiru Kamau"',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("offsets-out-of-range: offsets past the end of the source text", () => {
    const error = failureOf("offsets-out-of-range");
    expect(error.problems).toEqual([
      "offsets-out-of-range/seed.json: $.cities[0].citations[0]: offsets 130..160 are outside the source text (0..137)",
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("malformed-json: a truncated file, with the line and column where it stops", () => {
    const error = failureOf("malformed-json");
    expect(error.problems).toEqual([
      'malformed-json/talks.json: $: malformed JSON: unexpected end of string, found "\\"Prime Mini" (line 26, column 17)',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("unknown-property: a misspelled field is reported, and so is the field it should have been", () => {
    const error = failureOf("unknown-property");
    expect(error.problems).toEqual([
      "unknown-property/seed.json: $.leaders[0].ofice: should not exist",
      "unknown-property/seed.json: $.leaders[0].office: should not be empty",
      "unknown-property/seed.json: $.leaders[0].office: must be a string",
    ]);
    expect(error.message.startsWith("The seed data is invalid (3 problems):\n")).toBe(true);
  });

  test("missing-source-file: a source whose text file does not exist", () => {
    const error = failureOf("missing-source-file");
    expect(error.problems).toEqual([
      'missing-source-file/seed.json: $.sources[0].file: cannot read "sources/ulaanbaatar-memorandum-2032-07-11.txt" (ENOENT)',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("several-problems: three problems of three kinds in three files are all reported", () => {
    const error = failureOf("several-problems");
    expect(error.problems).toEqual([
      `several-problems/companies.json: $.companies[0].sector: must be one of the following values: ${SECTORS}`,
      'several-problems/talks.json: $.leaders[1].country: references unknown id "country:KR"',
      'several-problems/talks.json: $.leaders[0].citations[0].quote: "President Lucas Ferreira of Argentina" does not match the source text at 29..66, which reads "President Lucas Ferreyra of Argentina"',
    ]);
    expect(error.message.startsWith("The seed data is invalid (3 problems):\n")).toBe(true);
  });

  test("the message lists every problem, one per line", () => {
    const error = failureOf("several-problems");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SeedValidationError");
    expect(error.message.split("\n")).toEqual([
      "The seed data is invalid (3 problems):",
      ...error.problems.map(problem => `  - ${problem}`),
    ]);
  });
});

describe("loadSeed merges the files of a folder into one graph", () => {
  const SANTIAGO = "source:santiago-talks-2031-10-18";
  const REFERENCE = "source:reference-facts";
  const FIRST_SENTENCE =
    "President Camila Rojas of Chile received Prime Minister Erik Lunde of Norway at La Moneda, at President Rojas's invitation.";
  const FORMAT_SENTENCE = "The two leaders first met one-to-one and discussed salmon farming standards.";
  const SANTIAGO_TEXT =
    "SANTIAGO, 18 October 2031. " +
    FIRST_SENTENCE +
    " The two leaders first met one-to-one and discussed salmon farming standards." +
    ' Their offices later shared a photo captioned "Fjords meet the Andes \u{1F3D4}\uFE0F".' +
    " Prime Minister Lunde said the visit opened a new chapter." +
    " Reported by the test fixture desk.\n";
  const CHILE_FACTS = "Chile (official name: Republic of Chile) is a country in South America; its demonym is Chilean.";
  const NORWAY_FACTS =
    "Norway (official name: Kingdom of Norway) is a country in Northern Europe; its demonym is Norwegian.";
  const COMPILED = "Reference data compiled by test fixture on 1 October 2031.";
  const REFERENCE_TEXT =
    "Chile has the ISO 3166-1 alpha-2 code CL. The capital of Chile is Santiago.\n" +
    "Norway has the ISO 3166-1 alpha-2 code NO. The capital of Norway is Oslo.\n" +
    `${CHILE_FACTS}\n${NORWAY_FACTS}\n${COMPILED}\n`;

  const { INFERRED, REFERENCE: FROM_REFERENCE, STATED } = EvidenceMethod;
  const ENGLISH = "the text is written in English";

  const CL_CODE = cite(REFERENCE, 0, "Chile has the ISO 3166-1 alpha-2 code CL.");
  const CL_CAPITAL = cite(REFERENCE, 42, "The capital of Chile is Santiago.");
  const NO_CODE = cite(REFERENCE, 76, "Norway has the ISO 3166-1 alpha-2 code NO.");
  const NO_CAPITAL = cite(REFERENCE, 119, "The capital of Norway is Oslo.");
  const CL_FACTS = cite(REFERENCE, 150, CHILE_FACTS);
  const NO_FACTS = cite(REFERENCE, 246, NORWAY_FACTS);
  const REFERENCE_COMPILED = cite(REFERENCE, 347, COMPILED);
  const DATELINE = cite(SANTIAGO, 0, "SANTIAGO, 18 October 2031", "SANTIAGO, 18 October 2031.");
  const REPORTED_BY = cite(SANTIAGO, 359, "Reported by the test fixture desk.");
  const ROJAS = cite(SANTIAGO, 27, "President Camila Rojas of Chile", FIRST_SENTENCE);
  const ROJAS_ALIAS = cite(SANTIAGO, 121, "President Rojas", FIRST_SENTENCE);
  const LUNDE = cite(SANTIAGO, 68, "Prime Minister Erik Lunde of Norway", FIRST_SENTENCE);
  const LUNDE_SAID = cite(
    SANTIAGO,
    301,
    "Prime Minister Lunde said the visit opened a new chapter",
    "Prime Minister Lunde said the visit opened a new chapter.",
  );
  const RECEIVED_AT = cite(SANTIAGO, 59, "received Prime Minister Erik Lunde of Norway at La Moneda", FIRST_SENTENCE);
  const PHOTO = cite(
    SANTIAGO,
    274,
    "Fjords meet the Andes \u{1F3D4}\uFE0F",
    'Their offices later shared a photo captioned "Fjords meet the Andes \u{1F3D4}\uFE0F".',
  );
  const RECEIVED = cite(
    SANTIAGO,
    27,
    "President Camila Rojas of Chile received Prime Minister Erik Lunde of Norway",
    FIRST_SENTENCE,
  );
  const INVITATION = cite(SANTIAGO, 118, "at President Rojas's invitation", FIRST_SENTENCE);
  const MET_FIRST = cite(SANTIAGO, 151, "The two leaders first met one-to-one", FORMAT_SENTENCE);
  const ONE_TO_ONE = cite(SANTIAGO, 167, "first met one-to-one", FORMAT_SENTENCE);

  const data = withClaims(loadFixture("valid-merge"));

  test("sources from both files, with their texts", () => {
    expect(data.sources).toEqual([
      {
        __typename: "Source",
        id: REFERENCE,
        title: "Reference facts about Chile and Norway",
        kind: "REFERENCE",
        file: "sources/reference-facts.txt",
        text: REFERENCE_TEXT,
        publishedOn: "2031-10-01",
        datelineCityId: null,
        reportedBy: null,
        publisher: "test fixture",
        language: "en",
        citations: [CL_CODE, REFERENCE_COMPILED],
        evidence: [
          claim("kind", FROM_REFERENCE, null, REFERENCE_COMPILED),
          claim("publishedOn", FROM_REFERENCE, null, REFERENCE_COMPILED),
          claim("publisher", FROM_REFERENCE, null, REFERENCE_COMPILED),
          claim("language", INFERRED, ENGLISH, REFERENCE_COMPILED),
        ],
      },
      {
        __typename: "Source",
        id: SANTIAGO,
        title: "Chilean president receives Norwegian prime minister",
        kind: "NEWS_REPORT",
        file: "sources/santiago-talks-2031-10-18.txt",
        text: SANTIAGO_TEXT,
        publishedOn: "2031-10-18",
        datelineCityId: "city:santiago",
        reportedBy: "test fixture desk",
        publisher: null,
        language: "en",
        citations: [DATELINE, REPORTED_BY],
        evidence: [
          claim("kind", INFERRED, "the text opens with a dateline, place and date, as a news report does", DATELINE),
          claim("publishedOn", STATED, null, DATELINE),
          claim("dateline", STATED, null, DATELINE),
          claim("reportedBy", STATED, null, REPORTED_BY),
          claim("language", INFERRED, ENGLISH, DATELINE),
        ],
      },
    ]);
  });

  test("countries from the reference file", () => {
    expect(data.countries).toEqual([
      {
        __typename: "Country",
        id: "country:CL",
        code: "CL",
        name: "Chile",
        aliases: ["Chilean"],
        officialName: "Republic of Chile",
        capitalId: "city:santiago",
        region: "South America",
        demonym: "Chilean",
        citations: [CL_CODE, CL_CAPITAL, CL_FACTS],
        evidence: [
          claim("name", FROM_REFERENCE, null, CL_CODE),
          claim("aliases", INFERRED, 'the demonym Chilean also names the country, as in "the Chilean side"', CL_FACTS),
          claim("code", FROM_REFERENCE, null, CL_CODE),
          claim("officialName", FROM_REFERENCE, null, CL_FACTS),
          claim("capital", FROM_REFERENCE, null, CL_CAPITAL),
          claim("region", FROM_REFERENCE, null, CL_FACTS),
          claim("demonym", FROM_REFERENCE, null, CL_FACTS),
        ],
      },
      {
        __typename: "Country",
        id: "country:NO",
        code: "NO",
        name: "Norway",
        aliases: [],
        officialName: "Kingdom of Norway",
        capitalId: "city:oslo",
        region: "Northern Europe",
        demonym: "Norwegian",
        citations: [NO_CODE, NO_CAPITAL, NO_FACTS],
        // No claim about the aliases: there are none.
        evidence: [
          claim("name", FROM_REFERENCE, null, NO_CODE),
          claim("code", FROM_REFERENCE, null, NO_CODE),
          claim("officialName", FROM_REFERENCE, null, NO_FACTS),
          claim("capital", FROM_REFERENCE, null, NO_CAPITAL),
          claim("region", FROM_REFERENCE, null, NO_FACTS),
          claim("demonym", FROM_REFERENCE, null, NO_FACTS),
        ],
      },
    ]);
  });

  test("leaders from the dropped-in file, referencing countries of the other file", () => {
    expect(data.leaders).toEqual([
      {
        __typename: "Leader",
        id: "leader:camila-rojas",
        name: "Camila Rojas",
        aliases: ["President Rojas"],
        title: "President",
        office: "President of Chile",
        countryId: "country:CL",
        citations: [ROJAS, ROJAS_ALIAS],
        evidence: [
          claim("name", STATED, null, ROJAS),
          claim("aliases", STATED, null, ROJAS_ALIAS),
          claim("title", STATED, null, ROJAS),
          claim("office", STATED, null, ROJAS),
          claim("country", STATED, null, ROJAS),
        ],
      },
      {
        __typename: "Leader",
        id: "leader:erik-lunde",
        name: "Erik Lunde",
        aliases: [],
        title: "Prime Minister",
        office: "Prime Minister of Norway",
        countryId: "country:NO",
        citations: [LUNDE, LUNDE_SAID],
        evidence: [
          claim("name", STATED, null, LUNDE),
          claim("title", STATED, null, LUNDE, LUNDE_SAID),
          claim("office", STATED, null, LUNDE),
          claim("country", STATED, null, LUNDE),
        ],
      },
    ]);
  });

  test("the meeting, its format and their citations", () => {
    expect(data.meetings).toEqual([
      {
        __typename: "Meeting",
        id: "meeting:2031-10-18-santiago",
        title: "Rojas–Lunde talks in Santiago",
        description: "Talks between President Camila Rojas of Chile and Prime Minister Erik Lunde of Norway.",
        date: "2031-10-18",
        cityId: "city:santiago",
        hostCountryId: "country:CL",
        participantIds: ["leader:camila-rojas", "leader:erik-lunde"],
        invitedById: "leader:camila-rojas",
        continuesId: null,
        formats: [
          {
            format: "ONE_TO_ONE",
            description: "The leaders first met one-to-one.",
            participantIds: [],
            delegationIds: [],
            positionIds: [],
            statementIds: [],
            commitmentIds: [],
            citations: [ONE_TO_ONE],
            evidence: [claim("format", STATED, null, ONE_TO_ONE)],
          },
        ],
        citations: [RECEIVED_AT, PHOTO, DATELINE, RECEIVED, INVITATION, MET_FIRST],
        // Citations that support no fact field (the photo caption) still support the description.
        evidence: [
          claim(
            "date",
            INFERRED,
            "the report, datelined 18 October 2031, tells of the visit as the day's news",
            DATELINE,
          ),
          claim("city", STATED, null, DATELINE),
          claim("hostCountry", STATED, null, RECEIVED),
          claim("participants", STATED, null, RECEIVED),
          claim("invitedBy", STATED, null, INVITATION),
          claim("formats", STATED, null, MET_FIRST),
        ],
      },
    ]);
  });

  test("a claim's citations are its record's own citation objects", () => {
    const [meeting] = data.meetings;
    const invitedBy = meeting?.evidence.find(c => c.field === "invitedBy");
    expect(invitedBy?.citations[0]).toBe(meeting?.citations[4]);
    const format = meeting?.formats[0];
    expect(format?.evidence[0]?.citations[0]).toBe(format?.citations[0]);
  });

  test("cities come from the reference file; every other collection is empty", () => {
    expect(data.cities.map(city => [city.id, city.countryId])).toEqual([
      ["city:santiago", "country:CL"],
      ["city:oslo", "country:NO"],
    ]);
    expect(
      [
        data.companies,
        data.delegations,
        data.cooperationAreas,
        data.positions,
        data.commitments,
        data.flightRoutes,
        data.awards,
        data.awardConferrals,
        data.sharedValues,
        data.statements,
      ].map(collection => collection.length),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("offsets count code points, not UTF-16 units", () => {
    // The emoji before this quote is two code points but three UTF-16 units.
    expect(SANTIAGO_TEXT.indexOf("Prime Minister Lunde said")).toBe(302);
    expect(data.leaders[1]?.citations[1]?.start).toBe(301);
  });

  test("the records are frozen", () => {
    const loaded = loadFixture("valid-merge");
    expect(Object.isFrozen(loaded)).toBe(true);
    expect(Object.isFrozen(loaded.meetings[0]?.formats[0]?.citations[0])).toBe(true);
  });

  test("the reference file alone is a valid seed; dropping in the talks file adds its records", () => {
    const dir = mkdtempSync(join(tmpdir(), "seed-reference-only-"));
    try {
      cpSync(join(FIXTURES_DIR, "valid-merge", "reference.json"), join(dir, "reference.json"));
      cpSync(join(FIXTURES_DIR, "valid-merge", "sources"), join(dir, "sources"), { recursive: true });
      const alone = load(dir);
      expect([alone.sources.length, alone.countries.length, alone.cities.length, alone.leaders.length]).toEqual([
        1, 2, 2, 0,
      ]);
      expect(alone.meetings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the real seed", () => {
  const data = loadSeed({ seedDir: SEED_DIR });

  test("has the number of records of each collection that its files hold", () => {
    expect(Object.fromEntries(SEED_COLLECTIONS.map(collection => [collection, data[collection].length]))).toEqual({
      sources: 2,
      countries: 2,
      cities: 3,
      leaders: 2,
      companies: 3,
      meetings: 2,
      delegations: 2,
      cooperationAreas: 16,
      positions: 24,
      commitments: 2,
      flightRoutes: 1,
      awards: 1,
      awardConferrals: 1,
      sharedValues: 2,
      statements: 9,
    });
  });

  test("every citation quotes its source text exactly at its code-point offsets", () => {
    const texts = new Map(data.sources.map(source => [source.id, Array.from(source.text)]));
    const records = SEED_COLLECTIONS.flatMap((collection): readonly NodeRecord[] => data[collection]);
    const citations: readonly CitationRecord[] = records.flatMap(record => [
      ...record.citations,
      ...(record.__typename === "Meeting" ? record.formats.flatMap(format => format.citations) : []),
    ]);
    const mismatches = citations.filter(citation => {
      const text = texts.get(citation.sourceId);
      const sourceText = text?.join("") ?? "";
      return (
        text === undefined ||
        text.slice(citation.start, citation.end).join("") !== citation.quote ||
        citation.sentence.length === 0 ||
        !sourceText.includes(citation.sentence)
      );
    });
    expect(mismatches).toEqual([]);

    // No citation was dropped on the way: as many as the seed files hold.
    const countCitations = (value: unknown): number =>
      Array.isArray(value)
        ? value.reduce((sum: number, item) => sum + countCitations(item), 0)
        : value !== null && typeof value === "object"
          ? Object.entries(value).reduce(
              (sum, [key, child]) =>
                sum + (key === "citations" && Array.isArray(child) ? child.length : countCitations(child)),
              0,
            )
          : 0;
    const inFiles = readdirSync(SEED_DIR)
      .filter(name => name.endsWith(".json"))
      .reduce((sum, name) => sum + countCitations(JSON.parse(readFileSync(join(SEED_DIR, name), "utf8"))), 0);
    expect(citations.length).toBe(inFiles);
    expect(citations.length).toBeGreaterThan(0);
  });
});

describe("loadSeed reports every problem, and only real ones", () => {
  const VALID = join(FIXTURES_DIR, "valid-merge");
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "seed-"));
    cpSync(VALID, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  type Json = Record<string, Array<Record<string, unknown>>>;
  const edit = (file: string, change: (json: Json) => void) => {
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, "utf8")) as Json;
    change(json);
    writeFileSync(path, JSON.stringify(json, null, 2));
  };
  const problemsOf = (): readonly string[] => {
    try {
      loadSeed({ seedDir: dir, displayPath: p => relative(dir, p) });
    } catch (error) {
      if (error instanceof SeedValidationError) return error.problems;
      throw error;
    }
    return [];
  };
  const TALKS = "santiago-talks-2031-10-18.json";
  const at = <T>(list: T[] | undefined, index: number): T => {
    const item = list?.[index];
    if (item === undefined) throw new Error(`no item ${index}`);
    return item;
  };

  test("a shape problem in one file causes no false problems in another", () => {
    edit("reference.json", json => (at(json.countries, 1).region = ""));
    expect(problemsOf()).toEqual(["reference.json: $.countries[1].region: should not be empty"]);
  });

  test("an unknown key that is not a valid regular expression is reported, not a crash", () => {
    edit("reference.json", json => {
      at(json.countries, 1)["a(["] = 1;
    });
    expect(problemsOf()).toEqual(["reference.json: $.countries[1].a([: should not exist"]);
  });

  test("an array where a nested object belongs is a problem, not a crash", () => {
    edit(TALKS, json => {
      at(json.meetings, 0).formats = [[]];
    });
    expect(problemsOf()).toEqual([`${TALKS}: $.meetings[0].formats: each value in formats must be an object`]);
  });

  test("a shape problem does not hide a reference problem in the same file", () => {
    edit(TALKS, json => {
      at(json.leaders, 0).country = "country:XX";
      at(at(json.meetings, 0).formats as Array<Record<string, unknown>>, 0).format = "BILATERAL";
    });
    expect(problemsOf()).toEqual([
      `${TALKS}: $.meetings[0].formats[0].format: must be one of the following values: ONE_TO_ONE, EXPANDED`,
      `${TALKS}: $.leaders[0].country: references unknown id "country:XX"`,
    ]);
  });

  test("a file that does not parse is reported once, without a false problem per reference into it", () => {
    writeFileSync(join(dir, "reference.json"), '{ "countries": [ { "id": "country:CL", ');
    expect(problemsOf()).toEqual([
      "reference.json: $: malformed JSON: property name expected (line 1, column 40)",
      "reference.json: 5 references in other files could not be checked until this file parses",
    ]);
  });

  test("reversed offsets are reported as such", () => {
    edit(TALKS, json => {
      const citation = at(at(json.sources, 0).citations as Array<Record<string, unknown>>, 0);
      citation.start = 25;
      citation.end = 3;
    });
    expect(problemsOf()).toEqual([
      `${TALKS}: $.sources[0].citations[0]: offsets 25..3 are empty or reversed (end must be after start)`,
    ]);
  });

  test("a source file outside the seed folder is refused", () => {
    edit(TALKS, json => (at(json.sources, 0).file = "../outside.txt"));
    expect(problemsOf()).toEqual([
      `${TALKS}: $.sources[0].file: must be the path of a .txt file inside the seed folder, got "../outside.txt"`,
    ]);
  });

  test("a folder whose name ends in .json is not a seed file", () => {
    mkdirSync(join(dir, "drafts.json"));
    expect(problemsOf()).toEqual([]);
  });

  describe("citations by quote alone", () => {
    /** Replaces the second citation of Erik Lunde (offsets 301..357, after an emoji) with `citation`. */
    const citeLunde = (citation: Record<string, unknown>) =>
      edit(TALKS, json => {
        const citations = at(json.leaders, 1).citations as Array<Record<string, unknown>>;
        citations[1] = { source: "source:santiago-talks-2031-10-18", ...citation };
      });
    const lundeCitation = () => {
      const leader = loadSeed({ seedDir: dir }).leaders.find(l => l.id === "leader:erik-lunde");
      const { start, end, quote, sentence } = at(leader?.citations.slice(), 1);
      return { start, end, quote, sentence };
    };
    const SENTENCE = "Prime Minister Lunde said the visit opened a new chapter.";

    test("a quote that occurs once gets its code-point offsets and sentence", () => {
      citeLunde({ quote: "Prime Minister Lunde said the visit opened a new chapter" });
      expect(lundeCitation()).toEqual({
        start: 301,
        end: 357,
        quote: "Prime Minister Lunde said the visit opened a new chapter",
        sentence: SENTENCE,
      });
    });

    test("a quote that occurs more than once is refused, listing where, unless an occurrence is given", () => {
      citeLunde({ quote: "Prime Minister" });
      expect(problemsOf()).toEqual([
        `${TALKS}: $.leaders[1].citations[1].quote: "Prime Minister" occurs 2 times in the source text (at code points 68, 301); add "occurrence": 1 to 2 to say which`,
      ]);
      citeLunde({ quote: "Prime Minister", occurrence: 2 });
      expect(lundeCitation()).toEqual({ start: 301, end: 315, quote: "Prime Minister", sentence: SENTENCE });
    });

    test("a quote that is not in the source, or an occurrence past the last, is refused", () => {
      citeLunde({ quote: "Prime Minister Lunde said the visit closed a chapter" });
      expect(problemsOf()).toEqual([
        `${TALKS}: $.leaders[1].citations[1].quote: "Prime Minister Lunde said the visit closed a chapter" does not occur in the source text`,
      ]);
      citeLunde({ quote: "Prime Minister", occurrence: 3 });
      expect(problemsOf()).toEqual([
        `${TALKS}: $.leaders[1].citations[1].occurrence: 3 is more than the 2 occurrences of "Prime Minister" in the source text`,
      ]);
    });

    test("half a pair of offsets, or offsets and an occurrence, are refused", () => {
      citeLunde({ quote: "Prime Minister", start: 301 });
      expect(problemsOf()).toEqual([
        `${TALKS}: $.leaders[1].citations[1]: give both start and end, or neither (the loader then finds the quote)`,
      ]);
      citeLunde({ quote: "Prime Minister", start: 301, end: 315, occurrence: 2 });
      expect(problemsOf()).toEqual([
        `${TALKS}: $.leaders[1].citations[1].occurrence: give either offsets (start, end) or an occurrence, not both`,
      ]);
    });
  });
});
