/**
 * Code-point offsets into a string, as UTF-16 offsets: citations count in code points (what a
 * reader counts), JavaScript strings index in UTF-16 units. A text with no character outside the
 * BMP (no surrogate pair) has the same offsets both ways and needs no table.
 */
export class CodePoints {
  /** Per code point, its UTF-16 offset, plus the text's length at the end; null when they coincide. */
  private readonly units: Int32Array | null;
  /** How many code points the text has. */
  readonly length: number;

  constructor(readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.units = null;
      this.length = text.length;
      return;
    }
    const units: number[] = [];
    let unit = 0;
    for (const char of text) {
      units.push(unit);
      unit += char.length;
    }
    units.push(unit);
    this.units = Int32Array.from(units);
    this.length = units.length - 1;
  }

  /** The UTF-16 offset of code point `at` (0 to `length`); undefined outside. */
  unit(at: number): number | undefined {
    if (!Number.isInteger(at) || at < 0 || at > this.length) return undefined;
    return this.units ? this.units[at] : at;
  }

  /** The code-point offset of UTF-16 offset `unit` (the start of a code point). */
  codePoint(unit: number): number {
    if (!this.units) return unit;
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.units[middle] as number) < unit) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The code points `start` to `end`, as a string. */
  slice(start: number, end: number): string {
    return this.text.slice(this.unit(start), this.unit(end));
  }
}
