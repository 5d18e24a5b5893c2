import type { HtmlElement } from './dom.js';
import { isElement } from './dom.js';
import { classWeight } from './element-hints.js';
import type { HtmlBlock } from './html-blocks.js';

/** Paragraph elements whose score goes to their ancestors (Readability's tags to score). */
const SCORED_FROM_PARENT = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
/** Containers holding text directly (no <p>): scored as if the text were a paragraph inside them. */
const SCORED_IN_PLACE = new Set(['div', 'article', 'main', 'section', 'body', 'center', 'form']);
const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;

interface ElementTotals {
  chars: number;
  linkChars: number;
}

/**
 * The blocks of the main content, chosen the Readability way: paragraphs give points (for
 * length and commas) to their ancestors, each candidate's score is discounted by its link
 * density, the best one wins and takes along siblings that look like content too.
 */
export function mainContentBlocks(blocks: readonly HtmlBlock[]): HtmlBlock[] {
  const totals = elementTotals(blocks);
  const scores = candidateScores(blocks);
  let top: HtmlElement | null = null;
  let topScore = 0;
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(totals.get(element)));
    scores.set(element, final);
    if (final > topScore) {
      top = element;
      topScore = final;
    }
  }
  if (top === null) return [...blocks];
  top = sharedAncestorOfRunnersUp(top, scores) ?? climbToRicherParent(top, scores);
  const chosen = withContentSiblings(top, scores, totals, blocks);
  return blocks.filter((block) => insideAny(block.element, chosen));
}

function candidateScores(blocks: readonly HtmlBlock[]): Map<HtmlElement, number> {
  const scores = new Map<HtmlElement, number>();
  for (const block of blocks) {
    const tag = block.element.name;
    if (block.text.length < MIN_PARAGRAPH_CHARS) continue;
    let ancestor: HtmlElement | null;
    if (SCORED_FROM_PARENT.has(tag)) ancestor = parentElement(block.element);
    else if (SCORED_IN_PLACE.has(tag)) ancestor = block.element;
    else continue;
    const commas = (block.text.match(/[,，、]/g) ?? []).length;
    const points = 2 + commas + Math.min(Math.floor(block.text.length / 100), 3);
    for (let level = 0; ancestor !== null && level < ANCESTOR_LEVELS; level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, initialScore(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + points / divider);
      ancestor = parentElement(ancestor);
    }
  }
  return scores;
}

function initialScore(element: HtmlElement): number {
  let score = classWeight(element);
  switch (element.name) {
    case 'div':
      score += 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      score += 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      score -= 3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      score -= 5;
      break;
  }
  return score;
}

/** How many of the best candidates are compared, and how many must share an ancestor. */
const TOP_CANDIDATES = 5;
const MIN_SHARING_CANDIDATES = 3;

/**
 * Readability: when several candidates score nearly as well as the winner (a story split into
 * one box per paragraph), their common ancestor holding enough of them is the content.
 */
function sharedAncestorOfRunnersUp(
  top: HtmlElement,
  scores: ReadonlyMap<HtmlElement, number>,
): HtmlElement | null {
  const topScore = scores.get(top) ?? 0;
  const runnersUp = [...scores.entries()]
    .filter(([element]) => element !== top)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_CANDIDATES - 1)
    .filter(([, score]) => score >= topScore * 0.75)
    .map(([element]) => ancestorsOf(element));
  if (runnersUp.length < MIN_SHARING_CANDIDATES) return null;
  for (
    let parent = parentElement(top);
    parent !== null && parent.name !== 'body';
    parent = parentElement(parent)
  ) {
    const sharing = runnersUp.filter((ancestors) => ancestors.has(parent!)).length;
    if (sharing >= MIN_SHARING_CANDIDATES) return parent;
  }
  return null;
}

function ancestorsOf(element: HtmlElement): Set<HtmlElement> {
  const ancestors = new Set<HtmlElement>();
  for (let parent = parentElement(element); parent !== null; parent = parentElement(parent))
    ancestors.add(parent);
  return ancestors;
}

/** Readability: when the score goes up a few steps above the winner, the parent holds more content. */
function climbToRicherParent(top: HtmlElement, scores: ReadonlyMap<HtmlElement, number>): HtmlElement {
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore / 3;
  let parent = parentElement(top);
  while (parent !== null && parent.name !== 'body' && parent.name !== 'html') {
    const score = scores.get(parent);
    if (score !== undefined) {
      if (score < threshold) break;
      if (score > lastScore) return parent;
      lastScore = score;
    }
    parent = parentElement(parent);
  }
  return top;
}

/** The winner plus siblings that score well or read like paragraphs. */
function withContentSiblings(
  top: HtmlElement,
  scores: ReadonlyMap<HtmlElement, number>,
  totals: ReadonlyMap<HtmlElement, ElementTotals>,
  blocks: readonly HtmlBlock[],
): Set<HtmlElement> {
  const chosen = new Set<HtmlElement>([top]);
  const parent = parentElement(top);
  if (parent === null) return chosen;
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  for (const sibling of parent.children) {
    if (!isElement(sibling) || sibling === top) continue;
    const bonus = topClass !== '' && sibling.attribs.class === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      chosen.add(sibling);
      continue;
    }
    if (sibling.name !== 'p') continue;
    const total = totals.get(sibling);
    const density = linkDensity(total);
    const chars = total?.chars ?? 0;
    const text = blocks.find((block) => block.element === sibling)?.text ?? '';
    if (
      (chars > 80 && density < 0.25) ||
      (chars > 0 && chars <= 80 && density === 0 && /\.( |$)/.test(text))
    ) {
      chosen.add(sibling);
    }
  }
  return chosen;
}

/** Text and link characters under every element that holds blocks. */
function elementTotals(blocks: readonly HtmlBlock[]): Map<HtmlElement, ElementTotals> {
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

function linkDensity(total: ElementTotals | undefined): number {
  return total && total.chars > 0 ? total.linkChars / total.chars : 0;
}

function parentElement(element: HtmlElement): HtmlElement | null {
  const parent = element.parent;
  return parent !== null && isElement(parent) ? parent : null;
}

function insideAny(element: HtmlElement, chosen: ReadonlySet<HtmlElement>): boolean {
  for (let current: HtmlElement | null = element; current !== null; current = parentElement(current)) {
    if (chosen.has(current)) return true;
  }
  return false;
}
