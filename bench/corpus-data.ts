import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMsrp } from '../eval/datasets.js';
import { mix32 } from '../src/fingerprint/hash32.js';
import { seededRandom } from '../src/seeded-random.js';
import type { Spinner } from './corpus-spin.js';

/**
 * The corpus benchmark's articles, all from real text of the development data: the ScrapingHub
 * benchmark's article bodies and MSRP's news sentences. Planted copies of known kinds sit among
 * distinct articles:
 *
 * - verbatim: the source's text with the republishing site's note after it;
 * - partial: a run of about half the source's paragraphs, with a paragraph of other news;
 * - wrapped: the source's text inside an HTML page with menus, other headlines and a footer;
 * - spun: about 40% of the swappable words swapped for lexicon synonyms;
 * - reworded: an article of MSRP sentences, copied as their MSRP paraphrases (real rewordings).
 *
 * Distinct articles: first, articles of MSRP sentences used once each (real sentences of the
 * same news weeks, so topics and names overlap as in a day's crawl); past the supply of unused
 * sentences, articles of words drawn from all the real text (the vocabulary, names and numbers
 * of real news at their frequencies, no shared passage or sentence).
 */

export const KINDS = ['verbatim', 'partial', 'wrapped', 'spun', 'reworded'] as const;
export type Kind = (typeof KINDS)[number];

export interface BenchRecord {
  id: string;
  text?: string;
  html?: string;
}

export interface PlantedPair {
  kind: Kind;
  source: string;
  copy: string;
}

export interface BenchCorpus {
  /** Records in corpus order, sources and copies spread among the distinct articles: made afresh,
   * the same each time, one at a time (a million articles do not fit in one heap at once). */
  records(): Generator<BenchRecord>;
  /** How many records `records()` gives. */
  size: number;
  planted: PlantedPair[];
  /** The sources and copies, by id. */
  plantedRecords: Map<string, BenchRecord>;
  /** Family of a record id: the source's id for sources and their copies, else the id itself. */
  familyOf(id: string): string;
  /** Distinct articles kept out of the corpus, to query with. */
  unseen: BenchRecord[];
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const SENTENCES_PER_ARTICLE = 30;
const SENTENCES_PER_PARAGRAPH = 3;

function paragraphs(sentences: readonly string[]): string {
  const blocks: string[] = [];
  for (let at = 0; at < sentences.length; at += SENTENCES_PER_PARAGRAPH) {
    blocks.push(sentences.slice(at, at + SENTENCES_PER_PARAGRAPH).join(' '));
  }
  return blocks.join('\n\n');
}

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** The article bodies of the extraction benchmark, paragraphs separated by blank lines. */
function aebBodies(datasets: string): string[] {
  const truth = JSON.parse(readFileSync(join(datasets, 'aeb-dev', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) =>
      truth[id]!.articleBody.split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n\n'),
    )
    .filter((body) => words(body) >= 250 && body.split('\n\n').length >= 4);
}

export interface BuildOptions {
  datasets: string;
  articles: number;
  plantedPerKind: number;
  spinner: Spinner;
  /** Distinct articles to keep out of the corpus for queries. */
  unseen: number;
}

export function buildBenchCorpus(options: BuildOptions): BenchCorpus {
  const next = seededRandom(20210324);
  const msrp = loadMsrp(join(options.datasets, 'msrp-train', 'msr_paraphrase_train.txt'));
  const positives = msrp.filter((pair) => pair.paraphrase);
  const negatives = msrp.filter((pair) => !pair.paraphrase);
  const planted: PlantedPair[] = [];
  const sourceRecords: BenchRecord[] = [];
  const copyRecords: BenchRecord[] = [];
  const family = new Map<string, string>();
  const plant = (kind: Kind, index: number, source: string, copy: BenchRecord) => {
    const sourceId = `source-${kind}-${index}`;
    const copyId = `copy-${kind}-${index}`;
    sourceRecords.push({ id: sourceId, text: source });
    copyRecords.push({ ...copy, id: copyId });
    planted.push({ kind, source: sourceId, copy: copyId });
    family.set(sourceId, sourceId);
    family.set(copyId, sourceId);
  };

  // Reworded: MSRP paraphrase pairs, SENTENCES_PER_ARTICLE to an article.
  const perKind = options.plantedPerKind;
  let positive = 0;
  for (let i = 0; i < perKind; i++) {
    const pairs = positives.slice(positive, positive + SENTENCES_PER_ARTICLE);
    positive += SENTENCES_PER_ARTICLE;
    plant('reworded', i, paragraphs(pairs.map((pair) => pair.a)), {
      id: '',
      text: paragraphs(pairs.map((pair) => pair.b)),
    });
  }

  // Sources of the other kinds: the benchmark's article bodies first, then articles of MSRP sentences.
  // Past the paraphrase pairs, the first sentences of the other pairs (their seconds are the filler).
  const bodies = aebBodies(options.datasets);
  const otherSources: string[] = [...bodies];
  // The non-paraphrase pairs whose second sentences are a copy's own paragraph or a page's other
  // headlines are kept out of every article: MSRP's non-paraphrases still share much wording, so
  // their first sentences elsewhere would make a partial copy a rewrite of an unrelated article.
  const fillerPairs = negatives.slice(0, perKind * 8);
  const sentences = [
    ...positives.slice(positive).map((pair) => pair.a),
    ...negatives.slice(fillerPairs.length).map((pair) => pair.a),
  ];
  let sentence = 0;
  while (otherSources.length < perKind * 4 && sentence + SENTENCES_PER_ARTICLE <= sentences.length) {
    otherSources.push(paragraphs(sentences.slice(sentence, sentence + SENTENCES_PER_ARTICLE)));
    sentence += SENTENCES_PER_ARTICLE;
  }
  if (otherSources.length < perKind * 4)
    throw new Error(`--planted ${perKind} needs more source text than the datasets hold`);
  shuffle(otherSources, next);
  const filler = fillerPairs.map((pair) => pair.b);
  for (let i = 0; i < perKind; i++) {
    const verbatim = otherSources[i * 4]!;
    plant('verbatim', i, verbatim, { id: '', text: `${verbatim}\n\n(Republished by The Evening Ledger.)` });

    const whole = otherSources[i * 4 + 1]!;
    const blocks = whole.split('\n\n');
    const take = Math.max(2, Math.ceil(blocks.length / 2));
    const start = Math.floor(next() * (blocks.length - take + 1));
    const own = filler.slice(i * 3, i * 3 + 3).join(' ');
    plant('partial', i, whole, { id: '', text: [...blocks.slice(start, start + take), own].join('\n\n') });

    const wrapped = otherSources[i * 4 + 2]!;
    const headlines = filler.slice(perKind * 3 + i * 5, perKind * 3 + i * 5 + 5);
    plant('wrapped', i, wrapped, { id: '', html: pageAround(wrapped, headlines, i) });

    const spun = otherSources[i * 4 + 3]!;
    plant('spun', i, spun, { id: '', text: options.spinner.spin(spun, 0.4, next) });
  }

  // Distinct articles: unused real sentences first, then sentences with their words shuffled.
  const used = new Set<string>();
  for (const pair of positives.slice(0, positive)) {
    used.add(pair.a);
    used.add(pair.b);
  }
  // Sentences no source used; not the seconds of the non-paraphrase pairs, which are the filler.
  const pool = sentences.slice(sentence).filter((text) => !used.has(text));
  const wordPool = [...pool, ...filler, ...bodies.flatMap((body) => body.split(/(?<=[.!?])\s+/))];
  const distinct = distinctArticles(pool, wordPool);
  const plantedRecords = [...sourceRecords, ...copyRecords];
  const stored = Math.max(0, options.articles - plantedRecords.length);
  // The unseen queries come after the stored distinct articles, so they are of the shuffled kind at scale.
  const unseen = Array.from({ length: options.unseen }, (_, at) => distinct(stored + at));
  // Sources and copies at random places among the distinct articles.
  const size = stored + plantedRecords.length;
  shuffle(plantedRecords, next);
  const places = new Map<number, BenchRecord>();
  for (const record of plantedRecords) {
    let place = Math.floor(next() * size);
    while (places.has(place)) place = (place + 1) % size;
    places.set(place, record);
  }
  function* records(): Generator<BenchRecord> {
    let distinctAt = 0;
    for (let place = 0; place < size; place++) yield places.get(place) ?? distinct(distinctAt++);
  }
  return {
    records,
    size,
    planted,
    plantedRecords: new Map(plantedRecords.map((record) => [record.id, record])),
    familyOf: (id) => family.get(id) ?? id,
    unseen,
  };
}

/**
 * Draws of one article's own: the mixed (article, draw) counter. Not seededRandom(index): its
 * sequences for two seeds are windows of one cycle, and nearby windows would give two articles
 * the same run of words.
 */
function keyedRandom(key: number): () => number {
  let draw = 0;
  return () => mix32(mix32(key ^ 0x5bd1e995) ^ Math.imul(++draw, 0x9e3779b1)) / 4294967296;
}

/**
 * The i-th distinct article, the same on every call: SENTENCES_PER_ARTICLE unused real sentences
 * while they last, then sentences as long as real ones of words drawn from all the real text, from
 * a generator seeded by i, so that no two articles share a sentence, even reordered (a reordered
 * sentence is a real rewording).
 */
function distinctArticles(
  pool: readonly string[],
  wordPool: readonly string[],
): (index: number) => BenchRecord {
  const words = wordPool.flatMap((sentence) => sentence.split(/\s+/));
  const fromPool = Math.floor(pool.length / SENTENCES_PER_ARTICLE);
  return (index) => {
    let sentences: string[];
    if (index < fromPool) {
      sentences = pool.slice(index * SENTENCES_PER_ARTICLE, (index + 1) * SENTENCES_PER_ARTICLE);
    } else {
      const next = keyedRandom(index);
      sentences = Array.from({ length: SENTENCES_PER_ARTICLE }, () => {
        const length = wordPool[Math.floor(next() * wordPool.length)]!.split(/\s+/).length;
        return Array.from({ length }, () => words[Math.floor(next() * words.length)]!).join(' ');
      });
    }
    return { id: `article-${index}`, text: paragraphs(sentences) };
  };
}

/** A news page around the story: menus, a byline, other headlines, a footer (made up here). */
function pageAround(text: string, headlines: readonly string[], index: number): string {
  const escapeText = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text
    .split('\n\n')
    .map((block) => `<p>${escapeText(block)}</p>`)
    .join('\n');
  const menu = ['Home', 'World', 'Business', 'Markets', 'Politics', 'Tech', 'Sport', 'Opinion']
    .map((label) => `<li><a href="/${label.toLowerCase()}">${label}</a></li>`)
    .join('');
  const related = headlines
    .map((headline, at) => `<li><a href="/news/${index}-${at}">${escapeText(headline.slice(0, 90))}</a></li>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Story ${index} | The Evening Ledger</title></head>
<body><header><a href="/">The Evening Ledger</a><nav><ul>${menu}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>Story ${index}</h1><p class="byline">By Staff Reporter · Evening Ledger</p>
${body}
<p>Share this article: <a href="/share/fb">Facebook</a> <a href="/share/tw">Twitter</a> <a href="/share/mail">Email</a></p>
</article>
<aside><h2>Most read</h2><ul>
${related}
</ul></aside></main>
<footer><p>© 2021 The Evening Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/contact">Contact us</a></footer>
</body></html>`;
}
