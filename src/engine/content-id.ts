import { createHash } from 'node:crypto';

/** Hex digits of SHA-256 kept: 128 bits, far from any collision in a crawl's worth of documents. */
const ID_DIGITS = 32;

/** The stable id of a decoded text: the same text has the same id in every run and process. */
export function contentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, ID_DIGITS);
}
