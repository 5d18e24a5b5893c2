import type { Span } from '../model/span.js';

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);

/**
 * Direct quotations in text[start, end) (one paragraph): spans of the quoted words without the
 * marks. Curly quotes pair by direction; straight quotes pair in order. A quote left open at
 * the end of the paragraph runs to its end, as news style does for multi-paragraph quotes.
 */
export function findQuotes(text: string, start: number, end: number): Span[] {
  const quotes: Span[] = [];
  let openAt = -1;
  let opener = '';
  for (let index = start; index < end; index++) {
    const char = text[index]!;
    const isStraight = char === '"';
    if (openAt < 0 && (OPENING.has(char) || (isStraight && opensQuote(text, index, start)))) {
      openAt = index + 1;
      opener = char;
    } else if (openAt >= 0 && (isStraight || closes(opener, char))) {
      pushQuote(text, openAt, index, quotes);
      openAt = -1;
    }
  }
  if (openAt >= 0) pushQuote(text, openAt, end, quotes);
  return quotes;
}

/**
 * A closing mark ends the quotation; so does “ after „, as German writes „so“ (read as an
 * opening mark, it left the rest of the paragraph quoted).
 */
function closes(opener: string, char: string): boolean {
  return CLOSING.has(char) || (opener === '„' && char === '“');
}

/** A straight quote opens a quotation when it is not glued to a preceding letter (not 5'9"). */
function opensQuote(text: string, index: number, paragraphStart: number): boolean {
  if (index === paragraphStart) return true;
  return !/[\p{L}\p{N}]/u.test(text[index - 1]!);
}

function pushQuote(text: string, from: number, to: number, quotes: Span[]): void {
  let left = from;
  let right = to;
  while (left < right && /\s/.test(text[left]!)) left++;
  while (right > left && /[\s,.;:]/.test(text[right - 1]!)) right--;
  if (/\p{L}/u.test(text.slice(left, right))) quotes.push({ start: left, end: right });
}
