/** A date found in text, as ISO 8601, with where it was found. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** UTC offsets of the time-zone abbreviations news sites print. */
const ZONES: Record<string, string> = {
  UTC: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  WET: '+00:00',
  BST: '+01:00',
  CET: '+01:00',
  WAT: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  SAST: '+02:00',
  CAT: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  EAT: '+03:00',
  AST: '-04:00',
  GST: '+04:00',
  PKT: '+05:00',
  IST: '+05:30',
  NPT: '+05:45',
  ICT: '+07:00',
  WIB: '+07:00',
  SGT: '+08:00',
  HKT: '+08:00',
  PHT: '+08:00',
  AWST: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  ACST: '+09:30',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
  ET: '-05:00',
  PT: '-08:00',
};

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([aApP]\\.?[mM]\\.?)?(?:\\s*\\(?([A-Z]{1,5})\\b\\)?)?';

const ISO_DATE =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const NUMERIC_DATE = /\b(\d{1,2})([-./])(\d{1,2})\2(\d{4})\b/;
const MONTH_FIRST = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})\\b`,
  'i',
);
const TIME_PATTERN = new RegExp(`\\b${TIME}`);

/**
 * The first calendar date in a text ("24-03-2021 20:48 IST", "March 24, 2021",
 * "2021-03-24T06:39:00Z"), with the time and UTC offset when they are stated next to it.
 */
export function findDate(text: string): FoundDate | null {
  const candidates: Array<FoundDate & { date: [number, number, number] }> = [];
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    const date: [number, number, number] = [Number(year), Number(month), Number(day)];
    if (validDate(date)) {
      let value = isoDate(date);
      if (hour !== undefined && minute !== undefined) {
        value += `T${hour}:${minute}:${second ?? '00'}${zone ? normaliseZone(zone) : ''}`;
      }
      return { iso: value, index: iso.index, length: iso[0].length };
    }
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    // Slashes are mostly American (month first); dashes and dots mostly day first.
    const monthFirst = first > 12 ? false : second > 12 ? true : numeric[2] === '/';
    const date: [number, number, number] = monthFirst
      ? [Number(numeric[4]), first, second]
      : [Number(numeric[4]), second, first];
    if (validDate(date)) candidates.push({ date, iso: '', index: numeric.index, length: numeric[0].length });
  }
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const date: [number, number, number] = [
      Number(monthFirst[3]),
      monthNumber(monthFirst[1]!),
      Number(monthFirst[2]),
    ];
    if (validDate(date))
      candidates.push({ date, iso: '', index: monthFirst.index, length: monthFirst[0].length });
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const date: [number, number, number] = [
      Number(dayFirst[3]),
      monthNumber(dayFirst[2]!),
      Number(dayFirst[1]),
    ];
    if (validDate(date))
      candidates.push({ date, iso: '', index: dayFirst.index, length: dayFirst[0].length });
  }
  if (candidates.length === 0) return null;
  const earliest = candidates.reduce((best, candidate) => (candidate.index < best.index ? candidate : best));
  return {
    iso: isoDate(earliest.date) + timeNear(text, earliest.index, earliest.length),
    index: earliest.index,
    length: earliest.length,
  };
}

/** Normalises a date string from metadata to ISO 8601, or null when it holds no date. */
export function normaliseDate(value: string): string | null {
  return findDate(value.trim())?.iso ?? null;
}

/** "T20:48:00+05:30" for a time printed within a few characters of the date, else "". */
function timeNear(text: string, index: number, length: number): string {
  const after = text.slice(index + length, index + length + 30);
  const before = text.slice(Math.max(0, index - 30), index);
  const afterMatch = TIME_PATTERN.exec(after);
  const match = afterMatch && afterMatch.index <= 8 ? afterMatch : lastTimeIn(before);
  if (!match) return '';
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 59) return '';
  const zone = match[5] ? ZONES[match[5]] : undefined;
  return `T${pad(hour)}:${pad(minute)}:${pad(second)}${zone ?? ''}`;
}

/** A time ending just before the date ("9:15 am EST, Wednesday, March 24, 2021"). */
function lastTimeIn(before: string): RegExpExecArray | null {
  return new RegExp(`\\b${TIME}[\\s,]*(?:[A-Z][a-z]+day)?[\\s,]*$`).exec(before);
}

function normaliseZone(zone: string): string {
  if (zone === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace('.', '')] ?? 0;
}

function validDate([year, month, day]: [number, number, number]): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isoDate([year, month, day]: [number, number, number]): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
