import { basename } from 'node:path';
import { storyStages } from '../src/extract/extract-html.js';
import { type HtmlElement, isInsideAny, parentElement } from '../src/extract/html/dom.js';
import { classWeight, isUnlikelyContent } from '../src/extract/html/element-hints.js';
import { INNER_FEATURE_NAMES, innerCandidates, innerFeatures } from '../src/extract/html/inner-model.js';
import { storyStyle } from '../src/extract/html/story-style.js';
import { fitBlockModel, labelOf, type Sample } from './extraction-tail-train.js';
import { trainingFolders } from './extraction-training.js';
import { laidOutPages } from './extraction-truths.js';

/**
 * `npm run train:extract -- --inner`: learns the inner model (src/extract/html/inner-model.ts),
 * a logistic regression telling page chrome among all the blocks a story keeps inside its
 * content container after the edge models, from the union of the page-extraction development
 * sets, leaving one whole data set out to choose its threshold (off unless every held-out set
 * gains). Before fitting it prints, per set, the candidates' chrome and story words by styling
 * (element and parent in the story's dominant tag and class or not, the run of blocks styled
 * apart), distance from the story's dense core and place: tallies, no page read.
 */

interface Tally {
  chrome: number;
  story: number;
}

/** The groups a candidate falls in for the printed tallies. */
function groupsOf(features: readonly number[], names: readonly string[]): string[] {
  const value = (name: string) => features[names.indexOf(name)]!;
  const dominant = value('element and parent in the dominant style') === 1;
  const run = Math.round(value('run styled apart') * 5);
  const distance = Math.round(value('distance from the core') * 5);
  const edge = Math.round(value('place from the nearer edge') * 5);
  const place = value('place in the story');
  return [
    `style: ${dominant ? 'dominant' : run >= 2 ? 'apart, in a run of 2+' : 'apart, alone'}`,
    `distance from core: ${distance === 0 ? '0 (in it)' : distance <= 2 ? '1-2' : '3+'}`,
    `place: ${edge < 3 ? (place < 0.5 ? 'first three' : 'last three') : 'middle'}`,
    `core: ${value('beside the core') === 1 ? 'beside it (same parent)' : 'other parent'}${distance >= 3 ? ', 3+ away' : ''} / ${dominant ? 'dominant' : 'apart'}`,
    `comment thread: ${value('in a comment thread') === 1 ? 'under one' : 'none'}`,
    `style x place: ${dominant ? 'dominant' : 'apart'} / ${edge < 3 ? 'edge' : 'middle'} / ${value('prose') === 1 ? 'prose' : 'not prose'}`,
  ];
}

/**
 * The kind of the nearest box between a block and the story's core parent whose class or id
 * marks page chrome (`unlikely` for the container test's pattern, `negative` for Readability's
 * negative class weight), when that box does not hold the core; `none` otherwise.
 */
function namedBoxApart(element: HtmlElement, core: HtmlElement | null): string {
  if (core === null) return 'none';
  let levels = 0;
  for (
    let current = parentElement(element);
    current !== null && levels < 8;
    current = parentElement(current)
  ) {
    if (isInsideAny(core, new Set([current]))) return 'none';
    if (isUnlikelyContent(current)) return 'unlikely';
    if (classWeight(current) < 0) return 'negative';
    levels++;
  }
  return 'none';
}

async function samplesOf(directory: string): Promise<{ samples: Sample[]; tallies: Map<string, Tally> }> {
  const set = basename(directory);
  const samples: Sample[] = [];
  const tallies = new Map<string, Tally>();
  for await (const { id, truth, layout } of laidOutPages(directory)) {
    const stages = storyStages(layout);
    const style = storyStyle(stages.blocks, stages.labels);
    for (const index of innerCandidates(style)) {
      const label = labelOf(truth, stages.blocks[index]!.text);
      if (label === null) continue;
      const features = innerFeatures(stages.blocks, style, index);
      const words = style.words[index]!;
      samples.push({ features, label, group: set, kind: id, words });
      const box = namedBoxApart(stages.blocks[index]!.element, style.coreParent);
      for (const group of [
        ...groupsOf(features, INNER_FEATURE_NAMES),
        `named box apart from the core: ${box}`,
      ]) {
        const tally = tallies.get(group) ?? { chrome: 0, story: 0 };
        if (label === 1) tally.chrome += words;
        else tally.story += words;
        tallies.set(group, tally);
      }
    }
  }
  return { samples, tallies };
}

export async function trainInnerModel(datasets: string, output: string): Promise<void> {
  const folders = trainingFolders(datasets, 'train:extract --inner');
  if (folders === null) {
    process.exitCode = 1;
    return;
  }
  const samples: Sample[] = [];
  for (const folder of folders) {
    const found = await samplesOf(folder);
    const chrome = found.samples.filter((sample) => sample.label === 1).length;
    console.log(
      `${basename(folder)}: ${found.samples.length} story blocks inside the container, ${chrome} chrome`,
    );
    console.log('  group (words)                                      chrome    story   chrome share');
    for (const [group, tally] of [...found.tallies].sort(([a], [b]) => a.localeCompare(b))) {
      const share = tally.chrome / Math.max(1, tally.chrome + tally.story);
      console.log(
        `  ${group.padEnd(48)} ${String(tally.chrome).padStart(8)} ${String(tally.story).padStart(8)}   ${share.toFixed(3)}`,
      );
    }
    samples.push(...found.samples);
  }
  fitBlockModel(samples, INNER_FEATURE_NAMES, output);
}
