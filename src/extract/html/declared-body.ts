import { normalisedWords, wordGrams } from '../normalise-words.js';
import { attribute, type HtmlElement, isInsideAny, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import type { JsonLdNode } from './json-ld.js';
import { jsonLdArticleBodies } from './json-ld-body.js';

/** Less text than this under a declared body is a teaser or a misplaced attribute, not the story. */
const MIN_BODY_CHARS = 400;
/** A block belongs to the JSON-LD text when this share of its word 4-grams occur there. */
const BLOCK_MATCH = 0.8;
/** The blocks that match must give back this share of the JSON-LD text: it is the page's story. */
const BODY_COVERAGE = 0.6;
/** The body element holds this share of the matching text (a stray copy elsewhere does not count). */
const ELEMENT_SHARE = 0.9;

/** What a page declares as its article body, read once and tried on each choice of blocks. */
export interface BodyDeclaration {
  /** Elements marked with schema.org microdata, `itemprop="articleBody"`. */
  marked: HtmlElement[];
  /** The longest JSON-LD `articleBody` text, as plain text; "" when there is none. */
  jsonLdBody: string;
}

/** The page's declarations of its article body, from its elements and its JSON-LD objects. */
export function bodyDeclaration(
  elements: readonly HtmlElement[],
  jsonLd: readonly JsonLdNode[],
): BodyDeclaration {
  const marked = elements.filter((element) => /\barticleBody\b/i.test(attribute(element, 'itemprop') ?? ''));
  const jsonLdBody = jsonLdArticleBodies(jsonLd).reduce(
    (longest, text) => (text.length > longest.length ? text : longest),
    '',
  );
  return { marked, jsonLdBody };
}

/**
 * The element the page itself declares as its article body among the blocks: the marked
 * element, else the element holding the blocks that repeat the JSON-LD text. Trusted only with a
 * story's worth of text under it; for JSON-LD only when the page's blocks give back most of that
 * text (not a teaser, not another story's).
 */
export function declaredBody(declaration: BodyDeclaration, blocks: readonly HtmlBlock[]): HtmlElement | null {
  return largestMarkedBody(declaration.marked, blocks) ?? jsonLdBodyElement(declaration.jsonLdBody, blocks);
}

function largestMarkedBody(marked: readonly HtmlElement[], blocks: readonly HtmlBlock[]): HtmlElement | null {
  let best: HtmlElement | null = null;
  let bestChars = MIN_BODY_CHARS - 1;
  for (const element of marked) {
    const inside = new Set([element]);
    const chars = blocks.reduce(
      (sum, block) => sum + (isInsideAny(block.element, inside) ? block.text.length : 0),
      0,
    );
    if (chars > bestChars) {
      best = element;
      bestChars = chars;
    }
  }
  return best;
}

function jsonLdBodyElement(body: string, blocks: readonly HtmlBlock[]): HtmlElement | null {
  if (body.length < MIN_BODY_CHARS || /(?:\.\.\.|…)\s*$/.test(body)) return null;
  const bodyShingles = new Set(shingles(body));
  const found = new Set<string>();
  const matchedChars = new Map<HtmlElement, number>();
  let totalMatched = 0;
  for (const block of blocks) {
    const own = shingles(block.text);
    if (own.length === 0) continue;
    const hits = own.filter((shingle) => bodyShingles.has(shingle));
    if (hits.length < own.length * BLOCK_MATCH) continue;
    for (const hit of hits) found.add(hit);
    totalMatched += block.text.length;
    for (
      let element: HtmlElement | null = block.element;
      element !== null;
      element = parentElement(element)
    ) {
      matchedChars.set(element, (matchedChars.get(element) ?? 0) + block.text.length);
    }
  }
  if (found.size < bodyShingles.size * BODY_COVERAGE) return null;
  // The elements holding nearly all the matching text are nested; the innermost one is the body.
  let best: HtmlElement | null = null;
  for (const [element, chars] of matchedChars) {
    if (chars < totalMatched * ELEMENT_SHARE) continue;
    if (best === null || isInsideAny(element, new Set([best]))) best = element;
  }
  return best;
}

/** Lower-cased word 4-grams, the unit the story texts are compared in. */
function shingles(text: string): string[] {
  return wordGrams(normalisedWords(text), 4);
}
