import { findDate } from './dates.js';

/** What a dateline or byline line states. */
export interface Dateline {
  published: string | null;
  byline: string | null;
}

const DATE_LABEL =
  /\b(?:published|created|posted|first published|date|updated|last updated|modified)\b\s*:?/i;
/** "— Jane Doe (@janedoe) March 6, 2020": the credit of an embedded post, part of the story. */
const EMBEDDED_POST_CREDIT = /^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)/u;
/** "3 days ago at 09:14 am", "5 hours ago": comment and feed timestamps. */
const RELATIVE_TIME =
  /^\W*(?:updated |posted )?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b/i;
const FIRST_PUBLISHED = /\b(?:published|created|posted|first published)\b\s*:?/i;
const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Ss]tory by|[Rr]eporting by|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\s+([\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|and|&|de|van|von|da|del|la|le))*)/u;

/**
 * Reads a short line as a dateline ("Reuters | Updated: 24-03-2021 20:48 IST", "Updated 4:12 pm
 * EST, Friday, March 6, 2020") or a byline ("By Jane Roe, AP"), or returns null.
 */
export function readDateline(text: string, words: number): Dateline | null {
  if (words > 25 || EMBEDDED_POST_CREDIT.test(text)) return null;
  const byline = BYLINE.exec(text);
  if (byline && words <= 12 && !/[.!?]$/.test(text)) {
    return { byline: byline[1]!.trim(), published: findDate(text)?.iso ?? null };
  }
  const date = findDate(text);
  if (!date) return RELATIVE_TIME.test(text) && words <= 8 ? { published: null, byline: null } : null;
  const rest = (text.slice(0, date.index) + text.slice(date.index + date.length)).trim();
  const restWords = rest.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  // A sentence that merely mentions a date is story; a dateline is mostly the date and labels.
  const labelled = DATE_LABEL.test(text) || /\s[|•·]\s/.test(text) || /\bby\s+\p{Lu}/u.test(text);
  if (!labelled && restWords > 4) return null;
  const preferred = FIRST_PUBLISHED.exec(text);
  const published = (preferred ? findDate(text.slice(preferred.index)) : null) ?? date;
  const credited = /\bby\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u.exec(text);
  return { published: published.iso, byline: sourceBeforeSeparator(text) ?? credited?.[1] ?? null };
}

/** "Reuters" in "Reuters | Updated: …": a short name-like first segment. */
function sourceBeforeSeparator(text: string): string | null {
  const segments = text.split(/\s+[|•·]\s+/);
  if (segments.length < 2) return null;
  const first = segments[0]!.trim();
  if (/\d/.test(first) || DATE_LABEL.test(first)) return null;
  const byline = BYLINE.exec(first);
  if (byline) return byline[1]!.trim();
  const words = first.split(/\s+/);
  return words.length <= 4 && words.every((word) => /^[\p{Lu}&]/u.test(word)) ? first : null;
}

/** "Reuters" from a wire credit at the start of a story: "BRUSSELS (Reuters) - …". */
export function wireCredit(firstParagraph: string): string | null {
  const match = /^[^()]{0,80}?\(([\p{Lu}][\p{L}.&' ]{1,30}?)\)\s*[-–—:]/u.exec(firstParagraph);
  return match ? match[1]!.trim() : null;
}
