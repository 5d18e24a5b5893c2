/**
 * Lower case of single UTF-16 code units, looked up instead of worked out by toLowerCase on a
 * string per word: the hot loops over every ingested article (fingerprints, content ids) read
 * text unit by unit.
 */

/** Units below this (every script UTF-8 writes in one or two bytes: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic…) are in the table. */
export const CASE_TABLE_UNITS = 0x800;

/** A unit with no lower case of one unit that holds whatever surrounds it. */
export const NOT_SIMPLE = 0xffff;

/**
 * toLowerCase of each unit below CASE_TABLE_UNITS, or NOT_SIMPLE. The capital sigma is not
 * simple (toLowerCase writes ς at the end of a word, σ elsewhere), nor is a unit whose lower
 * case takes two units (İ).
 */
export function lowerCaseTable(): Uint16Array {
  const lower = new Uint16Array(CASE_TABLE_UNITS);
  for (let unit = 0; unit < CASE_TABLE_UNITS; unit++) {
    const lowered = String.fromCharCode(unit).toLowerCase();
    lower[unit] = lowered.length === 1 && unit !== CAPITAL_SIGMA ? lowered.charCodeAt(0) : NOT_SIMPLE;
  }
  return lower;
}

const CAPITAL_SIGMA = 0x3a3;

/** Scripts without case (CJK ideographs, kana, Hangul syllables): toLowerCase leaves their units as they are. */
export function isCaseless(unit: number): boolean {
  return (unit >= 0x3040 && unit <= 0x9fff) || (unit >= 0xac00 && unit <= 0xd7a3);
}
