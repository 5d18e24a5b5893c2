import type { BlockLabel } from '../classify-blocks.js';
import { normalisedWords } from '../normalise-words.js';
import { hasUnspacedScript } from '../word-count.js';
import { isHeading } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { storyAndStart, withBlocksJoiningStory } from './lead-by-style.js';
import { repeatsStoryTest } from './skipped-boxes-in-story.js';
import { isLeadProse } from './story-lead.js';

/** Most other blocks (a picture, a kicker, a share bar) the lead may lie past. */
const MAX_GAP = 3;
/** Share of a lead block's topic terms the story must use, half: a teaser or a notice uses few. */
const MIN_TOPIC_SHARE = 0.5;

/**
 * The story's lead on a page without an <h1> above it: the lead step (story-lead.ts) looks
 * between the headline and the body, and a page whose headline is no <h1> (a styled box, a
 * picture) and copies no title gives it nowhere to look. The run of prose blocks right before
 * the story's first block (at most a few other blocks between them) joins it while each block
 * tells the story's topic (most of its longer words, or character pairs in a script without
 * spaces, are the story's too) and does not repeat its words: a teaser of another story or a
 * sign-in notice there tells another topic. A prose block that fails ends the run.
 */
export function withLeadOnTopic(
  pageBlocks: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const { story, first } = storyAndStart(pageBlocks, blocks, labels);
  if (first <= 0 || pageBlocks.slice(0, first).some((block) => block.element.name === 'h1'))
    return { blocks: [...blocks], labels: [...labels] };
  const taken = new Set(story);
  const tellsTopic = topicTest(story);
  const lead = new Set<HtmlBlock>();
  let gap = 0;
  for (let index = first - 1; index >= 0; index--) {
    const block = pageBlocks[index]!;
    if (taken.has(block)) break;
    const prose = isLeadProse(block);
    if (prose && !isHeading(block.element) && tellsTopic(block)) {
      lead.add(block);
      gap = 0;
    } else if (prose || ++gap > MAX_GAP) break;
  }
  return withBlocksJoiningStory(blocks, labels, lead);
}

/**
 * Whether a block tells the story's topic: enough of its topic terms are the story's, and it
 * does not repeat the story's words.
 */
export function topicTest(story: readonly HtmlBlock[]): (block: HtmlBlock) => boolean {
  let vocabulary: Set<string> | null = null;
  const repeats = repeatsStoryTest(story);
  return (block) => {
    vocabulary ??= new Set(story.flatMap((kept) => topicTerms(kept.text)));
    const terms = topicTerms(block.text);
    const shared = terms.filter((term) => vocabulary!.has(term)).length;
    return terms.length > 0 && shared >= terms.length * MIN_TOPIC_SHARE && !repeats(block);
  };
}

/**
 * The terms a text's topic is read from, lower-cased: its words of four characters or more
 * (function words are mostly shorter), or every pair of characters of a script written without
 * spaces.
 */
export function topicTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of normalisedWords(text)) {
    if (hasUnspacedScript(run)) {
      for (let index = 0; index + 2 <= run.length; index++) terms.push(run.slice(index, index + 2));
    } else if (run.length >= 4) terms.push(run);
  }
  return terms;
}
