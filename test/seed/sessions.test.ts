/**
 * Meeting formats as things: a format names the leaders, delegations, positions, statements and
 * commitments the report places in it (src/seed/seed.references.ts checks each reference: of its
 * type, a leader among the meeting's participants, anything else of the same meeting), each
 * placement with its evidence. Built on test/fixtures/seed/evidence-valid, changed per test in a
 * temporary folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { EvidenceMethod } from "../../src/domain/enums";
import type { GraphData } from "../../src/domain/records";
import { loadSeed, SeedValidationError } from "../../src/seed/seed.loader";
import { withClaims } from "../support/seed-fixtures";

const FIXTURE = join(__dirname, "..", "fixtures", "seed", "evidence-valid");
const TALKS = "source:reykjavik-talks-2033-03-04";
const MEETING = "meeting:2033-03-04-reykjavik";
const HELGA = "leader:helga-einarsdottir";
const AROHA = "leader:aroha-walker";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bilateral-graph-sessions-"));
  cpSync(FIXTURE, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Loads the fixture after `change` edits its seed file. */
function loadChanged(change: (seed: Json) => void): GraphData {
  const file = join(dir, "seed.json");
  const seed = JSON.parse(readFileSync(file, "utf8")) as Json;
  change(seed);
  writeFileSync(file, JSON.stringify(seed));
  return loadSeed({ seedDir: dir, displayPath: p => p.slice(dir.length + 1) });
}

function problemsOf(change: (seed: Json) => void): readonly string[] {
  try {
    loadChanged(change);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  throw new Error("the seed loaded without error");
}

/** A position of `meeting` by Helga Einarsdóttir on aviation, its facts supported by one quote. */
const position = (id: string, meeting: string) => ({
  id,
  area: "area:aviation",
  actor: HELGA,
  stance: "SUPPORTED",
  meeting,
  summary: "The prime ministers agreed to work together in aviation.",
  citations: [
    {
      source: TALKS,
      quote: "They agreed to work together in aviation",
      supports: ["area", "actor", "stance", "meeting"],
    },
  ],
});

const meetingOf = (seed: Json): Json => (seed.meetings as Json[])[0] as Json;
const formatOf = (seed: Json, i: number): Json => (meetingOf(seed).formats as Json[])[i] as Json;

describe("a meeting's formats name who took part and what the report places in them", () => {
  test("a format's participants and positions load, each placement with its evidence", () => {
    const data = loadChanged(seed => {
      seed.positions = [position("position:helga-supported-aviation", MEETING)];
      const one = formatOf(seed, 0);
      one.participants = [HELGA, AROHA];
      one.inferred = { participants: "the two prime ministers talked alone: the one-to-one format is theirs" };
      const expanded = formatOf(seed, 1);
      expanded.positions = ["position:helga-supported-aviation"];
      expanded.inferred = {
        ...(expanded.inferred as Json),
        positions: "said after they were joined by their delegations",
      };
      (one.citations as Json[])[0]!.supports = ["format", "participants"];
      (expanded.citations as Json[]).push({
        source: TALKS,
        quote: "They agreed to work together in aviation",
        supports: ["positions"],
      });
    });
    const [one, expanded] = withClaims(data).meetings[0]!.formats;
    expect(one).toMatchObject({ participantIds: [HELGA, AROHA], positionIds: [], delegationIds: [] });
    expect(one!.evidence.map(({ field, method, basis }) => ({ field, method, basis }))).toEqual([
      { field: "format", method: EvidenceMethod.STATED, basis: null },
      {
        field: "participants",
        method: EvidenceMethod.INFERRED,
        basis: "the two prime ministers talked alone: the one-to-one format is theirs",
      },
    ]);
    expect(expanded).toMatchObject({ participantIds: [], positionIds: ["position:helga-supported-aviation"] });
    expect(expanded!.evidence.map(({ field, method }) => ({ field, method }))).toEqual([
      { field: "format", method: EvidenceMethod.INFERRED },
      { field: "positions", method: EvidenceMethod.INFERRED },
    ]);
    expect(expanded!.evidence[1]!.citations.map(c => c.quote)).toEqual(["They agreed to work together in aviation"]);
  });

  test("references of the wrong type, unknown, of another meeting, or a leader who was not there: each named", () => {
    const problems = problemsOf(seed => {
      const other = structuredClone(meetingOf(seed));
      other.id = "meeting:2033-03-05-akureyri";
      other.formats = [];
      (other.citations as Json[]).pop(); // the quote that supported its formats
      (seed.meetings as Json[]).push(other);
      seed.positions = [position("position:elsewhere", "meeting:2033-03-05-akureyri")];
      meetingOf(seed).participants = [HELGA];
      (meetingOf(seed).citations as Json[])[0]!.supports = ["date", "city", "hostCountry", "participants"];
      const one = formatOf(seed, 0);
      one.participants = [HELGA, AROHA, "city:reykjavik", "leader:nobody"];
      one.positions = ["position:elsewhere", MEETING];
      (one.citations as Json[])[0]!.supports = ["format", "participants", "positions"];
    });
    expect(problems).toEqual([
      `seed.json: $.meetings[0].formats[0].participants[1]: "${AROHA}" is not one of the meeting's participants`,
      'seed.json: $.meetings[0].formats[0].participants[2]: "city:reykjavik" is a City, expected Leader',
      'seed.json: $.meetings[0].formats[0].participants[3]: references unknown id "leader:nobody"',
      `seed.json: $.meetings[0].formats[0].positions[0]: "position:elsewhere" is of meeting "meeting:2033-03-05-akureyri", not of "${MEETING}"`,
      `seed.json: $.meetings[0].formats[0].positions[1]: "${MEETING}" is a Meeting, expected Position`,
    ]);
  });

  test("a placement with no evidence is refused like any other fact", () => {
    expect(
      problemsOf(seed => {
        formatOf(seed, 0).participants = [HELGA];
      }),
    ).toEqual([
      'seed.json: $.meetings[0].formats[0].participants: no evidence: add "participants" to the "supports" of a citation that states it, or mark it "inferred" with its basis',
    ]);
  });
});
