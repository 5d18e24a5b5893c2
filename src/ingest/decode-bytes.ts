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
  // even over a (frequently wrong) declaration.
  if (utf8.invalid === 0 && utf8.multiByte > 0) return decodeWith(bytes, 'utf-8');

  const declared = options.html ? supportedEncoding(declaredCharset(bytes)) : null;
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) return decodeWith(bytes, declared);
  if (utf8.invalid === 0) return decodeWith(bytes, 'utf-8');
  // A few stray bytes in otherwise UTF-8 text (a truncated file, one bad paste) stay UTF-8.
  if (utf8.multiByte >= 20 * utf8.invalid) return decodeWith(bytes, 'utf-8');
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
  for (const match of chardet.analyse(bytes)) {
    const name = supportedEncoding(match.name);
    // UTF-8 and UTF-16 were ruled out above.
    if (name && !name.startsWith('utf')) return name;
  }
  return 'windows-1252';
}

/** A canonical, iconv-lite-supported name for a charset label, or null. */
function supportedEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  let name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) name = 'windows-1252';
  if (name === 'utf8') name = 'utf-8';
  const cp = /^cp-?(125\d)$/.exec(name);
  if (cp) name = `windows-${cp[1]}`;
  return iconv.encodingExists(name) ? name : null;
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodedText {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
  return { text, encoding };
}
