import chardet from 'chardet';
import iconv from 'iconv-lite';
import { guessUtf16WithoutBom } from './binary-check.js';
import { declaredCharset } from './declared-charset.js';
import { scanUtf8 } from './utf8-scan.js';

/** Text decoded from bytes, with the name of the encoding used. */
export interface DecodedText {
  text: string;
  /** Lower-case encoding name, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string;
}

/** Labels that browsers decode as windows-1252 (its printable range is a superset). */
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'ascii',
  'us-ascii',
]);
/**
 * Labels pages use that iconv-lite lacks or that browsers read with a wider charset (the WHATWG
 * Encoding Standard's mapping): GB2312 and GBK pages decode as their superset GB18030, Thai
 * TIS-620 as windows-874, Turkish ISO-8859-9 as windows-1254.
 */
const LABEL_ALIASES: Record<string, string> = {
  'x-euc-jp': 'euc-jp',
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  'ks_c_5601-1987': 'euc-kr',
  'x-mac-roman': 'macintosh',
  'x-mac-cyrillic': 'maccyrillic',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  'iso-8859-9': 'windows-1254',
};
/** Charsets with two-byte characters, which chardet recognises by their byte structure. */
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr']);
/**
 * chardet confidence (0–100) above which a multi-byte charset's structure is unmistakable, and
 * the fewest non-ASCII bytes it must have seen: a word or two of Cyrillic can pass for a few
 * Japanese characters.
 */
const SURE_MULTI_BYTE = 60;
const MIN_MULTI_BYTE_EVIDENCE = 40;
/** Bytes handed to chardet: plenty for statistics, and bounded in time on a 50 MB page. */
const DETECTION_SAMPLE_BYTES = 128 * 1024;

/**
 * Decodes the bytes of a document: a BOM first, then (for HTML) the declared charset, then
 * UTF-8 when the bytes are valid UTF-8, then statistical detection for legacy charsets.
 */
export function decodeBytes(bytes: Uint8Array, options: { html: boolean }): DecodedText {
  const bom = encodingFromBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding);
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return decodeWith(bytes, utf16);

  const utf8 = scanUtf8(bytes);
  // Valid multi-byte UTF-8 almost never happens by accident in a legacy charset, so it wins
  // even over a (frequently wrong) declaration; so does UTF-8 with a few stray bytes (a
  // truncated file, one bad paste).
  if (utf8.multiByte > 0 && utf8.multiByte >= 20 * utf8.invalid) return decodeWith(bytes, 'utf-8');

  const declared = options.html ? supportedEncoding(declaredCharset(bytes)) : null;
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    // A page declaring a one-byte charset whose bytes have an unmistakable two-byte structure
    // (a Latin-1 template around Shift_JIS text) is read the way its bytes are written.
    const detected = MULTI_BYTE.has(declared) ? null : detectMultiByte(bytes);
    return decodeWith(bytes, detected ?? declared);
  }
  if (utf8.invalid === 0) return decodeWith(bytes, 'utf-8');
  return decodeWith(bytes, detectLegacyEncoding(bytes));
}

function encodingFromBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The best legacy charset chardet finds, defaulting to windows-1252. */
function detectLegacyEncoding(bytes: Uint8Array): string {
  for (const match of chardet.analyse(detectionSample(bytes))) {
    const name = supportedEncoding(match.name);
    // UTF-8 and UTF-16 were ruled out above.
    if (name && !name.startsWith('utf')) return name;
  }
  return 'windows-1252';
}

/** A two-byte charset when chardet is sure of one, else null. */
function detectMultiByte(bytes: Uint8Array): string | null {
  const sample = detectionSample(bytes);
  if (sample.filter((byte) => byte >= 0x80).length < MIN_MULTI_BYTE_EVIDENCE) return null;
  const best = chardet.analyse(sample)[0];
  const name = supportedEncoding(best?.name);
  return best && name && MULTI_BYTE.has(name) && best.confidence >= SURE_MULTI_BYTE ? name : null;
}

/**
 * The bytes from the first non-ASCII one on: pages often open with kilobytes of ASCII markup and
 * script, which tell chardet nothing. In every supported charset the first non-ASCII byte starts
 * a character, so the sample is aligned.
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  const first = bytes.findIndex((byte) => byte >= 0x80);
  const start = first < 0 ? 0 : first;
  return bytes.subarray(start, start + DETECTION_SAMPLE_BYTES);
}

/** A canonical, iconv-lite-supported name for a charset label, or null. */
function supportedEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  let name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) name = 'windows-1252';
  if (name === 'utf8') name = 'utf-8';
  name = LABEL_ALIASES[name] ?? name;
  const cp = /^(?:x-)?cp-?(125\d)$/.exec(name);
  if (cp) name = `windows-${cp[1]}`;
  return iconv.encodingExists(name) ? name : null;
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodedText {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
  return { text, encoding };
}
