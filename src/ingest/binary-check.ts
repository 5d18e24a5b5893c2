/** How many leading bytes the binary and UTF-16 checks look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.02;

/** The UTF-16 byte order of bytes without a BOM, guessed from where their NUL bytes sit. */
export function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  // Latin-script UTF-16 has a NUL in nearly every code unit, always on the same side.
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

/** True for bytes that are not text: NUL bytes or too many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let index = 0; index < length; index++) {
    const byte = bytes[index]!;
    if (byte === 0) return true;
    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text.
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) || byte === 0x7f) controls++;
  }
  return length > 0 && controls > Math.max(2, length * MAX_CONTROL_SHARE);
}
