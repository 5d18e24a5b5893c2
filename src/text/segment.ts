import type { Span } from '../model/span.js';

/**
 * Words that end with a full stop without ending a sentence. Single capital letters (initials,
 * "U.S.") are handled separately.
 */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof gen sen rep gov lt col capt sgt maj cmdr adm st jr sr inc corp co ltd plc vs etc no nos
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig approx dept est govt univ rev hon pres`.split(
    /\s+/,
  ),
);

/** A sentence ends at . ! ? (or …), possibly followed by closing quotes/brackets, then space. */
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string, periodIndex: number): boolean {
  const before = text.slice(Math.max(0, periodIndex - 12), periodIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (word.length === 0) return false;
  // Initials and dotted acronyms: "J.", "U.S."
  if (/^(?:\p{L}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\./g, ''));
}

/** Splits text[start, end) into sentence spans (trimmed, never empty), in order. */
export function segmentSentences(text: string, start: number, end: number): Span[] {
  const slice = text.slice(start, end);
  const spans: Span[] = [];
  let sentenceStart = 0;
  for (const match of slice.matchAll(BOUNDARY)) {
    const index = match.index ?? 0;
    const terminator = match[1] ?? '';
    if (terminator === '.' && endsWithAbbreviation(slice, index)) continue;
    const sentenceEnd = index + terminator.length + (match[2] ?? '').length;
    pushTrimmed(slice, sentenceStart, sentenceEnd, start, spans);
    sentenceStart = sentenceEnd + (match[3] ?? '').length;
  }
  pushTrimmed(slice, sentenceStart, slice.length, start, spans);
  return spans;
}

function pushTrimmed(slice: string, from: number, to: number, offset: number, spans: Span[]): void {
  let left = from;
  let right = to;
  while (left < right && /\s/.test(slice[left]!)) left++;
  while (right > left && /\s/.test(slice[right - 1]!)) right--;
  if (right > left) spans.push({ start: offset + left, end: offset + right });
}
