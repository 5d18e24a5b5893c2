/** Counts of what a UTF-8 validity scan found. */
export interface Utf8Scan {
  /** Well-formed sequences of 2 to 4 bytes. */
  multiByte: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
}

/** Scans bytes as UTF-8 (rejecting overlongs, surrogates and code points over U+10FFFF). */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = sequenceLength(bytes, index);
    if (length === 0) {
      invalid++;
      index++;
    } else {
      multiByte++;
      index += length;
    }
  }
  return { multiByte, invalid };
}

/** Length of the well-formed sequence starting at `index`, or 0. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (index + length > bytes.length) return 0;
  const second = bytes[index + 1]!;
  if (second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[index + offset]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
