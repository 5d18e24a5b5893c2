import { scanUtf8 } from './utf8-scan.js';

/** How many leading bytes the binary and UTF-16 checks look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.02;

/** Share of code units that may be odd (symbols of a newer Unicode, a cut surrogate pair). */
const MAX_IMPLAUSIBLE_SHARE = 0.01;
/** Control characters, unassigned and private-use code points, lone surrogates. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u;
/**
 * Share of code units holding a NUL byte that shows a byte order by itself: UTF-16 has one in
 * every space, digit, line break and punctuation mark (and far more in markup), while in
 * eight-bit or UTF-8 text a NUL is damage, one or two in a file.
 */
const MIN_NUL_SHARE = 0.02;
/** Controls that occur in real text. */
const TEXT_CONTROLS = new Set(['\t', '\n', '\v', '\f', '\r', '\u001b']);

/**
 * The UTF-16 byte order of bytes without a BOM, or null. Eight-bit text never holds a NUL byte,
 * while UTF-16 has one in every code unit below U+0100 (spaces, digits, line breaks, markup),
 * always on the high-byte side, so even Cyrillic or Japanese text with a few spaces or line breaks
 * shows its byte order. The guess is kept only when the bytes, read that way, are text: almost no
 * control characters, unassigned code points or broken surrogate pairs.
 */
export function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  if (evenNuls + oddNuls === 0) return null;
  const sample = bytes.subarray(0, length);
  const little = readsAsText(sample, 'utf-16le');
  const big = readsAsText(sample, 'utf-16be');
  const fewNuls = Math.max(evenNuls, oddNuls) < (length / 2) * MIN_NUL_SHARE;
  if (little !== big) {
    // Read the wrong way round, CJK text turns partly into surrogates and private-use code points
    // and Latin text into unassigned ones. But so may the line breaks of ASCII text: a stray NUL
    // in bytes that are UTF-8 (or ASCII) otherwise is damage, not a byte order.
    if (fewNuls && isUtf8(bytes)) return null;
    return little ? 'utf-16le' : 'utf-16be';
  }
  // Both readings pass (pairs of ASCII letters read as UTF-16 are mostly CJK ideographs, either
  // way round): the side holding most NULs decides, when there are enough of them.
  if (!little || fewNuls) return null;
  if (oddNuls > evenNuls) return 'utf-16le';
  if (evenNuls > oddNuls) return 'utf-16be';
  return null;
}

/** Whether the sampled bytes are valid UTF-8 (ASCII included), a character cut off at the end aside. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = Math.min(bytes.length, SAMPLE_BYTES);
  // When the cut falls inside a character (on a continuation byte), the sample ends before it.
  for (let back = 0; back < 3 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80; back++) end--;
  return scanUtf8(bytes.subarray(0, end)).invalid === 0;
}

function readsAsText(sample: Uint8Array, order: 'utf-16le' | 'utf-16be'): boolean {
  const buffer = Buffer.from(sample);
  if (order === 'utf-16be') buffer.swap16();
  let units = 0;
  let implausible = 0;
  for (const character of buffer.toString('utf16le')) {
    units += character.length;
    if (IMPLAUSIBLE.test(character) && !TEXT_CONTROLS.has(character)) implausible += character.length;
  }
  return implausible <= units * MAX_IMPLAUSIBLE_SHARE;
}

/**
 * Share of NUL bytes above which bytes are not text. Programs, databases and uncompressed
 * images are full of them; a page with a few (damage in transit or in the file) is still the
 * page a browser shows, with the NULs left out.
 */
const MAX_NUL_SHARE = 0.002;

/** True for bytes that are not text: more than a few NUL bytes, or too many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  let nuls = 0;
  for (let index = 0; index < length; index++) {
    const byte = bytes[index]!;
    if (byte === 0) nuls++;
    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text.
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) || byte === 0x7f) controls++;
  }
  return isJunk(controls, nuls, length);
}

/** Whether `controls` control characters, `nuls` of them NUL, make `length` units junk. */
export function isJunk(controls: number, nuls: number, length: number): boolean {
  if (length === 0) return false;
  return nuls > Math.max(2, length * MAX_NUL_SHARE) || controls > Math.max(2, length * MAX_CONTROL_SHARE);
}
