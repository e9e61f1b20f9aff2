/**
 * `jsonDepth`, the nesting check every JSON body and GET parameter passes before anything recursive
 * reads it: exact depths on hand-picked texts (brackets in strings, escaped quotes, runs of
 * backslashes, unterminated strings, the early stop past the limit), and the same answers as the
 * plain character-by-character scan it replaced, on generated JSON and on generated malformed text.
 */
import fc from "fast-check";

import { jsonDepth } from "../../src/common/json";

/** The scan `jsonDepth` replaced: one character at a time, a backslash in a string skipping the next. */
function referenceDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

describe("jsonDepth", () => {
  it.each([
    ["", 0],
    ["1", 0],
    ['"[{"', 0],
    ["[]", 1],
    ['{"a":[1,{"b":[]}]}', 4],
    // An escaped quote does not end the string: the brackets after it are inside it.
    ['["a\\"[[[", 1]', 1],
    // Two backslashes are one escaped backslash: the quote after them ends the string.
    ['["a\\\\", [[1]]]', 3],
    // Three: an escaped backslash, then an escaped quote; the string goes on to the last quote.
    ['["a\\\\\\"[[", [1]]', 2],
    // A string that never ends hides every bracket after it.
    ['[["abc [[[[', 2],
    ['[["abc\\" [[[[', 2],
    // Malformed text is the parser's to refuse: closing brackets first count down, not up.
    ["]]][[", 0],
  ])("%j nests %i deep", (text, depth) => {
    expect(jsonDepth(text, 32)).toBe(depth);
  });

  it("stops one past the limit", () => {
    expect(jsonDepth("[".repeat(10_000), 32)).toBe(33);
    expect(jsonDepth(`${"[".repeat(32)}${"]".repeat(32)}`, 32)).toBe(32);
    expect(jsonDepth(`{"q": "${"\\\\".repeat(1000)}", "v": ${"[".repeat(40)}`, 32)).toBe(33);
  });

  it("answers as the character-by-character scan on generated JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(jsonDepth(text, limit)).toBe(referenceDepth(text, limit));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("answers as the character-by-character scan on generated malformed text", () => {
    const char = fc.constantFrom('"', "\\", "[", "]", "{", "}", "a", ",", ":", " ");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (chars, limit) => {
        const text = chars.join("");
        expect(jsonDepth(text, limit)).toBe(referenceDepth(text, limit));
      }),
      { numRuns: 5000, seed: 12 },
    );
  });
});
