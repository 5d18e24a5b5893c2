/**
 * A passage-level reuse suite in the PAN text-alignment format (Potthast et al. 2010), built
 * deterministically from public development data: news article bodies of the ScrapingHub
 * benchmark (aeb-dev ground truth) and paraphrase pairs of the MSRP training part.
 *
 * Each pair is a source document and a suspicious ("this") document. Passages of 1-6 whole
 * sentences of the source are planted at a sentence boundary of another article (from another
 * event), as PAN does, with one of PAN's obfuscations: none, random word operations (shuffle,
 * insert, delete, replace, taking new words from the host), or synonym replacement through the
 * project's lexicon. Real human rewording comes from MSRP pairs judged paraphrases: a short
 * wire item made of the first sentences is embedded, as their paraphrases, in a longer host.
 * Some copies are excerpts (the passage alone), so that neither length nor containment alone
 * tells which side is the copy; some pairs have nothing planted.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { seededRandom } from '../src/seeded-random.js';
import { analyseArticle } from '../src/text/analyse.js';
import { type Lexicon, loadLexicon } from '../src/text/lexicon.js';
import { articleFromText } from '../src/text/plain-article.js';
import { isStopword } from '../src/text/stopwords.js';
import { loadMsrp, readText } from './datasets.js';
import type { PanAnnotation } from './pan-metrics.js';

export type Obfuscation = 'none' | 'random' | 'synonym' | 'msrp';
/** planted: the passage inside another article; excerpt: the copy is the passage alone. */
export type PairShape = 'planted' | 'excerpt' | 'embedded' | 'free';

export interface PanCase extends PanAnnotation {
  obfuscation: Obfuscation;
  sentences: number;
}

export interface PanPair {
  /** suspicious-documentNNNNN.txt and source-documentNNNNN.txt */
  suspicious: { name: string; text: string };
  source: { name: string; text: string };
  shape: PairShape;
  cases: PanCase[];
  /** The article the source document comes from (or "msrp"): models hold out whole articles. */
  sourceArticle: string;
}

export interface PanSuiteOptions {
  seed?: number;
  /** Pairs per obfuscation kind, and pairs with nothing planted. */
  perKind?: number;
  /** Folder of the article bodies under the datasets folder (aeb-dev). */
  aebFolder?: string;
}

/** The seed the models are trained on; the eval builds its suite with EVAL_SEED, other passages. */
export const DEFAULT_SEED = 2010;
export const EVAL_SEED = 2011;

interface Doc {
  id: string;
  event: string;
  text: string;
  /** Sentence spans [start, end) and paragraph of each. */
  sentences: Array<{ start: number; end: number; paragraph: number }>;
}

/** An article body as plain text: one paragraph per non-blank line, blank lines between. */
export function normaliseBody(body: string): string {
  return body
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}

function toDoc(id: string, event: string, text: string): Doc {
  const analysed = analyseArticle(articleFromText(id, text, 'en'));
  return {
    id,
    event,
    text,
    sentences: analysed.sentences.map(({ start, end, paragraph }) => ({ start, end, paragraph })),
  };
}

function loadDocs(aebDirectory: string): Doc[] {
  const truth = JSON.parse(readText(join(aebDirectory, 'ground-truth.json'))) as Record<
    string,
    { articleBody: string }
  >;
  const events = JSON.parse(readText(join(aebDirectory, 'events.json'))) as Record<string, string>;
  return Object.keys(truth)
    .sort()
    .map((id) => toDoc(id, events[id] ?? id, normaliseBody(truth[id]!.articleBody)))
    .filter((doc) => doc.sentences.length >= 8);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function integer(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Words split on spaces, punctuation kept on them: what PAN's random operations act on. */
function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

/**
 * PAN's random text operations: a share of the words (low 0.1 or high 0.3 of them, as PAN's
 * low and high obfuscation) is shuffled, deleted, or gets a word of the host inserted or put
 * in its place.
 */
function randomObfuscation(passage: string, host: Doc, random: () => number): string {
  const list = words(passage);
  const hostWords = words(host.text).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const rate = random() < 0.5 ? 0.1 : 0.3;
  const operations = Math.max(1, Math.round(rate * list.length));
  for (let step = 0; step < operations; step++) {
    const at = Math.floor(random() * list.length);
    const operation = Math.floor(random() * 4);
    if (operation === 0 && list.length > 1) {
      // Shuffle: move a word a few places along.
      const [word] = list.splice(at, 1);
      const to = Math.max(0, Math.min(list.length, at + integer(random, -3, 3)));
      list.splice(to, 0, word!);
    } else if (operation === 1 && list.length > 3) {
      list.splice(at, 1);
    } else if (operation === 2) {
      list.splice(at, 0, pick(random, hostWords) || 'the');
    } else {
      list[at] = pick(random, hostWords) || list[at]!;
    }
  }
  return list.join(' ');
}

/** Moby thesaurus lines: a word and the words it lists. */
function loadThesaurus(): Map<string, string[]> {
  const require = createRequire(import.meta.url);
  const path = join(require.resolve('moby/package.json'), '..', 'words.txt');
  const thesaurus = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [head, ...rest] = line.split(',');
    if (head !== undefined && rest.length > 0) thesaurus.set(head, rest);
  }
  return thesaurus;
}

/** Spinning: content words swapped for single-word synonyms the project's lexicon confirms. */
function synonymObfuscation(
  passage: string,
  random: () => number,
  lexicon: Lexicon,
  thesaurus: ReadonlyMap<string, string[]>,
): string {
  return passage.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLowerCase();
    const isName = word !== lower && word[0] !== lower[0] && word.slice(1) !== lower.slice(1);
    if (lower.length < 4 || isStopword(lower) || isName || random() >= 0.8) return word;
    const candidates = (thesaurus.get(lower) ?? []).filter(
      (candidate) => /^[a-z]+$/.test(candidate) && candidate !== lower,
    );
    const start = Math.floor(random() * Math.max(1, candidates.length));
    for (let tried = 0; tried < Math.min(30, candidates.length); tried++) {
      const candidate = candidates[(start + tried) % candidates.length]!;
      if (lexicon.frequencyRank(candidate) > 30_000) continue;
      if (lexicon.relation(lower, candidate) !== 'synonym') continue;
      return word[0] !== lower[0] ? candidate[0]!.toUpperCase() + candidate.slice(1) : candidate;
    }
    return word;
  });
}

/**
 * Inserts a passage at a sentence boundary of the host: inside the paragraph (half of the
 * time, when the boundary is inside one) or as a paragraph of its own.
 */
function plant(host: Doc, passage: string, random: () => number): { text: string; offset: number } {
  const boundary = integer(random, 1, host.sentences.length - 1);
  const next = host.sentences[boundary]!;
  const previous = host.sentences[boundary - 1]!;
  const before = host.text.slice(0, next.start);
  const after = host.text.slice(next.start);
  if (next.paragraph === previous.paragraph && random() < 0.5) {
    return { text: `${before}${passage} ${after}`, offset: before.length };
  }
  const head = `${before.trimEnd()}\n\n`;
  return { text: `${head}${passage}\n\n${after}`, offset: head.length };
}

function documentName(kind: 'suspicious' | 'source', index: number): string {
  return `${kind}-document${String(index).padStart(5, '0')}.txt`;
}

/**
 * Builds the suite: `perKind` pairs for each of none, random, synonym and MSRP paraphrase, and
 * `perKind` pairs with nothing planted. Deterministic for a given seed and data.
 */
export function buildPanSuite(
  datasets: string,
  options: PanSuiteOptions = {},
  lexicon: Lexicon = loadLexicon(),
): PanPair[] {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const perKind = options.perKind ?? 50;
  const docs = loadDocs(join(datasets, options.aebFolder ?? 'aeb-dev'));
  const paraphrases = loadMsrp(join(datasets, 'msrp-train', 'msr_paraphrase_train.txt')).filter(
    (pair) => pair.paraphrase,
  );
  const thesaurus = loadThesaurus();
  const pairs: PanPair[] = [];
  const kinds: Array<Obfuscation | 'free'> = ['none', 'random', 'synonym', 'msrp', 'free'];
  for (let round = 0; round < perKind; round++) {
    for (const kind of kinds) {
      const index = pairs.length + 1;
      const names = { suspicious: documentName('suspicious', index), source: documentName('source', index) };
      const source = pick(random, docs);
      const others = docs.filter((doc) => doc.event !== source.event);
      const host = pick(random, others);
      if (kind === 'free') {
        pairs.push({
          suspicious: { name: names.suspicious, text: host.text },
          source: { name: names.source, text: source.text },
          shape: 'free',
          cases: [],
          sourceArticle: source.id,
        });
        continue;
      }
      const length = integer(random, 1, 6);
      if (kind === 'msrp') {
        pairs.push({
          ...embedParaphrases(paraphrases, host, length, names, random),
          sourceArticle: `msrp:${host.id}`,
        });
        continue;
      }
      const first = integer(random, 0, source.sentences.length - length);
      const sourceStart = source.sentences[first]!.start;
      const sourceEnd = source.sentences[first + length - 1]!.end;
      const original = source.sentences
        .slice(first, first + length)
        .map((sentence) => source.text.slice(sentence.start, sentence.end))
        .join(' ');
      const passage =
        kind === 'none'
          ? original
          : kind === 'random'
            ? randomObfuscation(original, host, random)
            : synonymObfuscation(original, random, lexicon, thesaurus);
      const excerpt = random() < 0.2;
      const planted = excerpt ? { text: passage, offset: 0 } : plant(host, passage, random);
      pairs.push({
        suspicious: { name: names.suspicious, text: planted.text },
        source: { name: names.source, text: source.text },
        shape: excerpt ? 'excerpt' : 'planted',
        sourceArticle: source.id,
        cases: [
          {
            thisReference: names.suspicious,
            thisOffset: planted.offset,
            thisLength: passage.length,
            sourceReference: names.source,
            sourceOffset: sourceStart,
            sourceLength: sourceEnd - sourceStart,
            obfuscation: kind,
            sentences: length,
          },
        ],
      });
    }
  }
  return pairs;
}

/**
 * Real human rewording: a short wire item of `length` MSRP first sentences is the source; their
 * paraphrases, in the same order, are planted in a longer host.
 */
function embedParaphrases(
  paraphrases: ReadonlyArray<{ a: string; b: string }>,
  host: Doc,
  length: number,
  names: { suspicious: string; source: string },
  random: () => number,
): Omit<PanPair, 'sourceArticle'> {
  const chosen = Array.from({ length }, () => pick(random, paraphrases));
  const sourceText = chosen.map((pair) => pair.a.trim()).join(' ');
  const passage = chosen.map((pair) => pair.b.trim()).join(' ');
  const planted = plant(host, passage, random);
  return {
    suspicious: { name: names.suspicious, text: planted.text },
    source: { name: names.source, text: sourceText },
    shape: 'embedded',
    cases: [
      {
        thisReference: names.suspicious,
        thisOffset: planted.offset,
        thisLength: passage.length,
        sourceReference: names.source,
        sourceOffset: 0,
        sourceLength: sourceText.length,
        obfuscation: 'msrp',
        sentences: length,
      },
    ],
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A pair's truth file in PAN's XML format (character offsets and lengths in both documents). */
export function panTruthXml(pair: PanPair): string {
  const features = pair.cases.map(
    (item) =>
      `<feature name="plagiarism" type="artificial" obfuscation="${escapeXml(item.obfuscation)}" ` +
      `this_language="en" this_offset="${item.thisOffset}" this_length="${item.thisLength}" ` +
      `source_reference="${escapeXml(item.sourceReference)}" source_language="en" ` +
      `source_offset="${item.sourceOffset}" source_length="${item.sourceLength}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<document reference="${escapeXml(pair.suspicious.name)}">`,
    ...features,
    '</document>',
    '',
  ].join('\n');
}

/** Reads PAN feature elements back (the eval scores the XML files it wrote, as PAN tools do). */
export function parsePanXml(xml: string): PanAnnotation[] {
  const reference = /<document reference="([^"]*)"/.exec(xml)?.[1] ?? '';
  const annotations: PanAnnotation[] = [];
  for (const match of xml.matchAll(/<feature\b([^>]*)\/>/g)) {
    const attributes = new Map<string, string>();
    for (const attribute of match[1]!.matchAll(/(\w+)="([^"]*)"/g))
      attributes.set(attribute[1]!, attribute[2]!);
    if (!attributes.has('source_reference')) continue;
    annotations.push({
      thisReference: reference,
      thisOffset: Number(attributes.get('this_offset')),
      thisLength: Number(attributes.get('this_length')),
      sourceReference: attributes
        .get('source_reference')!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
      sourceOffset: Number(attributes.get('source_offset')),
      sourceLength: Number(attributes.get('source_length')),
    });
  }
  return annotations;
}
