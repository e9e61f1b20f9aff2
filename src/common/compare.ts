/** Code-unit order of two strings (what `<` does), as a comparator: the order ids and keys sort in. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
