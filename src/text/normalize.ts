import { CASE_TABLE_UNITS, isCaseless, lowerCaseTable, NOT_SIMPLE } from './case-table.js';

/** Folds typographic variants to ASCII so that "it’s" and "it's", “ and " compare equal. */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ');
}

/** Lower-cased, typography-folded, diacritics kept: the form tokens are compared in. */
export function normalizeWord(word: string): string {
  return foldTypography(word).toLowerCase();
}

const LOWER_CASE = lowerCaseTable();
/** Reads a Uint16Array's units as a string, in the machine's byte order. */
const UNITS_DECODER = new TextDecoder(
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be',
);

/**
 * Collapses whitespace and folds typography: used to test two texts for identity (and content
 * ids of stored documents). One pass over the units; text the case table does not cover takes
 * canonicalTextByRules, which gives the same string.
 */
export function canonicalText(text: string): string {
  const units = new Uint16Array(text.length);
  let size = 0;
  let space = false;
  for (let at = 0; at < text.length; at++) {
    const unit = foldedUnit(text.charCodeAt(at));
    if (isWhitespace(unit)) {
      space = size > 0;
      continue;
    }
    const lowered = unit < CASE_TABLE_UNITS ? LOWER_CASE[unit]! : isCaseless(unit) ? unit : lowerOfUnit(unit);
    if (lowered === NOT_SIMPLE) return canonicalTextByRules(text);
    if (space) units[size++] = 0x20;
    space = false;
    units[size++] = lowered;
  }
  return UNITS_DECODER.decode(units.subarray(0, size));
}

/** canonicalText spelt as its rules: the reference the one-pass version is tested against. */
export function canonicalTextByRules(text: string): string {
  return foldTypography(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The unit foldTypography puts in place of `unit`. */
function foldedUnit(unit: number): number {
  if (unit < 0x60) return unit;
  if (unit === 0x60 || unit === 0xb4) return 0x27;
  if (unit === 0xab || unit === 0xbb) return 0x22;
  if (unit === 0xa0) return 0x20;
  if (unit < 0x2010) return unit;
  if (unit <= 0x2015 || unit === 0x2212) return 0x2d;
  if ((unit >= 0x2018 && unit <= 0x201b) || unit === 0x2032) return 0x27;
  if ((unit >= 0x201c && unit <= 0x201f) || unit === 0x2033) return 0x22;
  return unit;
}

/** The lower case of a unit outside the table, or NOT_SIMPLE (a surrogate lower-cases with its pair). */
function lowerOfUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return NOT_SIMPLE;
  const lowered = String.fromCharCode(unit).toLowerCase();
  return lowered.length === 1 ? lowered.charCodeAt(0) : NOT_SIMPLE;
}

/** What \s matches (and trim removes): ECMAScript's white space and line terminators. */
function isWhitespace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}
