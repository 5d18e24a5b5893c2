import type { Change } from '../model/change.js';

/** Rounds a score to 3 decimals so JSON output is stable across platforms (and never "-0"). */
export function round3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? 0 : rounded;
}

/** "87%" for 0.871. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Folds every run of whitespace (paragraph breaks included) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens text to at most `max` characters (code points, so surrogate pairs are never split),
 * ending with "…" when something was cut.
 */
export function elide(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** A one-line excerpt: whitespace collapsed, elided. */
export function snippet(text: string, max: number): string {
  return elide(collapseWhitespace(text), max);
}

/** Number of code points, the unit `elide` counts in. */
export function textWidth(text: string): number {
  return Array.from(text).length;
}

/** Changes by decreasing weight; ties keep the detector's order so output stays deterministic. */
export function changesByWeight(changes: readonly Change[]): Change[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort((left, right) => right.change.weight - left.change.weight || left.index - right.index)
    .map((entry) => entry.change);
}

/** "1 sentence" / "3 sentences". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Shortens text by cutting its middle, so both the start and the end stay readable. Cuts at
 * word boundaries when that loses little.
 */
export function elideMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return elide(text, max);
  let head = chars.slice(0, Math.ceil((max - 1) / 2)).join('');
  const tailLength = max - 1 - Array.from(head).length;
  let tail = tailLength > 0 ? chars.slice(chars.length - tailLength).join('') : '';
  const headSpace = head.lastIndexOf(' ');
  if (headSpace >= head.length / 2) head = head.slice(0, headSpace);
  const tailSpace = tail.indexOf(' ');
  if (tailSpace >= 0 && tailSpace <= tail.length / 2) tail = tail.slice(tailSpace + 1);
  return `${head}…${tail}`;
}

/**
 * The differing parts of two versions of a text, with one word of shared context on each side
 * ("…times are difficult as…" / "…times are problematic as…"), so a short line shows the edit.
 */
export function focusDifference(source: string, copy: string): [string, string] {
  const sourceWords = collapseWhitespace(source).split(' ');
  const copyWords = collapseWhitespace(copy).split(' ');
  const shortest = Math.min(sourceWords.length, copyWords.length);
  let prefix = 0;
  while (prefix < shortest && sourceWords[prefix] === copyWords[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    sourceWords[sourceWords.length - 1 - suffix] === copyWords[copyWords.length - 1 - suffix]
  ) {
    suffix++;
  }
  const cut = (words: string[]): string => {
    const start = Math.max(0, prefix - 1);
    const end = words.length - Math.max(0, suffix - 1);
    const body = words.slice(start, end).join(' ');
    return `${start > 0 ? '…' : ''}${body}${end < words.length ? '…' : ''}`;
  };
  return [cut(sourceWords), cut(copyWords)];
}
