import { normalisedWords } from '../normalise-words.js';
import { SENTENCE_END } from '../sentence-end.js';
import { type ElementTotals, linkDensity } from './candidate-scores.js';
import MODEL from './container-model.json' with { type: 'json' };
import { type HtmlElement, parentElement } from './dom.js';
import { classWeight } from './element-hints.js';
import type { HtmlBlock } from './html-blocks.js';

/**
 * A second opinion on the content container, learned from public development sets
 * (`npm run train:extract -- --container`, leave-one-dataset-out cross-validation; weights and
 * figures in container-model.json). Readability's scores reward long, comma-rich paragraphs, so
 * on a page whose story is short a sidebar, a comment or a teaser list of longer sentences can
 * outscore it. Among the best-scoring candidates the model weighs the score with what tells a
 * story's box anywhere: it uses the words of the page's headline, it sits under the headline,
 * it holds few links. The model's favourite replaces the winner only when it is clearly
 * ahead. A margin of 1 or more turns it off.
 */
export interface ContainerModel {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** How much more probable the model's favourite must be than the score's winner. */
  margin: number;
}

/** Candidates compared: the best few by score. */
export const CONTAINER_CANDIDATES = 5;
/**
 * A block this long that ends like a sentence is prose, near enough for a container's share
 * (measured the quick way: long pages have tens of thousands of blocks).
 */
const MIN_PROSE_CHARS = 60;
/** Words this long are mostly content words in any spaced script. */
const MIN_TOPIC_WORD = 4;

export const CONTAINER_FEATURE_NAMES = [
  'log score',
  'share of the best score',
  'rank',
  'log characters',
  'link density',
  'class weight',
  'headline words used',
  'headline words share of text',
  'after the headline',
  'holds the headline',
  'place in the page',
  'depth',
  'log blocks',
  'prose share',
] as const;

/** One candidate container with its features. */
export interface ContainerCandidate {
  element: HtmlElement;
  features: number[];
}

/**
 * The best-scoring candidates (best first) with their features. `headline` is the page's title
 * as its metadata gives it (site name split off), or null.
 */
export function containerCandidates(
  blocks: readonly HtmlBlock[],
  scores: ReadonlyMap<HtmlElement, number>,
  totals: ReadonlyMap<HtmlElement, ElementTotals>,
  headline: string | null,
): ContainerCandidate[] {
  const ranked = [...scores.entries()]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CONTAINER_CANDIDATES);
  if (ranked.length === 0) return [];
  const best = ranked[0]![1];
  const topic = new Set(normalisedWords(headline ?? '').filter((word) => word.length >= MIN_TOPIC_WORD));
  const h1 = blocks.findIndex((block) => block.element.name === 'h1');
  const tallies = candidateTallies(
    blocks,
    ranked.map(([element]) => element),
    topic,
    h1,
  );
  return ranked.map(([element, score], rank) => {
    const { first, used, topicHits, wordCount, holdsHeadline } = tallies[rank]!;
    let depth = 0;
    for (let current = parentElement(element); current !== null; current = parentElement(current)) depth++;
    const total = totals.get(element);
    return {
      element,
      features: [
        Math.log1p(score),
        score / best,
        rank / CONTAINER_CANDIDATES,
        Math.log1p(total?.chars ?? 0),
        linkDensity(total),
        classWeight(element) / 50,
        topic.size === 0 ? 0 : used.size / topic.size,
        Math.min(1, (10 * topicHits) / Math.max(1, wordCount)),
        h1 >= 0 && first > h1 ? 1 : 0,
        holdsHeadline ? 1 : 0,
        blocks.length === 0 || first < 0 ? 0 : first / blocks.length,
        Math.min(1, depth / 20),
        Math.log1p(tallies[rank]!.blocks),
        tallies[rank]!.proseChars / Math.max(1, total?.chars ?? 0),
      ],
    };
  });
}

/** What one candidate holds: its first block, the headline's words it uses, its word count. */
interface CandidateTally {
  first: number;
  used: Set<string>;
  topicHits: number;
  wordCount: number;
  /** Holds the page's <h1> (the block at index `headline`). */
  holdsHeadline: boolean;
  blocks: number;
  /** Characters of its blocks that read as sentences of prose (long and ending like a sentence). */
  proseChars: number;
}

/**
 * The tallies of every candidate in one pass over the blocks: each block's ancestors are walked
 * once and its words read once, however many candidates hold it (long pages have tens of
 * thousands of blocks).
 */
function candidateTallies(
  blocks: readonly HtmlBlock[],
  elements: readonly HtmlElement[],
  topic: ReadonlySet<string>,
  headline: number,
): CandidateTally[] {
  const slot = new Map(elements.map((element, index) => [element, index]));
  const tallies = elements.map(
    (): CandidateTally => ({
      first: -1,
      used: new Set<string>(),
      topicHits: 0,
      wordCount: 0,
      holdsHeadline: false,
      blocks: 0,
      proseChars: 0,
    }),
  );
  blocks.forEach((block, index) => {
    const holders: number[] = [];
    for (
      let current: HtmlElement | null = block.element;
      current !== null;
      current = parentElement(current)
    ) {
      const at = slot.get(current);
      if (at !== undefined) holders.push(at);
    }
    if (holders.length === 0) return;
    // Without a headline the words tell nothing: they are not read.
    const words = topic.size === 0 ? [] : normalisedWords(block.text);
    const prose =
      block.text.length >= MIN_PROSE_CHARS && SENTENCE_END.test(block.text) ? block.text.length : 0;
    for (const at of holders) {
      const tally = tallies[at]!;
      if (tally.first < 0) tally.first = index;
      if (index === headline) tally.holdsHeadline = true;
      tally.blocks++;
      tally.proseChars += prose;
      tally.wordCount += words.length;
      for (const word of words) {
        if (!topic.has(word)) continue;
        tally.used.add(word);
        tally.topicHits++;
      }
    }
  });
  return tallies;
}

/** The committed model (container-model.json). */
export const CONTAINER_MODEL: ContainerModel = MODEL;

export function containerProbability(model: ContainerModel, features: readonly number[]): number {
  let sum = model.bias;
  features.forEach((value, index) => {
    sum += (model.weights[index] ?? 0) * ((value - (model.mean[index] ?? 0)) / (model.scale[index] || 1));
  });
  return 1 / (1 + Math.exp(-sum));
}

/**
 * The candidate the model prefers to the score's winner (the first candidate), or null when it
 * prefers the winner or is not clearly ahead of it.
 */
export function preferredContainer(
  candidates: readonly ContainerCandidate[],
  model: ContainerModel = MODEL,
): HtmlElement | null {
  if (model.margin >= 1 || model.weights.length !== CONTAINER_FEATURE_NAMES.length) return null;
  if (candidates.length < 2) return null;
  const probabilities = candidates.map((candidate) => containerProbability(model, candidate.features));
  let best = 0;
  probabilities.forEach((probability, index) => {
    if (probability > probabilities[best]!) best = index;
  });
  if (best === 0 || probabilities[best]! - probabilities[0]! < model.margin) return null;
  return candidates[best]!.element;
}
