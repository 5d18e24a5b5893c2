import { basename } from 'node:path';
import { storyStages } from '../src/extract/extract-html.js';
import { isHeadingTag } from '../src/extract/html/dom.js';
import type { HtmlBlock } from '../src/extract/html/html-blocks.js';
import { extractionSetFolders, isStoryText, laidOutPages, sideOfStory, words } from './extraction-truths.js';

/**
 * `npm run eval -- extraction-errors`: where extraction's errors lie on each page-extraction set,
 * by kind rather than page by page. Every block of a page is matched against the ground truth
 * (as the trainers do) and its words are tallied by where the block sits: inside the content
 * container under the label it was given (or the edge model that cut it), or outside it, by
 * side of the story, distance in blocks and kind of element. Beside the story words missed in
 * each place stand the chrome words rightly left out there: a place worth reading more of holds
 * more of the first than of the second on every set.
 */

export interface Tally {
  missedStory: number;
  leftChrome: number;
}

/** Where one block sits relative to the story, as a short key. */
function placeOf(
  block: HtmlBlock,
  position: number,
  storyPositions: readonly number[],
  containerLabel: string | undefined,
): string {
  if (containerLabel !== undefined) return `container, labelled ${containerLabel}`;
  const first = storyPositions[0];
  const last = storyPositions[storyPositions.length - 1];
  if (first === undefined || last === undefined) return 'outside, no story';
  const side = sideOfStory(position, first, last);
  let nearest = Number.POSITIVE_INFINITY;
  for (const at of storyPositions) nearest = Math.min(nearest, Math.abs(at - position));
  const distance = nearest <= 3 ? '1-3' : nearest <= 10 ? '4-10' : '>10';
  const tag = block.element.name;
  const kind = isHeadingTag(tag) ? 'heading' : tag === 'p' ? 'p' : 'other';
  return `outside, ${side}, ${distance} blocks away, ${kind}`;
}

/**
 * One set's tallies: words of the blocks left out of the story by place (story missed, chrome
 * rightly left out), and chrome words kept in the story by where in it they sit.
 */
export async function errorPlaces(
  directory: string,
): Promise<{ places: Map<string, Tally>; keptChrome: Map<string, number> }> {
  const places = new Map<string, Tally>();
  const keptChrome = new Map<string, number>();
  for await (const { truth, layout } of laidOutPages(directory)) {
    const stages = storyStages(layout);
    const label = new Map<HtmlBlock, string>();
    stages.blocks.forEach((block, index) => {
      const final = stages.labels[index]!;
      label.set(
        block,
        stages.beforeEdges[index] === 'story' && stages.afterTail[index] !== 'story'
          ? 'story, cut by the tail model'
          : stages.afterTail[index] === 'story' && final !== 'story'
            ? 'story, cut by the lead model'
            : final,
      );
    });
    const story = stages.blocks.filter((_, index) => stages.labels[index] === 'story');
    const storySet = new Set(story);
    const storyPositions = layout.pageBlocks.flatMap((block, position) =>
      storySet.has(block) ? [position] : [],
    );
    layout.pageBlocks.forEach((block, position) => {
      const isStory = isStoryText(truth, block.text);
      if (isStory === null) return;
      const count = words(block.text);
      if (storySet.has(block)) {
        if (isStory) return;
        const rank = storyPositions.indexOf(position);
        const where =
          rank < 3 ? 'first three story blocks' : rank >= storyPositions.length - 3 ? 'last three' : 'middle';
        keptChrome.set(where, (keptChrome.get(where) ?? 0) + count);
        return;
      }
      const place = placeOf(block, position, storyPositions, label.get(block));
      const tally = places.get(place) ?? { missedStory: 0, leftChrome: 0 };
      if (isStory) tally.missedStory += count;
      else tally.leftChrome += count;
      places.set(place, tally);
    });
  }
  return { places, keptChrome };
}

export async function evaluateExtractionErrors(datasets: string, sets: readonly string[]): Promise<void> {
  for (const folder of extractionSetFolders(datasets, sets)) {
    const { places, keptChrome } = await errorPlaces(folder);
    console.log(`\n${basename(folder)}: words of blocks left out of the story, by where they sit`);
    console.log('place                                             story missed  chrome left out');
    const rows = [...places.entries()]
      .filter(([, tally]) => tally.missedStory > 0)
      .sort((a, b) => b[1].missedStory - a[1].missedStory || a[0].localeCompare(b[0]));
    for (const [place, tally] of rows) {
      console.log(
        `${place.padEnd(50)}${String(tally.missedStory).padStart(12)}${String(tally.leftChrome).padStart(17)}`,
      );
    }
    const kept = ['first three story blocks', 'middle', 'last three']
      .map((where) => `${where} ${keptChrome.get(where) ?? 0}`)
      .join(', ');
    console.log(`chrome words kept in the story: ${kept}`);
  }
}
