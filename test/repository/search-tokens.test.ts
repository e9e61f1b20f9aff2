/**
 * The index build tokenises every text with `tokenIdsOf`, which skips Unicode normalisation and the
 * regular expression for ASCII texts. It must give exactly `tokenize`'s tokens, in order, for every
 * text: ASCII or not, with letters in either case, digits, punctuation, and marks that
 * normalisation removes.
 */
import fc from "fast-check";

import { tokenIdsOf, tokenize } from "../../src/repository/search-index";

/** `tokenIdsOf`'s tokens, by the ids it asked for. */
function tokensOf(text: string): string[] {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const id = (token: string): number => {
    let known = ids.get(token);
    if (known === undefined) {
      known = names.push(token) - 1;
      ids.set(token, known);
    }
    return known;
  };
  return tokenIdsOf(text, id).map(at => names[at] as string);
}

describe("tokenIdsOf", () => {
  it.each([
    ["Nuclear Energy", ["nuclear", "energy"]],
    ["  KZ-JO: 2025/08/27 talks.", ["kz", "jo", "2025", "08", "27", "talks"]],
    ["", []],
    ["--- ...", []],
    ["Astana Café", ["astana", "cafe"]],
    ["Tokayev’s visit", ["tokayev", "s", "visit"]],
    ["Ünïcode ＦＵＬＬＷＩＤＴＨ ²", ["unicode", "fullwidth", "2"]],
  ])("%j gives %j", (text, tokens) => {
    expect(tokensOf(text)).toEqual(tokens);
  });

  it("gives tokenize's tokens on generated ASCII texts", () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map(c => String.fromCharCode(c)),
      maxLength: 60,
    });
    fc.assert(
      fc.property(ascii, text => {
        expect(tokensOf(text)).toEqual(tokenize(text));
      }),
      { numRuns: 5000, seed: 21 },
    );
  });

  it("gives tokenize's tokens on generated Unicode texts", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), text => {
        expect(tokensOf(text)).toEqual(tokenize(text));
      }),
      { numRuns: 3000, seed: 22 },
    );
  });
});
