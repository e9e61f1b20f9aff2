/**
 * Citations: the source texts, read and split into sentences, and each citation checked against
 * its source — the quote located (at the offsets it gives, or by searching the text) and compared
 * with the text there — to become a citation record with its offsets and sentence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { CodePoints } from "../common/code-points";
import type { CitationRecord } from "../domain/records";
import type { SeedCitation } from "./seed.dto.common";
import { isObject, type SeedEntry } from "./seed.parse";

/** A source text indexed for citation checks: its code points, and sentence bounds in code points. */
export interface SourceText {
  readonly text: string;
  readonly codePoints: CodePoints;
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string }>;
}

/** The citation records of the citations `seed` at `path` of `entry`, each checked against its source. */
export type CitationsOf = (entry: SeedEntry, path: string, seed: readonly unknown[]) => CitationRecord[];

/** The text of every source whose shape checked, by source id; a file that cannot be read is a problem. */
export function readSourceTexts(
  seedDir: string,
  entries: readonly SeedEntry[],
  problems: string[],
): Map<string, SourceText> {
  const texts = new Map<string, SourceText>();
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  for (const entry of entries) {
    if (entry.typename !== "Source" || !entry.toRecord) continue;
    const file = String(entry.raw.file);
    try {
      texts.set(entry.id, indexSourceText(readFileSync(join(seedDir, file), "utf8"), segmenter));
    } catch (error) {
      problems.push(
        `${entry.file}: ${entry.path}.file: cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
  }
  return texts;
}

/**
 * Checks citations against the source texts, adding every problem found to `problems`. A citation
 * that does not check still yields a record (offsets unchecked, no sentence); the load fails anyway.
 * An unknown source goes unreported while a file is unparsed, as unknown references do.
 */
export function citationChecker(
  texts: ReadonlyMap<string, SourceText>,
  byId: ReadonlyMap<string, SeedEntry>,
  unparsed: readonly string[],
  problems: string[],
): CitationsOf {
  // Records that quote the same words share one citation record (frozen like every record).
  const checked = new Map<string, CitationRecord>();
  // Called for every citation of the seed: on the way of one that checks, no object but its record
  // (once per distinct quote) and no message text.
  return (entry, path, seed) =>
    seed.filter(isCitationShaped).map((citation, index) => {
      const source = texts.get(citation.source);
      if (!source) {
        const known = byId.get(citation.source);
        if (!known && unparsed.length === 0)
          problems.push(`${citationAt(entry, path, index)}.source: references unknown source "${citation.source}"`);
        if (known && known.typename !== "Source") {
          problems.push(
            `${citationAt(entry, path, index)}.source: "${citation.source}" is a ${known.typename}, expected Source`,
          );
        }
        return citationRecord(citation, citation.start ?? 0, citation.end ?? 0, "");
      }
      const located = locateQuote(citation, source);
      if ("problem" in located) {
        problems.push(
          `${citationAt(entry, path, index)}${located.field ? `.${located.field}` : ""}: ${located.problem}`,
        );
        return citationRecord(citation, citation.start ?? 0, citation.end ?? 0, "");
      }
      const { start, end } = located;
      if (end <= start) {
        problems.push(
          `${citationAt(entry, path, index)}: offsets ${start}..${end} are empty or reversed (end must be after start)`,
        );
        return citationRecord(citation, start, end, "");
      }
      if (start < 0 || end > source.codePoints.length) {
        problems.push(
          `${citationAt(entry, path, index)}: offsets ${start}..${end} are outside the source text (0..${source.codePoints.length})`,
        );
        return citationRecord(citation, start, end, "");
      }
      const actual = source.codePoints.slice(start, end);
      if (actual !== citation.quote) {
        problems.push(
          `${citationAt(entry, path, index)}.quote: ${JSON.stringify(citation.quote)} does not match the source text at ${start}..${end}, which reads ${JSON.stringify(actual)}`,
        );
        return citationRecord(citation, start, end, "");
      }
      const key = `${citation.source}\0${start}\0${end}`;
      const known = checked.get(key);
      if (known) return known;
      const found = citationRecord(citation, start, end, sentenceAt(source, start)?.text ?? citation.quote);
      checked.set(key, found);
      return found;
    });
}

/** Where a citation is, for a problem's message. */
const citationAt = (entry: SeedEntry, path: string, index: number): string =>
  `${entry.file}: ${path}.citations[${index}]`;

/** A citation's record (offsets unchecked, and no sentence, when it does not check). */
const citationRecord = (citation: SeedCitation, start: number, end: number, sentence: string): CitationRecord => ({
  sourceId: citation.source,
  start,
  end,
  quote: citation.quote,
  sentence,
});

/** The sentence that holds code point `at` (sentences are in order and do not overlap): a binary search. */
function sentenceAt(source: SourceText, at: number): SourceText["sentences"][number] | undefined {
  const { sentences } = source;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (at < sentence.start) high = middle - 1;
    else if (at >= sentence.end) low = middle + 1;
    else return sentence;
  }
  return undefined;
}

function indexSourceText(text: string, segmenter: Intl.Segmenter): SourceText {
  const codePoints = new CodePoints(text);
  const sentences: Array<{ start: number; end: number; text: string }> = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const trimmed = segment.trim();
    if (trimmed.length > 0) {
      sentences.push({
        start: codePoints.codePoint(index),
        end: codePoints.codePoint(index + segment.length),
        text: trimmed,
      });
    }
  }
  return { text, codePoints, sentences };
}

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
  for (let at = source.text.indexOf(quote); at !== -1; at = source.text.indexOf(quote, at + 1)) {
    starts.push(source.codePoints.codePoint(at));
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
