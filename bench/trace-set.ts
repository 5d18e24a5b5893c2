import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClough, loadMsrp } from '../eval/datasets.js';
import { seededRandom } from '../src/seeded-random.js';

/**
 * A trace benchmark set built from the public development data at bench time (nothing of it is
 * kept in the repository): news stories with planted copies among unrelated articles.
 *
 * - Originals: article bodies of the ScrapingHub benchmark (aeb-dev ground truth), and stories
 *   of ~28 MSRP sentences; the Clough & Stevenson answers with their Wikipedia sources.
 * - Copies of an original: an exact copy under another name, a near-exact copy (a line of
 *   site chrome added), a trimmed copy (the first two thirds), a spun copy (MSRP sentences
 *   replaced by their paraphrases), a partial copy (three paragraphs inside another article).
 * - Unrelated articles: ~600 words of MSRP sentences drawn at random.
 * Seeded: the same data give the same set.
 */
export interface TraceSet {
  documents: Array<{ name: string; text: string }>;
  /** Pairs of document indices that are an original and one of its planted copies. */
  planted: Array<[number, number]>;
}

const WORDS_PER_ARTICLE = 600;

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** Sentences grouped into paragraphs of two or three. */
function paragraphsOf(sentences: readonly string[], random: () => number): string[] {
  const paragraphs: string[] = [];
  for (let start = 0; start < sentences.length; ) {
    const size = random() < 0.5 ? 2 : 3;
    paragraphs.push(sentences.slice(start, start + size).join(' '));
    start += size;
  }
  return paragraphs;
}

/** The first paragraphs of a body up to about `limit` words. */
function trimTo(paragraphs: readonly string[], limit: number): string[] {
  const kept: string[] = [];
  let count = 0;
  for (const paragraph of paragraphs) {
    if (count >= limit) break;
    kept.push(paragraph);
    count += words(paragraph);
  }
  return kept;
}

export function buildTraceSet(datasets: string, size = 1600): TraceSet {
  const random = seededRandom(20260602);
  const documents: TraceSet['documents'] = [];
  const planted: TraceSet['planted'] = [];
  const add = (name: string, paragraphs: readonly string[]): number => {
    documents.push({
      name: `${String(documents.length).padStart(4, '0')}-${name}.txt`,
      text: `${paragraphs.join('\n\n')}\n`,
    });
    return documents.length - 1;
  };

  const msrp = loadMsrp(join(datasets, 'msrp-train', 'msr_paraphrase_train.txt'));
  const paraphrases = msrp.filter((pair) => pair.paraphrase);
  const others = msrp.filter((pair) => !pair.paraphrase).flatMap((pair) => [pair.a, pair.b]);
  const truth = JSON.parse(readFileSync(join(datasets, 'aeb-dev', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const bodies = Object.keys(truth)
    .sort()
    .map((id) =>
      truth[id]!.articleBody.split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((paragraphs) => words(paragraphs.join(' ')) >= 200)
    .map((paragraphs) => trimTo(paragraphs, WORDS_PER_ARTICLE));

  // Stories: originals with their copies, about a third of the set.
  const storyBudget = Math.floor(size / 3);
  const originals: Array<{ name: string; paragraphs: string[]; spun: string[] | null }> = bodies.map(
    (paragraphs, index) => ({ name: `aeb${index}`, paragraphs, spun: null }),
  );
  for (let start = 0; start + 28 <= paraphrases.length && originals.length < storyBudget / 3.5; start += 28) {
    const chosen = paraphrases.slice(start, start + 28);
    const layout = seededRandom(start + 1);
    originals.push({
      name: `msrp${start / 28}`,
      paragraphs: paragraphsOf(
        chosen.map((pair) => pair.a),
        layout,
      ),
      spun: paragraphsOf(
        chosen.map((pair) => (random() < 0.7 ? pair.b : pair.a)),
        seededRandom(start + 1),
      ),
    });
  }
  const filler = (): string[] => {
    const sentences: string[] = [];
    for (let count = 0; count < WORDS_PER_ARTICLE; ) {
      const sentence = others[Math.floor(random() * others.length)]!;
      sentences.push(sentence);
      count += words(sentence);
    }
    return paragraphsOf(sentences, random);
  };
  for (const original of originals) {
    if (documents.length >= storyBudget) break;
    const source = add(original.name, original.paragraphs);
    const kinds = ['exact', 'near', 'trimmed', 'spun', 'partial'].filter(
      (kind) => (kind !== 'spun' || original.spun !== null) && random() < 0.6,
    );
    for (const kind of kinds) {
      const paragraphs =
        kind === 'exact'
          ? original.paragraphs
          : kind === 'near'
            ? [...original.paragraphs, 'This story was republished from a partner site. All rights reserved.']
            : kind === 'trimmed'
              ? original.paragraphs.slice(0, Math.max(1, Math.ceil((original.paragraphs.length * 2) / 3)))
              : kind === 'spun'
                ? original.spun!
                : [...filler().slice(0, 6), ...original.paragraphs.slice(1, 4), ...filler().slice(0, 4)];
      planted.push([source, add(`${original.name}-${kind}`, paragraphs)]);
    }
  }
  // The Clough & Stevenson answers with their sources: short texts copied, edited or rewritten.
  const clough = loadClough(join(datasets, 'clough-stevenson-dev'));
  const sources = new Map<string, number>();
  for (const item of clough) {
    if (documents.length >= size) break;
    let source = sources.get(item.task);
    if (source === undefined) {
      source = add(`clough-orig-${item.task}`, [item.source.trim()]);
      sources.set(item.task, source);
    }
    const answer = add(`clough-${item.file.replace(/\.txt$/, '')}-${item.category}`, [item.text.trim()]);
    if (item.category !== 'non') planted.push([source, answer]);
  }
  while (documents.length < size) add('unrelated', filler());
  return { documents, planted };
}

/** Writes the set as text files into `directory` (for the command line and older versions). */
export function writeTraceSet(set: TraceSet, directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  return set.documents.map((document) => {
    const path = join(directory, document.name);
    writeFileSync(path, document.text);
    return path;
  });
}
