/**
 * `npm run eval -- direction-errors [--pan-seeds 3001,3002] [--dump FILE]`: where direction goes wrong, by
 * kind of derived pair, in tallies only (no item is listed): the PAN-format suites built with
 * the given seeds and Clough & Stevenson's derived answers, each pair compared as `compare`
 * does it. Each pair is counted under its shape and obfuscation, passage length, share of each
 * side reused, which side is longer, where the passage sits in each text and (Clough) revision
 * level, as right, reversed, undecided or not called derived. Beside them, each direction
 * feature's mean on the pairs it got right and on those it reversed (signed so that positive
 * points to the true source): which evidence misleads on the reversed kinds. `--dump FILE`
 * writes every pair's outcome, attributes and signed evidence as JSON, to weigh other feature
 * sets on the same pairs without comparing them again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { alignArticles } from '../src/align/align.js';
import { loadDocuments } from '../src/cli/io.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import { DERIVED_RELATIONS } from '../src/model/relation.js';
import { DIRECTION_FEATURES, directionEvidence } from '../src/provenance/direction.js';
import { largestReuse } from '../src/provenance/insertion.js';
import { loadClough } from './datasets.js';
import { writePanSuite } from './pan.js';
import { buildPanSuite, type PanPair } from './pan-suite.js';
import { capturingConsole } from './suite.js';

type Outcome = 'right' | 'reversed' | 'undecided' | 'missed';
const OUTCOMES: readonly Outcome[] = ['right', 'reversed', 'undecided', 'missed'];

/** Counts per attribute value, per outcome; feature sums per outcome. */
class Tally {
  private readonly cells = new Map<string, Map<string, Record<Outcome, number>>>();
  private readonly featureSums = new Map<Outcome, { sum: number[]; count: number }>();
  /** Every pair's outcome and evidence (signed towards the true source), for --dump. */
  readonly rows: Array<{
    outcome: Outcome;
    evidence: number[] | null;
    others: number;
    attributes: Record<string, string>;
  }> = [];

  add(attributes: Record<string, string>, outcome: Outcome, evidence: number[] | null, others = 0): void {
    this.rows.push({ outcome, evidence, others, attributes });
    for (const [attribute, value] of Object.entries(attributes)) {
      const values = this.cells.get(attribute) ?? new Map<string, Record<Outcome, number>>();
      const cell = values.get(value) ?? { right: 0, reversed: 0, undecided: 0, missed: 0 };
      cell[outcome]++;
      values.set(value, cell);
      this.cells.set(attribute, values);
    }
    if (evidence === null) return;
    const sums = this.featureSums.get(outcome) ?? { sum: evidence.map(() => 0), count: 0 };
    evidence.forEach((value, index) => {
      sums.sum[index]! += value;
    });
    sums.count++;
    this.featureSums.set(outcome, sums);
  }

  print(title: string): void {
    console.log(`\n${title}`);
    console.log(
      `${'attribute = value'.padEnd(40)}${OUTCOMES.map((outcome) => outcome.padStart(10)).join('')}`,
    );
    for (const [attribute, values] of this.cells) {
      for (const [value, cell] of [...values].sort(([x], [y]) => x.localeCompare(y))) {
        const row = OUTCOMES.map((outcome) => String(cell[outcome]).padStart(10)).join('');
        console.log(`${`${attribute} = ${value}`.padEnd(40)}${row}`);
      }
    }
    console.log('direction features, mean signed towards the true source (pairs with a reused passage):');
    for (const outcome of ['right', 'reversed', 'undecided', 'missed'] as const) {
      const sums = this.featureSums.get(outcome);
      if (sums === undefined) continue;
      const means = DIRECTION_FEATURES.map(
        (name, index) => `${name} ${(sums.sum[index]! / sums.count).toFixed(3)}`,
      ).join(', ');
      console.log(`  ${outcome} (${sums.count}): ${means}`);
    }
  }
}

async function loadOne(engine: Engine, path: string): Promise<AnalysedArticle | null> {
  const { documents } = await loadDocuments(engine, [path], capturingConsole());
  return documents[0] === undefined ? null : engine.analyse(documents[0].article);
}

/** The outcome of compare on a pair whose source is known, and the direction evidence signed towards it. */
function judge(
  engine: Engine,
  source: AnalysedArticle,
  copy: AnalysedArticle,
  sourceFirst: boolean,
): { outcome: Outcome; evidence: number[] | null; others: number } {
  const [a, b] = sourceFirst ? [source, copy] : [copy, source];
  const result = engine.compare(a.article, b.article, { changes: false });
  const derived = DERIVED_RELATIONS.has(result.relation);
  const expected = sourceFirst ? 'a->b' : 'b->a';
  const outcome: Outcome = !derived
    ? 'missed'
    : result.direction.direction === expected
      ? 'right'
      : result.direction.direction === null
        ? 'undecided'
        : 'reversed';
  const alignment = alignArticles(source, copy, engine.lexicon);
  const reused = largestReuse(alignment.passages);
  const evidence =
    reused === null ? null : directionEvidence(source, copy, alignment, reused, engine.lexicon);
  // The votes beside the learned one (wire credit, dates), signed towards the true source.
  const others = result.direction.signals
    .filter((signal) => signal.name !== 'learned')
    .reduce((sum, signal) => sum + signal.vote, 0);
  return { outcome, evidence, others: sourceFirst ? others : -others };
}

function shareBin(share: number): string {
  if (share >= 0.9) return '≥0.9';
  if (share >= 0.5) return '0.5-0.9';
  if (share >= 0.25) return '0.25-0.5';
  if (share >= 0.1) return '0.1-0.25';
  return '<0.1';
}

/** Where a span sits in its text: the whole, at the start or end (within one short paragraph), or in the middle. */
function placeOf(text: string, offset: number, length: number): string {
  const before = text.slice(0, offset).trim().length;
  const after = text.slice(offset + length).trim().length;
  if (before === 0 && after === 0) return 'whole';
  if (before < 300 && after < 300) return 'both ends near';
  if (before < 300) return before === 0 ? 'start (first)' : 'start (<300 chars before)';
  if (after < 300) return after === 0 ? 'end (last)' : 'end (<300 chars after)';
  return 'middle';
}

/** Whether the planted passage is a paragraph of its own or runs inside one of the host's. */
function paragraphOf(text: string, offset: number, length: number): string {
  if (offset === 0 && length >= text.trim().length) return 'whole text';
  const before = text.slice(Math.max(0, offset - 2), offset);
  const after = text.slice(offset + length, offset + length + 2);
  const ownStart = offset === 0 || before.includes('\n');
  const ownEnd = offset + length >= text.length || after.includes('\n');
  return ownStart && ownEnd ? 'own paragraph' : 'inside a paragraph';
}

function panAttributes(pair: PanPair): Record<string, string> {
  const item = pair.cases[0]!;
  const hostLength = pair.suspicious.text.length;
  const sourceLength = pair.source.text.length;
  const kind = `${pair.shape}:${item.obfuscation}`;
  const paragraph = paragraphOf(pair.suspicious.text, item.thisOffset, item.thisLength);
  return {
    kind,
    'kind, sentences': `${kind}, ${item.sentences === 1 ? '1' : item.sentences <= 3 ? '2-3' : '4-6'}`,
    'kind, paragraph in copy': `${kind}, ${paragraph}`,
    sentences: item.sentences === 1 ? '1' : item.sentences <= 3 ? '2-3' : '4-6',
    'copy share reused': shareBin(item.thisLength / hostLength),
    'source share reused': shareBin(item.sourceLength / sourceLength),
    'longer side': sourceLength > hostLength ? 'source' : 'copy',
    'place in copy': placeOf(pair.suspicious.text, item.thisOffset, item.thisLength),
    'place in source': placeOf(pair.source.text, item.sourceOffset, item.sourceLength),
    'paragraph in copy': paragraph,
  };
}

export async function evaluateDirectionErrors(
  datasets: string,
  aebFolder: string,
  seeds: readonly number[],
  dump = '',
): Promise<void> {
  const engine = createEngine({ workers: 1 });
  const pan = new Tally();
  try {
    for (const seed of seeds) {
      const pairs = buildPanSuite(datasets, { aebFolder: basename(aebFolder), seed }, engine.lexicon);
      const directory = mkdtempSync(join(tmpdir(), 'wiretrace-direction-errors-'));
      try {
        for (const [index, item] of writePanSuite(pairs, directory).entries()) {
          if (item.pair.cases.length === 0) continue;
          const source = await loadOne(engine, item.sourcePath);
          const copy = await loadOne(engine, item.suspiciousPath);
          const attributes = panAttributes(item.pair);
          if (source === null || copy === null) {
            pan.add(attributes, 'missed', null);
            continue;
          }
          // The eval names the suspicious document first in every other pair.
          const { outcome, evidence, others } = judge(engine, source, copy, index % 2 !== 0);
          pan.add(attributes, outcome, evidence, others);
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
    pan.print(`PAN-format suites of seeds ${seeds.join(', ')}: derived pairs by kind and outcome`);

    const clough = new Tally();
    for (const item of loadClough(join(datasets, 'clough-stevenson-dev'))) {
      if (item.category === 'non') continue;
      const source = await loadOne(engine, item.sourcePath);
      const copy = await loadOne(engine, item.path);
      if (source === null || copy === null) continue;
      const { outcome, evidence, others } = judge(engine, source, copy, true);
      const sourceWords = source.tokens.length;
      const copyWords = copy.tokens.length;
      clough.add(
        {
          revision: item.category,
          'longer side': sourceWords > copyWords ? 'source' : 'copy',
          'copy/source length': shareBin(copyWords / Math.max(1, sourceWords)),
        },
        outcome,
        evidence,
        others,
      );
    }
    clough.print('Clough & Stevenson derived answers by kind and outcome');
    if (dump !== '') {
      writeFileSync(dump, JSON.stringify({ names: DIRECTION_FEATURES, pan: pan.rows, clough: clough.rows }));
    }
  } finally {
    await engine.close();
  }
}
