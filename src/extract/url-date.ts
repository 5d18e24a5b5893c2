/** "/2021/03/24/" or "/2021/3/24/": year, month and day as path segments. */
const SEGMENT_DATE = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$)/;
/** "/2021/mar/24/": a month's English abbreviation between year and day. */
const SEGMENT_MONTH_NAME_DATE =
  /\/((?:19|20)\d{2})\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\/(\d{1,2})(?=\/|$)/i;
/** "2021-03-24" or "2021_03_24" inside a slug or a segment of its own. */
const SEPARATED_DATE = /(?<![\d])((?:19|20)\d{2})([-_])(\d{2})\2(\d{2})(?![\d])/;
/** "20210324" standing alone between separators (a longer run of digits is an id, not a date). */
const COMPACT_DATE = /(?<![\w])((?:19|20)\d{2})(\d{2})(\d{2})(?![\w])/;

/**
 * The publication day many sites write into article URLs ("/2021/03/24/slug", "/20210324/",
 * "slug-2021-03-24"), as "2021-03-24", or null. Only the path is read: query strings carry
 * unrelated dates (cache keys, search filters).
 */
export function dateFromUrl(url: string | null): string | null {
  if (url === null) return null;
  const path = urlPath(url);
  for (const pattern of [SEGMENT_DATE, SEGMENT_MONTH_NAME_DATE, SEPARATED_DATE, COMPACT_DATE]) {
    const match = pattern.exec(path);
    if (!match) continue;
    const parts = match.slice(1).filter((part) => part !== undefined && !/^[-_]$/.test(part));
    const [year, month, day] = parts.map(numberOf) as [number, number, number];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) {
      return `${year}-${pad(month)}-${pad(day)}`;
    }
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A number, or a month's number from its English name. */
function numberOf(part: string): number {
  return /^\d+$/.test(part) ? Number(part) : MONTHS.indexOf(part.slice(0, 3).toLowerCase()) + 1;
}

/** The path of an absolute or relative URL, without query or fragment. */
function urlPath(url: string): string {
  const withoutHost = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return withoutHost.replace(/[?#].*$/s, '');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
