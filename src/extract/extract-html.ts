import type { Article, RawDocument } from '../model/article.js';
import type { PageFacts } from './article-check.js';
import { articleHeader } from './article-header.js';
import { assembleArticle } from './assemble-article.js';
import { type BlockLabel, type Classification, classifyBlocks } from './classify-blocks.js';
import { type StoryLayout, withModelBlocks } from './html/block-model.js';
import { withoutCommentThreads } from './html/comment-threads.js';
import { mainContentBlocks } from './html/content-container.js';
import { withDeckUnderHeadline } from './html/deck-under-headline.js';
import { bodyDeclaration, declaredBody } from './html/declared-body.js';
import { contentRoot, findElements, type HtmlDocument, type HtmlElement, parseHtml } from './html/dom.js';
import { type HtmlBlock, htmlBlocks } from './html/html-blocks.js';
import { type HtmlMetadata, htmlMetadata } from './html/html-metadata.js';
import { withoutInnerChrome } from './html/inner-model.js';
import { pageJsonLd } from './html/json-ld.js';
import { withLeadInStoryStyle } from './html/lead-by-style.js';
import { withLeadFromDescription } from './html/lead-from-description.js';
import { withLeadOnTopic } from './html/lead-on-topic.js';
import { withOwnLinesInStory } from './html/own-lines-in-story.js';
import { pageWords } from './html/page-words.js';
import { readerComments } from './html/reader-comments.js';
import { withSkippedBoxesInStory } from './html/skipped-boxes-in-story.js';
import { withStoryContext } from './html/story-context.js';
import { withLeadBeforeBody } from './html/story-lead.js';
import { withStrayTailAsRelated } from './html/story-tail.js';
import { withLinesStyledAsStory } from './html/styled-as-story.js';
import { withTailInStoryStyle } from './html/tail-by-style.js';
import { withoutLeadChrome, withoutTailChrome } from './html/tail-model.js';
import { withoutTrailingHeadings } from './html/trailing-headings.js';
import { withTrailingLinkListsAsRelated } from './html/trailing-link-lists.js';
import type { DateClue } from './published-date.js';

/** Below this many characters the content choice is retried without dropping chrome-like classes. */
const MIN_CONTENT_CHARS = 250;

/**
 * Extracts the story from an HTML page: metadata from the head; the main content container chosen
 * Readability-style, or the article body the page declares when the two disagree; the same
 * line-level chrome filter as for flattened text; then structure has the last word on what the
 * line filter judged by position or links alone (paragraph context, link lists and stray boxes
 * after the story). With the story's blocks and the words the page shows, for the no-article
 * check. With `comments`, the page's reader comments apart from the story; with `header`, the
 * lines from its headline down to the story.
 */
export function extractHtml(
  raw: RawDocument,
  options: { comments?: boolean; header?: boolean; wholePage?: boolean; landmarks?: boolean } = {},
): { article: Article; page: PageFacts } {
  const parsed = parsePage(raw);
  const { layout, classification, metadata } =
    options.wholePage === true
      ? wholePageLayout(raw, parsed, options.landmarks === true)
      : labelledLayout(raw, parsed);
  const { blocks, labels } = storyWithTail(layout);
  const article = assembleArticle(raw, blocks, labels, {
    title: classification.title,
    dateClues: withVisibleDate(metadata.dateClues, classification.published),
    modified: metadata.modified,
    byline: metadata.byline ?? classification.byline,
    siteName: metadata.siteName,
    url: metadata.url,
    canonicalUrl: metadata.canonicalUrl,
    declaredLanguage: metadata.language,
  });
  const storyBlocks = blocks.filter((_, index) => labels[index] === 'story');
  if (options.comments === true) {
    const storyElements = new Set(storyBlocks.map((block) => block.element));
    article.comments = readerComments(raw.content, parsed.root, storyElements);
  }
  if (options.header === true)
    article.header = articleHeader(
      layout.everyBlock?.() ?? layout.pageBlocks,
      storyBlocks[0]!.start,
      article.title,
    );
  return {
    article,
    page: {
      storyBlocks,
      pageWords: () => pageWords(parsed.document),
      declaresArticle: metadata.declaresArticle,
    },
  };
}

/**
 * The block model's additions, then the tail model's cuts, then the lead model's; then the
 * story's own lines among its paragraphs back to it, its lead styled like its body before it,
 * on a page without an <h1> its lead on its topic right before it, its deck under the <h1>, its
 * continuation styled like its body after a break, its sign-off and linked list items set as
 * its own paragraphs, the prose the container left out, the short headings it ends with out, and
 * last its lead in a box of its own that the page's description copies. What `npm run eval --
 * extraction-conventions --styles` tallies.
 */
export function storyWithTail(layout: StoryLayout): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  return storyBefore(layout, null);
}

/** The last steps of the story, in order: a tally of what one of them reads runs the steps before it. */
export type LastStoryStep = 'trailing headings' | 'described lead';

/**
 * The story after every step before `step` (every step when null): what `npm run eval --
 * extraction-conventions --trailing-headings` and `--described` read.
 */
export function storyBefore(
  layout: StoryLayout,
  step: LastStoryStep | null,
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const story = storyBeforeLastSteps(layout);
  if (step === 'trailing headings') return story;
  const trimmed = withoutTrailingHeadings(story.blocks, story.labels);
  if (step === 'described lead' || layout.description === undefined || layout.everyBlock === undefined)
    return trimmed;
  return withLeadFromDescription(layout.everyBlock(), trimmed.blocks, trimmed.labels, layout.description);
}

function storyBeforeLastSteps(layout: StoryLayout): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const { blocks, labels } = storyStages(layout);
  const styledLead = withLeadInStoryStyle(layout.pageBlocks, blocks, withOwnLinesInStory(blocks, labels));
  const onTopic = withLeadOnTopic(layout.pageBlocks, styledLead.blocks, styledLead.labels);
  const led = withDeckUnderHeadline(layout.pageBlocks, onTopic.blocks, onTopic.labels);
  const tailed = withTailInStoryStyle(layout.pageBlocks, led.blocks, led.labels);
  const styled = withLinesStyledAsStory(tailed.blocks, tailed.labels);
  if (layout.everyBlock === undefined) return { blocks: tailed.blocks, labels: styled };
  return withSkippedBoxesInStory(layout.everyBlock(), tailed.blocks, styled);
}

/**
 * The story's blocks with their labels after each stage: the block model's additions, the tail
 * model's cuts, the lead model's cuts (the models' last word: storyWithTail then gives back the
 * story's own lines and its styled lead). What `npm run eval -- extraction-errors` reads to tell
 * which model lost a block.
 */
export function storyStages(layout: StoryLayout): {
  blocks: HtmlBlock[];
  beforeEdges: BlockLabel[];
  afterTail: BlockLabel[];
  labels: BlockLabel[];
} {
  const { blocks, labels: beforeEdges } = withModelBlocks(layout);
  const afterTail = withoutTailChrome(blocks, beforeEdges);
  return {
    blocks,
    beforeEdges,
    afterTail,
    labels: withoutInnerChrome(blocks, withoutCommentThreads(blocks, withoutLeadChrome(blocks, afterTail))),
  };
}

/**
 * The story's blocks and labels after the block model, before the tail model has its say (what
 * `npm run train:extract -- --tail` learns from); null when the first look found no story.
 */
export function storyBeforeTail(raw: RawDocument): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  return withModelBlocks(storyLayout(raw));
}

/**
 * The page's blocks (chrome subtrees skipped) and its headline: what the container model reads;
 * with the article body the page declares, if any.
 */
export function containerView(raw: RawDocument): {
  pageBlocks: HtmlBlock[];
  headline: string | null;
  declared: HtmlElement | null;
} {
  const { elements, root } = parsePage(raw);
  const jsonLd = pageJsonLd(elements);
  const metadata = htmlMetadata(elements, jsonLd);
  const pageBlocks = htmlBlocks(raw.content, root, { skipUnlikely: true });
  return {
    pageBlocks,
    headline: metadata.title ?? metadata.documentTitle,
    declared: declaredBody(bodyDeclaration(elements, jsonLd), pageBlocks),
  };
}

interface ParsedPage {
  document: HtmlDocument;
  elements: HtmlElement[];
  root: HtmlElement;
}

function parsePage(raw: RawDocument): ParsedPage {
  const document = parseHtml(raw.content);
  return { document, elements: findElements(document), root: contentRoot(document) };
}

/**
 * The page's blocks, the content container's blocks and their labels, before the block model
 * has its say (what `npm run train:extract` learns from).
 */
export function storyLayout(raw: RawDocument): StoryLayout {
  return labelledLayout(raw, parsePage(raw)).layout;
}

function labelledLayout(
  raw: RawDocument,
  { elements, root }: ParsedPage,
): { layout: StoryLayout; classification: Classification; metadata: HtmlMetadata } {
  const jsonLd = pageJsonLd(elements);
  const metadata = htmlMetadata(elements, jsonLd);
  const declaration = bodyDeclaration(elements, jsonLd);
  // Every visible block of the page, boxes named as chrome included: read only when needed.
  let every: HtmlBlock[] | null = null;
  const everyBlock = () => {
    every ??= htmlBlocks(raw.content, root, { skipUnlikely: false });
    return every;
  };
  let pageBlocks = htmlBlocks(raw.content, root, { skipUnlikely: true });
  const knownTitle = metadata.title ?? metadata.documentTitle;
  let blocks = withLeadBeforeBody(
    pageBlocks,
    mainContentBlocks(pageBlocks, declaredBody(declaration, pageBlocks), knownTitle),
    knownTitle,
  );
  if (textLength(blocks) < MIN_CONTENT_CHARS) {
    // Some sites put the story in elements whose class names look like chrome; look again.
    const all = everyBlock();
    const relaxed = withLeadBeforeBody(
      all,
      mainContentBlocks(all, declaredBody(declaration, all), knownTitle),
      knownTitle,
    );
    if (textLength(relaxed) > textLength(blocks)) {
      blocks = relaxed;
      pageBlocks = all;
    }
  }
  const classification = classifyBlocks(blocks, 'html', knownTitle);
  const inContext = withStoryContext(blocks, classification.labels);
  const labels = withStrayTailAsRelated(blocks, withTrailingLinkListsAsRelated(blocks, inContext));
  return {
    layout: { pageBlocks, containerBlocks: blocks, labels, everyBlock, description: metadata.description },
    classification,
    metadata,
  };
}

/**
 * The page read as flattened text, for when the content container held no story: every visible
 * block, chrome-like classes included, with the story region chosen the way it is on a flattened
 * page (the densest run of prose, anchored under the page's heading). Old table layouts and
 * pages whose story sits in a box named like chrome have no container that scores as one.
 */
function wholePageLayout(
  raw: RawDocument,
  { elements, root }: ParsedPage,
  landmarks: boolean,
): { layout: StoryLayout; classification: Classification; metadata: HtmlMetadata } {
  const metadata = htmlMetadata(elements, pageJsonLd(elements));
  const blocks = htmlBlocks(raw.content, root, { skipUnlikely: false, landmarks });
  const classification = classifyBlocks(blocks, 'text', metadata.title ?? metadata.documentTitle);
  return {
    layout: { pageBlocks: blocks, containerBlocks: blocks, labels: classification.labels },
    classification,
    metadata,
  };
}

/** The markup's date clues, the date line found among the story's blocks first. */
function withVisibleDate(clues: readonly DateClue[], dateline: string | null): DateClue[] {
  return dateline === null ? [...clues] : [{ iso: dateline, from: 'dateline' }, ...clues];
}

function textLength(blocks: readonly HtmlBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}
