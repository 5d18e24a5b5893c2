import { MAX_NAME_WORDS } from '../names.js';
import { normalisedKey } from '../normalise-words.js';
import { TITLE_SEPARATOR } from '../title.js';

/** Every separator between a headline and a site name in a title. */
const SEPARATORS = new RegExp(TITLE_SEPARATOR.source, 'gu');

/**
 * "Example News" from a <title> "Headline | Example News" (or "Example News - Headline") when
 * the rest is the headline the page states elsewhere, so the split is known to be right.
 */
export function siteFromDocumentTitle(documentTitle: string | null, headline: string | null): string | null {
  if (documentTitle === null || headline === null) return null;
  const separators = [...documentTitle.matchAll(SEPARATORS)];
  const first = separators[0];
  const last = separators[separators.length - 1];
  if (first === undefined || last === undefined) return null;
  const key = normalisedKey(headline);
  if (normalisedKey(documentTitle.slice(0, last.index)) === key) {
    return siteNameOf(documentTitle.slice(last.index + last[0].length));
  }
  if (normalisedKey(documentTitle.slice(first.index + first[0].length)) === key) {
    return siteNameOf(documentTitle.slice(0, first.index));
  }
  return null;
}

/** A site name: a few words, not a second headline nor a URL. */
export function siteNameOf(value: string | null): string | null {
  const name = value === null ? '' : collapse(value);
  if (name === '' || /^(?:https?:|www\.)/i.test(name)) return null;
  return name.split(' ').length <= MAX_NAME_WORDS ? name : null;
}

/**
 * "Headline" rather than "Headline | Site" when the page's h1 or <title> has it that way: a copy
 * wins when it has the same words, or when the rest of the title is split off by a separator (so
 * a <title> that merely cuts a long headline short does not), and never when it is the site's
 * name (a logo in the h1). A site name the page states is split off as well.
 */
export function shortestCopy(
  title: string,
  others: ReadonlyArray<string | null>,
  siteName: string | null,
): string {
  const siteKey = siteName === null ? null : normalisedKey(siteName);
  let best = title;
  for (const other of others) {
    if (other === null) continue;
    const copy = collapse(other);
    const key = normalisedKey(copy);
    if (copy.length >= best.length || key === siteKey) continue;
    if (key === normalisedKey(best) || splitsOff(best, key)) best = copy;
  }
  return siteKey === null ? best : withoutSiteName(best, siteKey);
}

/** "Headline" from "Headline | Site" or "Site - Headline" when the page names the site. */
function withoutSiteName(title: string, siteKey: string): string {
  for (const separator of title.matchAll(SEPARATORS)) {
    const head = title.slice(0, separator.index);
    const tail = title.slice(separator.index + separator[0].length);
    if (normalisedKey(tail) === siteKey && head.trim() !== '') return head.trim();
    if (normalisedKey(head) === siteKey && tail.trim() !== '') return tail.trim();
  }
  return title;
}

/** Whether `title` is the words of `key` plus a separator and more words, at either end. */
function splitsOff(title: string, key: string): boolean {
  if (key.trim() === '') return false;
  for (const separator of title.matchAll(SEPARATORS)) {
    const head = title.slice(0, separator.index);
    const tail = title.slice(separator.index + separator[0].length);
    if (normalisedKey(head) === key || normalisedKey(tail) === key) return true;
  }
  return false;
}

export function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
