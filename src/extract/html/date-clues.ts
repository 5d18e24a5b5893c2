import { findDate, normaliseDate } from '../dates.js';
import { nonEmpty } from '../non-empty.js';
import type { DateClue } from '../published-date.js';
import { attribute, findElements, type HtmlElement, textContent } from './dom.js';

const LINK = new Set(['a']);

/** The publication date as each kind of markup states it (one clue per kind). */
export function dateClues(
  elements: readonly HtmlElement[],
  metaDate: string | null,
  jsonLdDate: string | null,
): DateClue[] {
  const clues: DateClue[] = [];
  const add = (value: string | null, from: DateClue['from']): void => {
    const iso = isoDate(value);
    if (iso !== null && !clues.some((clue) => clue.from === from)) clues.push({ iso, from });
  };
  add(jsonLdDate, 'json-ld');
  add(metaDate, 'meta');
  const microdata = microdataElement(elements, 'datepublished');
  if (microdata) add(microdataText(microdata), microdata.name === 'time' ? 'time' : 'meta');
  add(timeElementDate(elements), 'time');
  add(visibleDateline(elements), 'dateline');
  return clues;
}

/** Class names of elements that show the story's date: "story-publish-date", "pubdate", "postDate". */
const DATE_CLASS = /date|publish|posted|timestamp/i;
/**
 * English words with "date" inside that say nothing of dates ("candidate-card", "validate-form"),
 * left out before DATE_CLASS is tried. Matching "date" only as a whole word would miss the many
 * names that run it on ("newsdate").
 */
const NOT_A_DATE = /candidat|validat|accommodat|consolidat|liquidat|intimidat|elucidat|mandat|sedat/gi;
/** ... but not its update: "last-updated", "modified-date". */
const UPDATE_CLASS = /updat|modif/i;
/** Longer than this (markup included), an element holds more than a date line. */
const MAX_DATELINE_MARKUP = 1000;
const MAX_DATELINE_CHARS = 80;

/**
 * The text of the first element styled as a date line ("<span class="story-publish-date">
 * March 24, 2021, 9:02 AM</span>"), looking after the headline first. Dates inside links
 * belong to other items (related stories, embedded posts).
 */
function visibleDateline(elements: readonly HtmlElement[]): string | null {
  const headline = elements.findIndex((element) => element.name === 'h1');
  const ordered = headline < 0 ? elements : [...elements.slice(headline), ...elements.slice(0, headline)];
  for (const element of ordered) {
    if (element.name === 'meta' || element.name === 'time' || element.name === 'script') continue;
    const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
    if (!DATE_CLASS.test(names.replace(NOT_A_DATE, ' ')) || UPDATE_CLASS.test(names)) continue;
    if ((element.endIndex ?? 0) - (element.startIndex ?? 0) > MAX_DATELINE_MARKUP) continue;
    const text = textContent(element);
    if (text.length > MAX_DATELINE_CHARS || findDate(text) === null || nearLink(element)) continue;
    return text;
  }
  return null;
}

function nearLink(element: HtmlElement): boolean {
  for (let node = element.parent; node !== null; node = node.parent) {
    if ('name' in node && node.name === 'a') return true;
  }
  return findElements(element, LINK).length > 0;
}

/** The first element (other than <meta>, read with the meta tags) with the given itemprop. */
function microdataElement(elements: readonly HtmlElement[], name: string): HtmlElement | null {
  return (
    elements.find(
      (element) => element.name !== 'meta' && (attribute(element, 'itemprop') ?? '').toLowerCase() === name,
    ) ?? null
  );
}

/** `<span itemprop="datePublished" content="…">` or `<time itemprop="datePublished" datetime="…">`. */
function microdataText(element: HtmlElement): string | null {
  return attribute(element, 'content') ?? attribute(element, 'datetime') ?? nonEmpty(textContent(element));
}

export function microdataValue(elements: readonly HtmlElement[], name: string): string | null {
  const element = microdataElement(elements, name);
  return element ? microdataText(element) : null;
}

/** The first <time datetime>, preferring one marked as the publication time. */
function timeElementDate(elements: readonly HtmlElement[]): string | null {
  const times = elements.filter((element) => element.name === 'time' && attribute(element, 'datetime'));
  const marked = times.find((element) =>
    /publish|pubdate|posted|created/i.test(
      `${attribute(element, 'class') ?? ''} ${attribute(element, 'pubdate') !== null ? 'pubdate' : ''}`,
    ),
  );
  const chosen = marked ?? times[0];
  return chosen ? attribute(chosen, 'datetime') : null;
}

export function isoDate(value: string | null): string | null {
  return value === null ? null : normaliseDate(value);
}
