import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { blockFeatures } from '../src/extract/block-features.js';
import { chromeKindByWording } from '../src/extract/chrome-patterns.js';
import { readDateline } from '../src/extract/dateline.js';
import { containerView, storyWithTail } from '../src/extract/extract-html.js';
import { containerCandidatesOf } from '../src/extract/html/content-container.js';
import {
  commonAncestor,
  elementAndAncestors,
  type HtmlElement,
  isHeadingTag,
  parentElement,
} from '../src/extract/html/dom.js';
import type { HtmlBlock } from '../src/extract/html/html-blocks.js';
import { isStoryProse, styleOf } from '../src/extract/html/lead-by-style.js';
import { trigramsOf } from '../src/extract/html/skipped-boxes-in-story.js';
import { isLeadProse } from '../src/extract/html/story-lead.js';
import { normalisedWords } from '../src/extract/normalise-words.js';
import { titleCopyTest } from '../src/extract/title.js';
import { stylingAgainst } from './extraction-conventions.js';
import { extractionSetFolders, isStoryText, laidOutPages, words } from './extraction-truths.js';

/**
 * The blocks before and after the story extraction gives, one record a line (`npm run eval --
 * extraction-lead-boxes [--sets ...] [--out FILE]`): where each lies against the page's <h1>
 * and the story, its kind, length, sentence end, links, wording, dateline reading, styling
 * against the story, the rank of the best content-container candidate holding it apart from the
 * container, and whether the set's truth counts it as story. What the lead-box tallies and
 * models read; no page's text is written out.
 */

interface Record {
  set: string;
  page: string;
  amount: number;
  story: boolean;
  side: 'before' | 'after';
  gap: number;
  relation: string;
  tag: string;
  heading: boolean;
  words: number;
  endsSentence: boolean;
  linkDensity: number;
  wording: string | null;
  dateline: boolean;
  leadProse: boolean;
  storyProse: boolean;
  styling: string;
  rank: number | null;
  rankBoxBlocks: number;
  containerRank: number | null;
  inContainer: boolean;
  label: string | null;
  proseBetween: number;
  blocksBetween: number;
  copiesTitle: boolean;
  repeatsStory: number;
  storyWords: number;
  levelsUp: number;
  uppercaseStart: boolean;
  topicShare: number;
  titleShare: number;
}

export async function dumpLeadBoxes(datasets: string, sets: readonly string[], out: string): Promise<void> {
  const records: string[] = [];
  for (const folder of extractionSetFolders(datasets, sets)) {
    const set = basename(folder);
    for await (const { id, truth, page, layout } of laidOutPages(folder)) {
      const { blocks, labels } = storyWithTail(layout);
      const story = blocks.filter((_, index) => labels[index] === 'story');
      if (story.length === 0) continue;
      const pageBlocks = layout.pageBlocks;
      const first = pageBlocks.indexOf(story[0]!);
      const last = pageBlocks.indexOf(story.at(-1)!);
      if (first < 0 || last < 0) continue;
      const title = containerView(page).headline;
      const copies = title === null ? () => false : titleCopyTest(title);
      let headline = -1;
      for (let index = first - 1; index >= 0 && headline < 0; index--)
        if (pageBlocks[index]!.element.name === 'h1') headline = index;
      const scores = containerCandidatesOf(pageBlocks, title).scores;
      const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
      const rankOf = new Map(ranked.map(([element], index) => [element, index + 1]));
      const top = commonAncestor(layout.containerBlocks.map((block) => block.element));
      const aboveTop = new Set(top === null ? [] : elementAndAncestors(top));
      let containerRank: number | null = null;
      for (const element of top === null ? [] : elementAndAncestors(top)) {
        const rank = rankOf.get(element);
        if (rank !== undefined) containerRank = Math.min(containerRank ?? rank, rank);
      }
      const labelOf = new Map(blocks.map((block, index) => [block, labels[index]!] as const));
      const inContainer = new Set(layout.containerBlocks);
      const styling = stylingAgainst(story);
      const storyTrigrams = new Set(story.flatMap((block) => trigramsOf(block.text)));
      const storyWords = story.reduce((sum, block) => sum + blockFeatures(block).words, 0);
      const storyVocabulary = new Set(story.flatMap((block) => normalisedWords(block.text)));
      const titleVocabulary = new Set(normalisedWords(title ?? ''));
      const share = (text: string, vocabulary: ReadonlySet<string>) => {
        const own = normalisedWords(text).filter((word) => word.length >= 4);
        return own.filter((word) => vocabulary.has(word)).length / Math.max(1, own.length);
      };
      const leadProse = pageBlocks.map((block) => labelOf.get(block) !== 'story' && isLeadProse(block));
      const record = (block: HtmlBlock, position: number, side: 'before' | 'after') => {
        if (labelOf.get(block) === 'story') return;
        const label = isStoryText(truth, block.text);
        if (label === null) return;
        const features = blockFeatures(block);
        let rank: number | null = null;
        let rankBox: HtmlElement | null = null;
        for (const element of elementAndAncestors(block.element)) {
          if (aboveTop.has(element)) break;
          const value = rankOf.get(element);
          if (value !== undefined && (rank === null || value < rank)) {
            rank = value;
            rankBox = element;
          }
        }
        const rankBoxBlocks =
          rankBox === null
            ? 0
            : pageBlocks.filter((other) => elementAndAncestors(other.element).includes(rankBox!)).length;
        const [from, to] = side === 'before' ? [position + 1, first] : [last + 1, position];
        const between = pageBlocks.slice(from, to);
        const proseBetween = leadProse.slice(from, to).filter(Boolean).length;
        const relation =
          side === 'after'
            ? 'after'
            : headline < 0
              ? 'no h1'
              : position === headline
                ? 'the h1'
                : position < headline
                  ? 'above the h1'
                  : 'between';
        const trigrams = trigramsOf(block.text);
        let levels = 0;
        if (top !== null) {
          const held = new Set(elementAndAncestors(block.element));
          for (
            let current: HtmlElement | null = top;
            current !== null && !held.has(current);
            current = parentElement(current)
          )
            levels++;
        }
        const entry: Record = {
          set,
          page: id,
          amount: 'with' in truth ? 1 : words(block.text),
          story: label,
          side,
          gap: between.length,
          relation,
          tag: block.element.name,
          heading: isHeadingTag(block.element.name),
          words: features.words,
          endsSentence: features.endsSentence,
          linkDensity: features.linkDensity,
          wording: chromeKindByWording(block.text, features.words),
          dateline: readDateline(block.text, features.words) !== null,
          leadProse: isLeadProse(block),
          storyProse: isStoryProse(block),
          styling: `${styling(block).relation}|${styleOf(block.element) === styleOf(story[0]!.element)}`,
          rank,
          rankBoxBlocks,
          containerRank,
          inContainer: inContainer.has(block),
          label: labelOf.get(block) ?? null,
          proseBetween,
          blocksBetween: between.length,
          copiesTitle: copies(block.text),
          repeatsStory:
            trigrams.filter((trigram) => storyTrigrams.has(trigram)).length / Math.max(1, trigrams.length),
          storyWords,
          levelsUp: levels,
          uppercaseStart: /^\p{Lu}/u.test(block.text),
          topicShare: share(block.text, storyVocabulary),
          titleShare: share(block.text, titleVocabulary),
        };
        records.push(JSON.stringify(entry));
      };
      for (let position = 0; position < first; position++) record(pageBlocks[position]!, position, 'before');
      for (let position = last + 1; position < pageBlocks.length; position++)
        record(pageBlocks[position]!, position, 'after');
    }
    console.error(`${set}: ${records.length} records so far`);
  }
  writeFileSync(out, `${records.join('\n')}\n`);
}
