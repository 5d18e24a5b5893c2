import type { Article } from '../model/article.js';
import { SENTENCE_END } from './sentence-end.js';
import type { TextBlock } from './text-block.js';
import { wordCount, wordList } from './word-count.js';

/**
 * Fewest words of prose that make a story: two or three sentences. A page holding less than
 * that among much more chrome is an index, a form or an error page, not an article.
 */
const MIN_PROSE_WORDS = 40;
/**
 * Under a headline that names a story (not "Page not found", "Sign in", "Search", "In
 * pictures"), a short brief of a sentence or two is a story however much chrome surrounds it.
 */
const MIN_PROSE_WORDS_UNDER_HEADLINE = 12;
/** Titles of pages that hold no story: errors, forms, searches, indexes and galleries, in several languages. */
const NON_STORY_TITLE =
  /(?:^|[^\p{L}\p{N}])(?:404|not found|error|sign[ -]?in|sign[ -]?up|log[ -]?in|register|search|results|gallery|galleries|in pictures|photos|slideshow|home|homepage|index|archives?|nicht gefunden|fehler|anmelden|suche|galerie|bildergalerie|startseite|introuvable|erreur|connexion|recherche|accueil|no encontrad[ao]|iniciar sesión|búsqueda|inicio|nie znaleziono|szukaj|logowanie)(?=$|[^\p{L}\p{N}])/iu;
/**
 * Story words (prose, table rows, list items) that make an article even with little prose: a
 * results table or a list under a one-line introduction is a story; a form or an error page is not.
 * Words in phrases the story repeats (a photo credit under every caption) do not count.
 */
const MIN_STORY_WORDS = 80;
const REPEATED_PHRASE_WORDS = 4;
const REPEATED_PHRASE_TIMES = 3;
/** Page chrome at least this many words, and this many times the prose, dominates the page. */
const MIN_CHROME_WORDS = 60;
const CHROME_TO_PROSE = 3;
/** A block this long is running text even without sentence punctuation (Thai, run-on captions). */
const PROSE_BLOCK_WORDS = 25;
/** Shortest sentence that counts as prose rather than a label ("Sign in." / "Page not found."). */
const MIN_SENTENCE_WORDS = 6;
/** A paragraph mostly inside links is a headline or a menu, not story text. */
const MAX_LINK_SHARE = 0.5;
/**
 * Teaser lists: at least this many short prose paragraphs (median under TEASER_WORDS), most of
 * them separated by something else.
 */
const MIN_TEASERS = 4;
const TEASER_WORDS = 20;
/** A paragraph this long is a story's, even among short ones. */
const LONGEST_TEASER_WORDS = 60;
const INTERRUPTED_SHARE = 2 / 3;

/** What extraction knows of the page beyond the article it made. */
export interface PageFacts {
  /** The blocks that became the article's paragraphs, in order, with their link text. */
  storyBlocks: readonly TextBlock[];
  /** Words of everything the input shows (the text itself, or the page's visible text), counted on demand. */
  pageWords: () => number;
  /** The publisher declares the page an article (og:type, schema.org type); never so for plain text. */
  declaresArticle: boolean;
}

/** Why a page is no article: too little prose for a story, or a list of teasers. */
export interface NoArticleVerdict {
  kind: 'too little prose' | 'teaser list';
  reason: string;
}

/**
 * Why the extracted article is not a story, or null when it is one. Only pages whose chrome
 * dominates are judged: text without chrome (a paragraph, even a sentence, that a user gives) is
 * always an article. A page is no article when its story holds too little prose (a sign-in form,
 * "page not found", a gallery of captions, an index of links) or is a list of short teasers, each
 * under its own headline (a front page, search results).
 */
export function whyNoArticle(article: Article, page: PageFacts): string | null {
  return noArticleVerdict(article, page)?.reason ?? null;
}

/** The no-article verdict with its kind (see whyNoArticle), or null for a story. */
export function noArticleVerdict(article: Article, page: PageFacts): NoArticleVerdict | null {
  const paragraphs = page.storyBlocks.map(paragraphFacts);
  const proseWords = paragraphs
    .filter((paragraph) => paragraph.prose)
    .reduce((sum, paragraph) => sum + paragraph.words, 0);
  const minProse =
    namesAStory(article.title) && !ERROR_PAGE_WORDING.test(article.text)
      ? MIN_PROSE_WORDS_UNDER_HEADLINE
      : MIN_PROSE_WORDS;
  const littleProse = proseWords < minProse && unrepeatedWords(article.text) < MIN_STORY_WORDS;
  const teaserList = isTeaserList(article, paragraphs);
  // Most pages are stories by their text alone; the whole page is counted only when in doubt.
  if (!littleProse && !teaserList) return null;
  const storyWords = paragraphs.reduce((sum, paragraph) => sum + paragraph.words, 0);
  const chromeWords = Math.max(0, page.pageWords() - storyWords);
  if (chromeWords < MIN_CHROME_WORDS) return null;
  if (littleProse && chromeWords >= CHROME_TO_PROSE * proseWords) {
    return {
      kind: 'too little prose',
      reason: `too little prose: ${count(proseWords, 'word')} of story text among ${count(chromeWords, 'word')} of page chrome`,
    };
  }
  if (teaserList) {
    const teasers = paragraphs.filter((paragraph) => paragraph.prose).length;
    return {
      kind: 'teaser list',
      reason: `a list of ${count(teasers, 'short teaser')} under their own headlines, no story`,
    };
  }
  return null;
}

/** A title of at least two words that is not the wording of an error, form, search or index page. */
export function namesAStory(title: string | null): boolean {
  if (title === null || wordCount(title) < 2) return false;
  return !NON_STORY_TITLE.test(title);
}

/**
 * The publisher declares the page an article (og:type, a schema.org Article type) and its title
 * is not the wording of an error, form, search, index or gallery page: a story however little of
 * it reads as prose (one told in short lines, a brief). Galleries and error pages are declared
 * articles on some sites; their titles say what they are. A list of teasers stays no article
 * (section fronts are declared articles on some sites too).
 */
export function isDeclaredStory(article: Article, page: PageFacts): boolean {
  return page.declaresArticle && !NON_STORY_TITLE.test(article.title ?? '');
}

/** How error pages explain themselves ("the page you are looking for does not exist"). */
const ERROR_PAGE_WORDING =
  /\b(?:page you (?:are|were|requested|have requested)|(?:does not|doesn't|no longer) exists?|(?:cannot|could not|can't|couldn't) be found|has been (?:moved|removed|deleted)|nicht gefunden|existiert nicht|n'existe pas|introuvable|no existe)\b/iu;

interface ParagraphFacts {
  words: number;
  /** Running text: a sentence or a long block, mostly outside links. */
  prose: boolean;
  /** Input offsets the paragraph was taken from. */
  start: number;
  end: number;
}

function paragraphFacts(block: TextBlock): ParagraphFacts {
  const words = wordCount(block.text);
  const sentence = words >= MIN_SENTENCE_WORDS && SENTENCE_END.test(block.text.trim());
  const linked = block.linkChars > block.text.length * MAX_LINK_SHARE;
  return {
    words,
    prose: (sentence || words >= PROSE_BLOCK_WORDS) && !linked,
    start: block.start,
    end: block.end,
  };
}

/**
 * Prose only in short paragraphs, most of them cut apart by page chrome (their headlines, times,
 * "read more" links): teasers, not a story's paragraphs. Story lines between them (table cells,
 * list items) do not count: a table of short notes is part of its story.
 */
function isTeaserList(article: Article, paragraphs: readonly ParagraphFacts[]): boolean {
  const prose = paragraphs.filter((paragraph) => paragraph.prose);
  if (prose.length < MIN_TEASERS) return false;
  const sorted = prose.map((paragraph) => paragraph.words).sort((a, b) => a - b);
  if (sorted[Math.floor(sorted.length / 2)]! >= TEASER_WORDS) return false;
  if (sorted[sorted.length - 1]! >= LONGEST_TEASER_WORDS) return false;
  let interrupted = 0;
  let block = 0;
  const chrome = article.boilerplate.filter((candidate) => candidate.kind !== 'duplicate');
  for (let index = 1; index < prose.length; index++) {
    const gapStart = prose[index - 1]!.end;
    while (block < chrome.length && chrome[block]!.start < gapStart) block++;
    if (block < chrome.length && chrome[block]!.end <= prose[index]!.start) interrupted++;
  }
  return interrupted >= (prose.length - 1) * INTERRUPTED_SHARE;
}

/** Words outside phrases that recur three times or more in the text (credits, counters, labels). */
function unrepeatedWords(text: string): number {
  const words = wordList(text).map((word) => word.toLowerCase());
  const size = REPEATED_PHRASE_WORDS;
  const counts = new Map<string, number>();
  for (let index = 0; index + size <= words.length; index++) {
    const phrase = words.slice(index, index + size).join(' ');
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  const repeated = new Array<boolean>(words.length).fill(false);
  for (let index = 0; index + size <= words.length; index++) {
    if ((counts.get(words.slice(index, index + size).join(' ')) ?? 0) < REPEATED_PHRASE_TIMES) continue;
    repeated.fill(true, index, index + size);
  }
  return repeated.filter((isRepeated) => !isRepeated).length;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
