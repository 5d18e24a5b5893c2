import type { AnalysedArticle, Token } from '../model/analysis.js';

/**
 * Numbers and dates of a sentence, grouped into expressions ("29,762", "5 million", "10 percent",
 * "March 23", "Tuesday", "July 2019") so that changes are reported per expression, not per token.
 */
export type FactKind = 'number' | 'date';

export interface DateParts {
  weekday?: string;
  month?: string;
  day?: string;
  year?: string;
  relative?: string;
}

export interface Fact {
  kind: FactKind;
  /** Token indices (inclusive) in the article. */
  first: number;
  last: number;
  /** Canonical value of a number expression ("29762", "5 1000000", "10%"). */
  value: string;
  date: DateParts;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);
/** Words that may sit inside a date: "23rd of March" (the tokenizer splits "rd" from 23). */
const DATE_FILLERS = new Set(['st', 'nd', 'rd', 'th', 'of']);
const PERCENT_WORDS = new Set(['percent', 'pct']);

type DateRole = 'weekday' | 'month' | 'day' | 'year' | 'relative';

/** The facts of sentence `sentence` of the document, in text order. */
export function sentenceFacts(document: AnalysedArticle, sentence: number): Fact[] {
  const { tokenStart, tokenEnd } = document.sentences[sentence]!;
  const facts: Fact[] = [];
  let index = tokenStart;
  while (index < tokenEnd) {
    const role = dateRole(document, index, tokenStart, tokenEnd);
    if (role !== null) {
      const date: DateParts = { [role]: dateValue(document.tokens[index]!, role) };
      let last = index;
      for (let at = index + 1; at < tokenEnd; at++) {
        const roleAt = dateRole(document, at, tokenStart, tokenEnd);
        if (roleAt === null && DATE_FILLERS.has(document.tokens[at]!.norm)) continue;
        if (roleAt === null || date[roleAt] !== undefined) break;
        date[roleAt] = dateValue(document.tokens[at]!, roleAt);
        last = at;
      }
      facts.push({ kind: 'date', first: index, last, value: '', date });
      index = last + 1;
      continue;
    }
    if (isNumeric(document.tokens[index]!)) {
      let last = index;
      while (last + 1 < tokenEnd && continuesNumber(document.tokens[last + 1]!)) last++;
      if (!isLoneOne(document, index, last)) {
        facts.push({
          kind: 'number',
          first: index,
          last,
          value: numberValue(document, index, last),
          date: {},
        });
      }
      index = last + 1;
      continue;
    }
    index++;
  }
  return facts;
}

function dateRole(document: AnalysedArticle, index: number, start: number, end: number): DateRole | null {
  const token = document.tokens[index]!;
  const surface = document.article.text.slice(token.start, token.end);
  if (token.kind === 'word') {
    if (RELATIVE_DAYS.has(token.norm)) return 'relative';
    if (!/^\p{Lu}/u.test(surface)) return null;
    if (WEEKDAYS.has(token.norm)) return 'weekday';
    // "May" is also a verb: only a month next to a day or year number.
    if (MONTHS.has(token.norm) && (token.norm !== 'may' || hasNumberNeighbour(document, index, start, end))) {
      return 'month';
    }
    return null;
  }
  if (/^\d{4}$/.test(surface) && Number(surface) >= 1800 && Number(surface) <= 2100) return 'year';
  if (/^\d{1,2}$/.test(surface) && Number(surface) >= 1 && Number(surface) <= 31) {
    return isMonth(document, index - 1, start, end) ||
      isMonth(document, nextNonFiller(document, index, end), start, end)
      ? 'day'
      : null;
  }
  return null;
}

function isMonth(document: AnalysedArticle, index: number, start: number, end: number): boolean {
  if (index < start || index >= end) return false;
  const token = document.tokens[index]!;
  const surface = document.article.text.slice(token.start, token.end);
  return token.kind === 'word' && MONTHS.has(token.norm) && /^\p{Lu}/u.test(surface);
}

function hasNumberNeighbour(document: AnalysedArticle, index: number, start: number, end: number): boolean {
  const before = index > start ? document.tokens[index - 1] : undefined;
  const after = index + 1 < end ? document.tokens[index + 1] : undefined;
  return before?.kind === 'number' || after?.kind === 'number';
}

function nextNonFiller(document: AnalysedArticle, index: number, end: number): number {
  let at = index + 1;
  while (at < end && DATE_FILLERS.has(document.tokens[at]!.norm)) at++;
  return at;
}

function dateValue(token: Token, role: DateRole): string {
  return role === 'day' || role === 'year' ? String(Number(token.stem)) : token.norm;
}

/** A numeral or a number word ("two", "million": the stem of a number word is its value). */
export function isNumeric(token: Token): boolean {
  return token.kind === 'number' || (token.kind === 'word' && /^\d+$/.test(token.stem));
}

function continuesNumber(token: Token): boolean {
  return isNumeric(token) || PERCENT_WORDS.has(token.norm);
}

/** "one" alone is mostly a pronoun ("one of the allies"), not a quantity. */
function isLoneOne(document: AnalysedArticle, first: number, last: number): boolean {
  return first === last && document.tokens[first]!.norm === 'one';
}

function numberValue(document: AnalysedArticle, first: number, last: number): string {
  const parts: string[] = [];
  for (let index = first; index <= last; index++) {
    const token = document.tokens[index]!;
    if (PERCENT_WORDS.has(token.norm)) parts.push('%');
    else parts.push(token.stem);
  }
  return parts.join(' ').replace(/ %$/, '%');
}

/** Two dates agree when they share a part and no shared part differs ("July 2019" and "2019"). */
export function datesAgree(x: DateParts, y: DateParts): boolean {
  let shared = 0;
  for (const part of ['weekday', 'month', 'day', 'year', 'relative'] as const) {
    const left = x[part];
    const right = y[part];
    if (left === undefined || right === undefined) continue;
    if (left !== right) return false;
    shared++;
  }
  return shared > 0;
}

export function factsAgree(x: Fact, y: Fact): boolean {
  if (x.kind !== y.kind) return false;
  return x.kind === 'date' ? datesAgree(x.date, y.date) : x.value === y.value;
}
