import { type HtmlElement, parentElement } from './dom.js';
import { classWeight } from './element-hints.js';
import type { HtmlBlock } from './html-blocks.js';

/** Paragraph elements whose score goes to their ancestors (Readability's tags to score). */
const SCORED_FROM_PARENT = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
/** Containers holding text directly (no <p>): scored as if the text were a paragraph inside them. */
const SCORED_IN_PLACE = new Set(['div', 'article', 'main', 'section', 'body', 'center', 'form']);
const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;

export interface ElementTotals {
  chars: number;
  linkChars: number;
}

/**
 * Readability's content scores: paragraphs give points (for length and commas) to their
 * ancestors, each candidate starts from its tag and class weight and is discounted by its link
 * density. A positive class weight counts for no more than the points the element earned: a
 * page-wide wrapper named "page" or "main" must not win on its name alone.
 */
export function candidateScores(
  blocks: readonly HtmlBlock[],
  totals: ReadonlyMap<HtmlElement, ElementTotals>,
): Map<HtmlElement, number> {
  const points = new Map<HtmlElement, number>();
  for (const block of blocks) {
    const tag = block.element.name;
    if (block.text.length < MIN_PARAGRAPH_CHARS) continue;
    let ancestor: HtmlElement | null;
    if (SCORED_FROM_PARENT.has(tag)) ancestor = parentElement(block.element);
    else if (SCORED_IN_PLACE.has(tag)) ancestor = block.element;
    else continue;
    const commas = (block.text.match(/[,，、]/g) ?? []).length;
    const earned = 2 + commas + Math.min(Math.floor(block.text.length / 100), 3);
    for (let level = 0; ancestor !== null && level < ANCESTOR_LEVELS; level++) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      points.set(ancestor, (points.get(ancestor) ?? 0) + earned / divider);
      ancestor = parentElement(ancestor);
    }
  }
  const scores = new Map<HtmlElement, number>();
  for (const [element, earned] of points) {
    const weight = classWeight(element);
    const score = tagWeight(element) + Math.min(weight, earned) + earned;
    scores.set(element, score * (1 - linkDensity(totals.get(element))));
  }
  return scores;
}

function tagWeight(element: HtmlElement): number {
  switch (element.name) {
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Text and link characters under every element that holds blocks. */
export function elementTotals(blocks: readonly HtmlBlock[]): Map<HtmlElement, ElementTotals> {
  const totals = new Map<HtmlElement, ElementTotals>();
  for (const block of blocks) {
    for (
      let element: HtmlElement | null = block.element;
      element !== null;
      element = parentElement(element)
    ) {
      const total = totals.get(element) ?? { chars: 0, linkChars: 0 };
      total.chars += block.text.length;
      total.linkChars += block.linkChars;
      totals.set(element, total);
    }
  }
  return totals;
}

export function linkDensity(total: ElementTotals | undefined): number {
  return total && total.chars > 0 ? total.linkChars / total.chars : 0;
}
