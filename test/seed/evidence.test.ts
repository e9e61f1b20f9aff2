/**
 * Evidence per value (src/seed/seed.evidence.ts): every fact field with a value (src/domain/facts.ts)
 * is backed by the citations whose `supports` name it, and a value marked `inferred` carries its
 * basis. test/fixtures/seed/evidence-valid loads; every other folder here is a copy of it with one
 * kind of evidence problem, and its whole problem list is asserted, as test/seed/seed-loader.test.ts
 * does. File names in messages are relative to the fixtures folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { EvidenceMethod } from "../../src/domain/enums";
import { loadSeed } from "../../src/seed/seed.loader";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { decodeImage, encodeImage } from "../../src/repository/in-memory/image";
import { loadWithSnapshot } from "../../src/seed/snapshot";
import { cite, claim, failureOf, FIXTURES_DIR, loadFixture, withClaims } from "../support/seed-fixtures";

describe("loadSeed refuses values without evidence, and evidence that does not fit, naming file, JSON path and field", () => {
  test("no-evidence: a fact with a value that no citation supports", () => {
    const error = failureOf("no-evidence");
    expect(error.problems).toEqual([
      'no-evidence/seed.json: $.leaders[0].country: no evidence: add "country" to the "supports" of a citation that states it, or mark it "inferred" with its basis',
    ]);
    expect(error.message.startsWith("The seed data is invalid (1 problem):\n")).toBe(true);
  });

  test("inference-without-basis: an inferred value whose basis is blank", () => {
    expect(failureOf("inference-without-basis").problems).toEqual([
      "inference-without-basis/seed.json: $.meetings[0].inferred.invitedBy: an inference needs its basis: a non-empty string saying how the value was derived",
    ]);
  });

  test("inferred-without-citation: an inferred value that no citation supports (its premises are missing)", () => {
    expect(failureOf("inferred-without-citation").problems).toEqual([
      'inferred-without-citation/seed.json: $.flightRoutes[0].plannedYear: inferred, but no citation names it in its "supports": add "plannedYear" to the supports of the citations it is inferred from',
    ]);
  });

  test("unknown-supported-field: supports or inferred naming a field that is not a fact field, listing the type's", () => {
    expect(failureOf("unknown-supported-field").problems).toEqual([
      'unknown-supported-field/seed.json: $.meetings[0].inferred.title: "title" is not a fact field of Meeting (its fact fields: date, city, hostCountry, participants, invitedBy, continues, formats)',
      'unknown-supported-field/seed.json: $.meetings[0].formats[0].citations[0].supports[1]: "description" is not a fact field of Meeting.formats[0] (its fact fields: format, participants, delegations, positions, statements, commitments)',
      'unknown-supported-field/seed.json: $.flightRoutes[0].citations[1].supports[1]: "plannedYearBasis" is not a fact field of FlightRoute (its fact fields: operator, origin, destination, direct, status, plannedYear, area, expectedBenefits)',
    ]);
  });

  test("supported-twice: a citation naming a field twice", () => {
    expect(failureOf("supported-twice").problems).toEqual([
      'supported-twice/seed.json: $.leaders[1].citations[0].supports[2]: "name" is listed twice',
    ]);
  });

  test("supports-null-field: supporting a null field, or inferring an empty list", () => {
    expect(failureOf("supports-null-field").problems).toEqual([
      'supports-null-field/seed.json: $.meetings[0].citations[1].supports[1]: supports "continues", which has no value here',
      'supports-null-field/seed.json: $.flightRoutes[0].inferred.expectedBenefits: "expectedBenefits" has no value here, so there is nothing inferred',
    ]);
  });
});

describe("the evidence of each record of a valid folder", () => {
  const REFERENCE = "source:reference-facts";
  const REPORT = "source:reykjavik-talks-2033-03-04";
  const ENGLISH = "the text is written in English";
  const RECEIVED =
    "Prime Minister Helga Einarsdóttir of Iceland received Prime Minister Aroha Walker of New Zealand in Reykjavik on 4 March 2033";
  const FORMATS = "The two prime ministers first talked alone, then with their delegations";
  const AVIATION =
    "They agreed to work together in aviation, where Nordur Air plans to open direct flights between Reykjavik and Akureyri next year.";

  const { INFERRED, REFERENCE: FROM_REFERENCE, STATED } = EvidenceMethod;

  const COMPILED = cite(REFERENCE, 426, "Reference data compiled by test fixture on 1 March 2033.");
  const DATELINE = cite(REPORT, 0, "REYKJAVIK, 4 March 2033", "REYKJAVIK, 4 March 2033.");
  const IS_CODE = cite(REFERENCE, 0, "Iceland has the ISO 3166-1 alpha-2 code IS.");
  const IS_CAPITAL = cite(REFERENCE, 44, "The capital of Iceland is Reykjavik.");
  const IS_FACTS = cite(
    REFERENCE,
    81,
    "Iceland (official name: Iceland) is a country in Northern Europe; its demonym is Icelandic.",
  );
  const HELGA = cite(REPORT, 25, "Prime Minister Helga Einarsdóttir of Iceland", `${RECEIVED}.`);
  const AROHA = cite(REPORT, 79, "Prime Minister Aroha Walker of New Zealand", `${RECEIVED}.`);
  const AROHA_ALIAS = cite(
    REPORT,
    152,
    "Prime Minister Walker",
    "Prime Minister Walker thanked her host for the invitation.",
  );
  const MEETING_RECEIVED = cite(REPORT, 25, RECEIVED, `${RECEIVED}.`);
  const THANKED = cite(
    REPORT,
    152,
    "Prime Minister Walker thanked her host for the invitation",
    "Prime Minister Walker thanked her host for the invitation.",
  );
  const MEETING_FORMATS = cite(REPORT, 211, FORMATS, `${FORMATS}.`);
  const ALONE = cite(REPORT, 235, "first talked alone", `${FORMATS}.`);
  const DELEGATIONS = cite(REPORT, 255, "then with their delegations", `${FORMATS}.`);
  const ROUTE = cite(
    REPORT,
    313,
    "in aviation, where Nordur Air plans to open direct flights between Reykjavik and Akureyri next year",
    AVIATION,
  );

  const data = withClaims(loadFixture("evidence-valid"));

  test("sources: a reference source's facts are REFERENCE, a report's STATED, and the inferred ones carry their basis", () => {
    expect(data.sources.map(({ id, citations, evidence }) => ({ id, citations, evidence }))).toEqual([
      {
        id: REFERENCE,
        citations: [COMPILED],
        evidence: [
          claim("kind", FROM_REFERENCE, null, COMPILED),
          claim("publishedOn", FROM_REFERENCE, null, COMPILED),
          claim("publisher", FROM_REFERENCE, null, COMPILED),
          claim("language", INFERRED, ENGLISH, COMPILED),
        ],
      },
      {
        id: REPORT,
        citations: [DATELINE],
        // No claim about reportedBy or publisher: the report has neither.
        evidence: [
          claim("kind", INFERRED, "the text opens with a dateline, place and date, as a news report does", DATELINE),
          claim("publishedOn", STATED, null, DATELINE),
          claim("dateline", STATED, null, DATELINE),
          claim("language", INFERRED, ENGLISH, DATELINE),
        ],
      },
    ]);
  });

  test("a country cited only to the reference source: every claim is REFERENCE, in the order of its fact fields", () => {
    expect(data.countries[0]).toEqual({
      __typename: "Country",
      id: "country:IS",
      code: "IS",
      name: "Iceland",
      aliases: [],
      officialName: "Iceland",
      capitalId: "city:reykjavik",
      region: "Northern Europe",
      demonym: "Icelandic",
      citations: [IS_CODE, IS_CAPITAL, IS_FACTS],
      evidence: [
        claim("name", FROM_REFERENCE, null, IS_CODE),
        claim("code", FROM_REFERENCE, null, IS_CODE),
        claim("officialName", FROM_REFERENCE, null, IS_FACTS),
        claim("capital", FROM_REFERENCE, null, IS_CAPITAL),
        claim("region", FROM_REFERENCE, null, IS_FACTS),
        claim("demonym", FROM_REFERENCE, null, IS_FACTS),
      ],
    });
  });

  test("a city cited to both sources: a claim is STATED as soon as one of its citations is not reference data", () => {
    expect(data.cities[0]?.evidence).toEqual([
      claim("name", STATED, null, IS_CAPITAL, cite(REPORT, 0, "REYKJAVIK", "REYKJAVIK, 4 March 2033.")),
      claim("country", FROM_REFERENCE, null, IS_CAPITAL),
    ]);
  });

  test("leaders cited to the report: STATED, each claim with the citations that support it", () => {
    expect(data.leaders.map(({ id, citations, evidence }) => ({ id, citations, evidence }))).toEqual([
      {
        id: "leader:helga-einarsdottir",
        citations: [HELGA],
        evidence: [
          claim("name", STATED, null, HELGA),
          claim("title", STATED, null, HELGA),
          claim("office", STATED, null, HELGA),
          claim("country", STATED, null, HELGA),
        ],
      },
      {
        id: "leader:aroha-walker",
        citations: [AROHA, AROHA_ALIAS],
        evidence: [
          claim("name", STATED, null, AROHA),
          claim("aliases", STATED, null, AROHA_ALIAS),
          claim("title", STATED, null, AROHA),
          claim("office", STATED, null, AROHA),
          claim("country", STATED, null, AROHA),
        ],
      },
    ]);
  });

  test("the meeting: its inviter INFERRED with its basis, and each format's own evidence", () => {
    const [meeting] = data.meetings;
    expect({ citations: meeting?.citations, evidence: meeting?.evidence }).toEqual({
      citations: [MEETING_RECEIVED, THANKED, MEETING_FORMATS],
      // No claim about `continues`: the meeting continues none.
      evidence: [
        claim("date", STATED, null, MEETING_RECEIVED),
        claim("city", STATED, null, MEETING_RECEIVED),
        claim("hostCountry", STATED, null, MEETING_RECEIVED),
        claim("participants", STATED, null, MEETING_RECEIVED),
        claim("invitedBy", INFERRED, "the guest thanked her host for the invitation", THANKED),
        claim("formats", STATED, null, MEETING_FORMATS),
      ],
    });
    expect(meeting?.formats).toEqual([
      {
        format: "ONE_TO_ONE",
        description: "The prime ministers talked alone.",
        participantIds: [],
        delegationIds: [],
        positionIds: [],
        statementIds: [],
        commitmentIds: [],
        citations: [ALONE],
        evidence: [claim("format", STATED, null, ALONE)],
      },
      {
        format: "EXPANDED",
        description: "The prime ministers talked with their delegations.",
        participantIds: [],
        delegationIds: [],
        positionIds: [],
        statementIds: [],
        commitmentIds: [],
        citations: [DELEGATIONS],
        evidence: [
          claim("format", INFERRED, "talks with the delegations are talks in an expanded format", DELEGATIONS),
        ],
      },
    ]);
  });

  test("a flight route: the planned year INFERRED from two citations, its basis also the route's plannedYearBasis", () => {
    const basis = `"next year" relative to the report's date, 2033-03-04`;
    const [route] = data.flightRoutes;
    expect({
      plannedYear: route?.plannedYear,
      plannedYearBasis: route?.plannedYearBasis,
      citations: route?.citations,
      evidence: route?.evidence,
    }).toEqual({
      plannedYear: 2034,
      plannedYearBasis: basis,
      citations: [ROUTE, DATELINE],
      // No claim about expectedBenefits: an empty list is no value.
      evidence: [
        claim("operator", STATED, null, ROUTE),
        claim("origin", STATED, null, ROUTE),
        claim("destination", STATED, null, ROUTE),
        claim("direct", STATED, null, ROUTE),
        claim("status", STATED, null, ROUTE),
        claim("plannedYear", INFERRED, basis, ROUTE, DATELINE),
        claim("area", STATED, null, ROUTE),
      ],
    });
  });

  test("a claim's citations are its record's own citation objects, not copies", () => {
    const route = data.flightRoutes[0];
    const plannedYear = route?.evidence.find(c => c.field === "plannedYear");
    expect(plannedYear?.citations[0]).toBe(route?.citations[0]);
    expect(plannedYear?.citations[1]).toBe(route?.citations[1]);
    const expanded = data.meetings[0]?.formats[1];
    expect(expanded?.evidence[0]?.citations[0]).toBe(expanded?.citations[0]);
  });

  test("the compact evidence is frozen with its record: a mask per citation, the bases of inferred fields", () => {
    const [meeting] = loadFixture("evidence-valid").meetings;
    expect({ supports: meeting?.supports, inferred: meeting?.inferred }).toEqual({
      // date, city, hostCountry, participants | invitedBy | formats — bits 0, 1, 2, 3, 4 and 6 of Meeting's facts
      supports: [0b1111, 0b10000, 0b1000000],
      inferred: { invitedBy: "the guest thanked her host for the invitation" },
    });
    expect([Object.isFrozen(meeting?.supports), Object.isFrozen(meeting?.inferred)]).toEqual([true, true]);
  });
});

describe("evidence through a snapshot (src/seed/snapshot.ts)", () => {
  const seedDir = join(FIXTURES_DIR, "evidence-valid");
  let snapshotDir: string;
  beforeEach(() => {
    snapshotDir = mkdtempSync(join(tmpdir(), "evidence-snapshot-"));
  });
  afterEach(() => rmSync(snapshotDir, { recursive: true, force: true }));

  test("a warm load equals the cold one, and gives the same claims, built of its records' own citations", () => {
    const cold = loadWithSnapshot(seedDir, snapshotDir, () =>
      encodeImage(new InMemoryRepository(loadSeed({ seedDir }))),
    );
    const warm = loadWithSnapshot(seedDir, snapshotDir, () => {
      throw new Error("the second load must read the snapshot");
    });
    expect([cold.warm, warm.warm]).toEqual([false, true]);
    const warmData = decodeImage(warm.payload).data;
    const coldData = decodeImage(cold.payload).data;
    expect(warmData).toEqual(loadSeed({ seedDir }));
    expect(warmData).toEqual(coldData);

    const claimed = withClaims(warmData);
    expect(claimed).toEqual(withClaims(coldData));
    const route = claimed.flightRoutes[0];
    const plannedYear = route?.evidence.find(c => c.field === "plannedYear");
    expect(plannedYear?.citations).toHaveLength(2);
    expect(plannedYear?.citations[0]).toBe(route?.citations[0]);
    expect(plannedYear?.citations[1]).toBe(route?.citations[1]);
    const [meeting] = claimed.meetings;
    expect(meeting?.evidence.find(c => c.field === "invitedBy")?.citations[0]).toBe(meeting?.citations[1]);
    const expanded = meeting?.formats[1];
    expect(expanded?.evidence[0]?.citations[0]).toBe(expanded?.citations[0]);
  });
});
