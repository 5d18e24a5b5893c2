import { WiretraceError } from '../errors.js';
import type { Article, RawDocument } from '../model/article.js';
import { isDeclaredStory, namesAStory, noArticleVerdict, whyNoArticle } from './article-check.js';
import { extractHtml } from './extract-html.js';
import { extractPlainText } from './extract-plain-text.js';
import { normalisedWords } from './normalise-words.js';

export interface ExtractOptions {
  /** False: a page's best guess even when it holds no story (default true). */
  requireStory?: boolean;
  /** True: the page's reader comments in `Article.comments`, apart from the story (default false). */
  comments?: boolean;
  /** True: the lines from the page's headline down to the story in `Article.header` (default false). */
  header?: boolean;
}

/** The parts of a page beside its story that a caller may ask for. */
export type ArticleParts = Pick<ExtractOptions, 'comments' | 'header'>;

/** Those parts, each asked for or not. */
interface ExtraParts {
  comments: boolean;
  header: boolean;
}

/**
 * The article in a raw document: story text with an offset map back into the input, title,
 * date, byline, url, language and the page chrome that was left out. Pure and deterministic;
 * throws WiretraceError('INPUT_EMPTY') when the input has no text at all, and
 * WiretraceError('NO_ARTICLE') for a page that holds no story (a front page, search results, a
 * sign-in form, an error page) rather than returning its chrome as text — unless
 * `requireStory` is false, for callers who want a page's best guess whatever it is (corpus
 * de-duplication, say). With `comments`, the reader comments come in a field of their own; with
 * `header`, the lines from the headline down to the story (byline, dateline, standfirst).
 */
export function extractArticle(raw: RawDocument, options: ExtractOptions = {}): Article {
  const parts: ExtraParts = { comments: options.comments === true, header: options.header === true };
  const first = raw.format === 'html' ? extractHtmlOrWholePage(raw, parts) : extractPlainText(raw, parts);
  if (first === null) {
    // Nothing outside landmarks and <noscript> to read: only their look may find the story, under
    // the page's own title (there is no first look's headline).
    const landmark = secondLook(raw, parts, (whole) => whole.title);
    if (landmark !== null) return landmark;
    throw new WiretraceError('INPUT_EMPTY', 'no article text found', raw.input);
  }
  const { article, page } = first;
  if (parts.comments) article.comments ??= [];
  if (options.requireStory === false) return article;
  const verdict = noArticleVerdict(article, page);
  if (verdict === null) return article;
  if (raw.format === 'html') {
    const second = secondLook(raw, parts, () => article.title);
    if (second !== null) return second;
  }
  // A page its publisher declares a story keeps its first look when the second finds none.
  if (verdict.kind === 'too little prose' && isDeclaredStory(article, page)) return article;
  throw new WiretraceError('NO_ARTICLE', `no article found (${verdict.reason})`, raw.input);
}

/**
 * The container chosen may be the wrong box: the page read as flattened text gets a second look,
 * then a third with the text of its landmark elements (<aside>, <footer>, <nav>, <figure>), which
 * some sites fill with their story, and of <noscript>, where pages built by script give it.
 * Landmark text passes only under a headline (`headlineOf` the article the look read: the first
 * look's headline, or that article's own title when the first look found no text at all) that
 * names a story and whose words it tells: an "about us" paragraph in a footer is no story.
 */
function secondLook(
  raw: RawDocument,
  parts: ExtraParts,
  headlineOf: (whole: Article) => string | null,
): Article | null {
  for (const landmarks of [false, true]) {
    let whole: ReturnType<typeof extractHtml>;
    try {
      whole = extractHtml(raw, { ...parts, wholePage: true, landmarks });
    } catch (error) {
      if (error instanceof WiretraceError && error.code === 'INPUT_EMPTY') continue;
      throw error;
    }
    if (whyNoArticle(whole.article, whole.page) !== null) continue;
    if (landmarks && !tellsHeadline(whole.article, headlineOf(whole.article))) continue;
    return whole.article;
  }
  return null;
}

/** Words this long are mostly content words in any spaced script. */
const MIN_TOPIC_WORD = 4;
/** Share of the headline's content words the story must use. */
const MIN_HEADLINE_SHARE = 0.5;

/**
 * The page's headline (as the first look read it, site name and all) names a story, and the text
 * uses most content words of its own headline (the site name split off).
 */
function tellsHeadline(article: Article, headline: string | null): boolean {
  if (headline === null || !namesAStory(headline)) return false;
  const own = article.title ?? headline;
  const topic = new Set(normalisedWords(own).filter((word) => word.length >= MIN_TOPIC_WORD));
  if (topic.size === 0) return false;
  const used = new Set(normalisedWords(article.text).filter((word) => topic.has(word)));
  return used.size >= topic.size * MIN_HEADLINE_SHARE;
}

/**
 * The page's container extraction; a container without any story text gets the flattened second
 * look; null when that finds no text either.
 */
function extractHtmlOrWholePage(raw: RawDocument, parts: ExtraParts): ReturnType<typeof extractHtml> | null {
  for (const wholePage of [false, true]) {
    try {
      return extractHtml(raw, { ...parts, wholePage });
    } catch (error) {
      if (!(error instanceof WiretraceError) || error.code !== 'INPUT_EMPTY') throw error;
    }
  }
  return null;
}

/**
 * The article with the parts asked for that it was extracted without (its page's reader
 * comments, its header): its input is read again for them.
 */
export function withExtraParts(article: Article, asked: ArticleParts): Article {
  const comments = asked.comments === true && article.comments === undefined;
  const header = asked.header === true && article.header === undefined;
  if (!comments && !header) return article;
  const raw: RawDocument = {
    input: article.input,
    format: article.format,
    content: article.content,
    encoding: article.encoding,
  };
  const again = extractAgain(raw, { comments, header });
  return {
    ...article,
    ...(comments ? { comments: again.comments ?? [] } : {}),
    ...(header ? { header: again.header ?? [] } : {}),
  };
}

/** The page extracted again as it was the first time: the story it holds, else its best guess. */
function extractAgain(raw: RawDocument, parts: ExtraParts): Article {
  try {
    return extractArticle(raw, parts);
  } catch (error) {
    if (error instanceof WiretraceError && error.code === 'NO_ARTICLE')
      return extractArticle(raw, { ...parts, requireStory: false });
    throw error;
  }
}
