import type { PublishedSource } from '../model/article.js';

/** A publication date one part of a document states, as ISO 8601. */
export interface DateClue {
  iso: string;
  from: Exclude<PublishedSource, 'jsonl'>;
}

/** The publication date chosen among the clues, with where it came from and how sure it is. */
export interface PublishedDate {
  iso: string;
  from: PublishedSource;
  /** 0–1: how likely the stated day is the day of publication. */
  confidence: number;
}

/**
 * How far one clue is trusted alone. Structured metadata is written by the publishing system
 * for search engines; a <time> element may belong to another story on the page; a visible date
 * line may be a "last updated" or a comment's date; a date in the URL may be the day the slug was
 * made, and an eight-digit number in it may be an id.
 */
const TRUST: Record<DateClue['from'], number> = {
  meta: 0.8,
  'json-ld': 0.8,
  time: 0.6,
  dateline: 0.5,
  url: 0.4,
};
/** Which clue's wording wins among clues that agree, or between equally supported days. */
const PRIORITY: ReadonlyArray<DateClue['from']> = ['meta', 'json-ld', 'time', 'dateline', 'url'];
/** Only the document's own record is certain; agreeing clues approach this. */
const MAX_CONFIDENCE = 0.99;

/**
 * Chooses the publication date among the clues: the day the most trusted clues agree on (each
 * clue's distrust multiplied out, so agreement of independent sources raises confidence), minus
 * the doubt that the strongest disagreeing clue casts. A clue dated after the modification date
 * is suspect and counts half.
 */
export function choosePublished(clues: readonly DateClue[], modified: string | null): PublishedDate | null {
  const weighed = firstOfEachSource(clues.filter((clue) => !isUpdateStamp(clue, clues, modified))).map(
    (clue) => {
      const day = dayNumber(clue.iso);
      const hasTime = clue.iso.includes('T');
      // A day later than the modification (beyond what time zones explain) cannot be right.
      const slack = hasTime || modified?.includes('T') ? 1 : 0;
      const suspect = modified !== null && day > dayNumber(modified) + slack;
      return { ...clue, day, hasTime, trust: TRUST[clue.from] * (suspect ? 0.5 : 1) };
    },
  );
  if (weighed.length === 0) return null;
  type Weighed = (typeof weighed)[number];
  const agree = (a: Weighed, b: Weighed): boolean => {
    const apart = Math.abs(a.day - b.day);
    // A date-time and a bare day may name adjacent days for the same moment (time zones).
    return apart === 0 || (apart === 1 && (a.hasTime || b.hasTime));
  };
  const support = (clue: Weighed): number =>
    1 - weighed.filter((other) => agree(clue, other)).reduce((doubt, other) => doubt * (1 - other.trust), 1);

  let best = weighed[0]!;
  for (const clue of weighed.slice(1)) {
    if (support(clue) > support(best) + 1e-9) best = clue;
  }
  const doubt = Math.max(0, ...weighed.filter((other) => !agree(best, other)).map((other) => other.trust));
  const confidence = Math.min(MAX_CONFIDENCE, support(best) * (1 - doubt / 2));
  // The wording of the most authoritative agreeing clue: usually the most precise one.
  const stated = weighed.find((clue) => agree(best, clue))!;
  return { iso: stated.iso, from: stated.from, confidence: Math.round(confidence * 100) / 100 };
}

/**
 * A visible date (a <time> or a date line) on the day of the last modification, when the
 * structured metadata dates the publication earlier, shows when the story was updated.
 */
function isUpdateStamp(clue: DateClue, clues: readonly DateClue[], modified: string | null): boolean {
  if (modified === null || (clue.from !== 'time' && clue.from !== 'dateline')) return false;
  const modifiedDay = dayNumber(modified);
  if (dayNumber(clue.iso) !== modifiedDay) return false;
  return clues.some(
    (other) => (other.from === 'meta' || other.from === 'json-ld') && dayNumber(other.iso) < modifiedDay,
  );
}

/** One clue per source, sources in priority order (so ties go to the more authoritative one). */
function firstOfEachSource(clues: readonly DateClue[]): DateClue[] {
  return PRIORITY.flatMap((source) => {
    const clue = clues.find(
      (candidate) => candidate.from === source && !Number.isNaN(dayNumber(candidate.iso)),
    );
    return clue ? [clue] : [];
  });
}

/** Days since 1970 of the calendar date an ISO string starts with (NaN when it has none). */
function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}
