/**
 * The passage-level suite in the PAN text-alignment format: builds it from the development
 * data (eval/pan-suite.ts), writes it as PAN lays it out (suspicious and source documents,
 * one XML truth file per pair), runs `wiretrace compare --json` on every pair through the CLI
 * code, and scores the reported passages with PAN's measures beside a word-4-gram
 * seed-and-extend baseline.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readModel } from '../src/align/logistic.js';
import { runCompare } from '../src/cli/compare.js';
import { loadDocuments } from '../src/cli/io.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import type { CompareJson } from '../src/report/json.js';
import { analyseArticle } from '../src/text/analyse.js';
import { ngramBaseline } from './pan-baseline.js';
import { type PanAnnotation, panRecall, panScores } from './pan-metrics.js';
import {
  buildPanSuite,
  EVAL_SEED,
  type Obfuscation,
  type PanPair,
  panTruthXml,
  parsePanXml,
} from './pan-suite.js';

/** A pair as written to disk: file paths, truth read back from its XML, and its shape. */
export interface WrittenPair {
  pair: PanPair;
  suspiciousPath: string;
  sourcePath: string;
  truth: PanAnnotation[];
}

/** Writes the suite in PAN's layout: susp/, src/ and one truth XML per pair. */
export function writePanSuite(pairs: readonly PanPair[], directory: string): WrittenPair[] {
  for (const folder of ['susp', 'src', '01-truth']) mkdirSync(join(directory, folder), { recursive: true });
  const lines: string[] = [];
  const written = pairs.map((pair): WrittenPair => {
    const suspiciousPath = join(directory, 'susp', pair.suspicious.name);
    const sourcePath = join(directory, 'src', pair.source.name);
    writeFileSync(suspiciousPath, pair.suspicious.text);
    writeFileSync(sourcePath, pair.source.text);
    const truthPath = join(
      directory,
      '01-truth',
      `${pair.suspicious.name.replace(/\.txt$/, '')}-${pair.source.name.replace(/\.txt$/, '')}.xml`,
    );
    writeFileSync(truthPath, panTruthXml(pair));
    lines.push(`${pair.suspicious.name} ${pair.source.name}`);
    return { pair, suspiciousPath, sourcePath, truth: parsePanXml(readFileSync(truthPath, 'utf8')) };
  });
  writeFileSync(join(directory, 'pairs'), `${lines.join('\n')}\n`);
  return written;
}

/** A file read and extracted as the CLI does it, then analysed; throws when it holds no article. */
export async function loadAnalysed(engine: Engine, path: string): Promise<AnalysedArticle> {
  const silent = { out: () => {}, err: () => {}, isTTY: false };
  const { documents } = await loadDocuments(engine, [path], silent);
  if (documents[0] === undefined) throw new Error(`${path}: no article`);
  return analyseArticle(documents[0].article);
}

/**
 * The written pairs with both texts read and analysed as the trainers read them (loadAnalysed);
 * a pair with a text that holds no article is skipped.
 */
export async function* analysedPanPairs(
  engine: Engine,
  written: readonly WrittenPair[],
): AsyncGenerator<{ item: WrittenPair; source: AnalysedArticle; copy: AnalysedArticle }> {
  for (const item of written) {
    let source: AnalysedArticle;
    let copy: AnalysedArticle;
    try {
      source = await loadAnalysed(engine, item.sourcePath);
      copy = await loadAnalysed(engine, item.suspiciousPath);
    } catch {
      continue;
    }
    yield { item, source, copy };
  }
}

/** `wiretrace compare --json A B`, run in-process through the CLI's own code. */
export async function compareFiles(a: string, b: string, engine?: Engine): Promise<CompareJson> {
  let output = '';
  let errors = '';
  const code = await runCompare(['--json', a, b], {
    out: (text) => {
      output += text;
    },
    err: (text) => {
      errors += text;
    },
    isTTY: false,
    ...(engine === undefined ? {} : { engine }),
  });
  if (code !== 0) throw new Error(`compare ${basename(a)} ${basename(b)} failed: ${errors.trim()}`);
  return JSON.parse(output) as CompareJson;
}

const DERIVED = new Set(['identical', 'copy', 'near-copy', 'spun', 'rewrite']);

/** The pair's reported reuse as PAN detections (suspicious = this, source = source). */
export function detectionsOf(pair: PanPair, result: CompareJson, suspiciousIsA: boolean): PanAnnotation[] {
  return result.passages.flatMap((passage) => {
    if (passage.a === null || passage.b === null) return [];
    const [thisRange, sourceRange] = suspiciousIsA ? [passage.a, passage.b] : [passage.b, passage.a];
    return [pairDetection(pair, thisRange, sourceRange)];
  });
}

/** A detection in the pair's two texts: characters [start, end) of the suspicious and the source text. */
export function pairDetection(
  pair: PanPair,
  suspicious: readonly [number, number],
  source: readonly [number, number],
): PanAnnotation {
  return {
    thisReference: pair.suspicious.name,
    thisOffset: suspicious[0],
    thisLength: suspicious[1] - suspicious[0],
    sourceReference: pair.source.name,
    sourceOffset: source[0],
    sourceLength: source[1] - source[0],
  };
}

function isDerived(result: CompareJson): boolean {
  return DERIVED.has(result.relation) || (result as { partial?: boolean }).partial === true;
}

function fixed(value: number): string {
  return value.toFixed(3);
}

/** Mirror check: compare B A gives the same passages (sides swapped) and the same relation and direction. */
function mirrors(forward: CompareJson, backward: CompareJson): boolean {
  const key = (a: unknown, b: unknown) => JSON.stringify([a, b]);
  const passagesForward = forward.passages.map((passage) => key(passage.a, passage.b)).sort();
  const passagesBackward = backward.passages.map((passage) => key(passage.b, passage.a)).sort();
  const flipped = backward.direction === null ? null : backward.direction === 'a->b' ? 'b->a' : 'a->b';
  return (
    forward.relation === backward.relation &&
    forward.direction === flipped &&
    JSON.stringify(passagesForward) === JSON.stringify(passagesBackward)
  );
}

/**
 * An annotation of the suite built with `seed`, its documents named after the seed: each suite
 * numbers its documents from 1, and pooled suites must not score one's detections against
 * another's cases.
 */
export function seedNamed(seed: number, annotation: PanAnnotation): PanAnnotation {
  return {
    ...annotation,
    thisReference: `${seed}/${annotation.thisReference}`,
    sourceReference: `${seed}/${annotation.sourceReference}`,
  };
}

/**
 * The suite built again with other seeds (other passages, hosts and pairs from the same data),
 * scored pooled: one suite of 200 planted passages moves by a pair or two on changes that are
 * noise, so a change is judged on these too (`npm run eval -- pan --pan-seeds 3001,3002`).
 */
async function evaluateOtherSeeds(
  aebDirectory: string,
  datasets: string,
  seeds: readonly number[],
  engine: Engine,
): Promise<void> {
  const cases: Array<PanAnnotation & { obfuscation: Obfuscation }> = [];
  const detections: PanAnnotation[] = [];
  const counts = { planted: 0, found: 0, free: 0, freeFound: 0, right: 0, wrong: 0 };
  // Direction right per seed: how far one suite of 200 planted passages strays from another.
  const perSeed: string[] = [];
  for (const seed of seeds) {
    const before = { planted: counts.planted, right: counts.right };
    const pairs = buildPanSuite(datasets, { aebFolder: basename(aebDirectory), seed }, engine.lexicon);
    const directory = mkdtempSync(join(tmpdir(), 'wiretrace-pan-seed-'));
    try {
      for (const [index, item] of writePanSuite(pairs, directory).entries()) {
        const named = (annotation: PanAnnotation): PanAnnotation => seedNamed(seed, annotation);
        item.pair.cases.forEach((plagiarismCase, at) => {
          cases.push({ ...named(item.truth[at]!), obfuscation: plagiarismCase.obfuscation });
        });
        const suspiciousIsA = index % 2 === 0;
        const [a, b] = suspiciousIsA
          ? [item.suspiciousPath, item.sourcePath]
          : [item.sourcePath, item.suspiciousPath];
        let result: CompareJson;
        try {
          result = await compareFiles(a, b, engine);
        } catch {
          result = { passages: [], relation: 'unrelated', direction: null } as unknown as CompareJson;
        }
        detections.push(...detectionsOf(item.pair, result, suspiciousIsA).map(named));
        const derived = isDerived(result);
        if (item.pair.cases.length === 0) {
          counts.free++;
          if (derived) counts.freeFound++;
          continue;
        }
        counts.planted++;
        if (!derived) continue;
        counts.found++;
        if (result.direction === (suspiciousIsA ? 'b->a' : 'a->b')) counts.right++;
        else counts.wrong++;
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    const planted = counts.planted - before.planted;
    perSeed.push(`${seed} ${fixed((counts.right - before.right) / Math.max(1, planted))}`);
  }
  const scores = panScores(cases, detections);
  const recall = (['none', 'random', 'synonym', 'msrp'] as const)
    .map(
      (kind) =>
        `${kind} ${fixed(
          panRecall(
            cases.filter((item) => item.obfuscation === kind),
            detections,
          ),
        )}`,
    )
    .join(', ');
  console.log(
    `suites of seeds ${seeds.join(', ')} pooled (${counts.planted} planted passages): plagdet ${fixed(scores.plagdet)} (precision ${fixed(scores.precision)}, recall ${fixed(scores.recall)}, granularity ${fixed(scores.granularity)}); recall ${recall}; called derived ${counts.found} of ${counts.planted} with a planted passage, ${counts.freeFound} of ${counts.free} with nothing planted; direction right on ${fixed(counts.right / Math.max(1, counts.planted))} (wrong ${counts.wrong}, not called derived ${counts.planted - counts.found})`,
  );
  console.log(`direction right per seed: ${perSeed.join(', ')}`);
}

export async function evaluatePan(
  aebDirectory: string,
  datasets: string,
  otherSeeds: readonly number[] = [],
): Promise<void> {
  // Built with another seed than the models were trained on: other passages, other pairs.
  const engine = createEngine();
  const pairs = buildPanSuite(
    datasets,
    { aebFolder: basename(aebDirectory), seed: EVAL_SEED },
    engine.lexicon,
  );
  const directory = mkdtempSync(join(tmpdir(), 'wiretrace-pan-'));
  try {
    const written = writePanSuite(pairs, directory);
    const cases: Array<PanAnnotation & { obfuscation: Obfuscation }> = [];
    const detections: PanAnnotation[] = [];
    const gatedDetections: PanAnnotation[] = [];
    const baseline: PanAnnotation[] = [];
    let mirrored = 0;
    const failures: string[] = [];
    const found = { planted: 0, plantedFound: 0, free: 0, freeFound: 0 };
    const direction = { right: 0, wrong: 0, undecided: 0, missed: 0 };
    const directionByShape = new Map<string, { right: number; total: number }>();
    const started = performance.now();
    for (const [index, item] of written.entries()) {
      const { pair } = item;
      pair.cases.forEach((plagiarismCase, at) => {
        cases.push({ ...item.truth[at]!, obfuscation: plagiarismCase.obfuscation });
      });
      // Half of the pairs name the suspicious document first: neither order is favoured.
      const suspiciousIsA = index % 2 === 0;
      const [a, b] = suspiciousIsA
        ? [item.suspiciousPath, item.sourcePath]
        : [item.sourcePath, item.suspiciousPath];
      let result: CompareJson;
      let backward: CompareJson;
      try {
        result = await compareFiles(a, b, engine);
        backward = await compareFiles(b, a, engine);
      } catch (error) {
        // The CLI refuses the pair (e.g. no article text in a short excerpt): nothing reported.
        failures.push(error instanceof Error ? error.message : String(error));
        result = { passages: [], relation: 'unrelated', direction: null } as unknown as CompareJson;
        backward = result;
      }
      if (mirrors(result, backward)) mirrored++;
      const reported = detectionsOf(pair, result, suspiciousIsA);
      detections.push(...reported);
      const derived = isDerived(result);
      if (derived) gatedDetections.push(...reported);
      for (const passage of ngramBaseline(pair.suspicious.text, pair.source.text)) {
        baseline.push(pairDetection(pair, passage.suspicious, passage.source));
      }
      if (pair.cases.length === 0) {
        found.free++;
        if (derived) found.freeFound++;
        continue;
      }
      found.planted++;
      if (derived) found.plantedFound++;
      const expected = suspiciousIsA ? 'b->a' : 'a->b';
      const shape = directionByShape.get(pair.shape) ?? { right: 0, total: 0 };
      shape.total++;
      if (!derived) direction.missed++;
      else if (result.direction === expected) {
        direction.right++;
        shape.right++;
      } else if (result.direction === null) direction.undecided++;
      else direction.wrong++;
      directionByShape.set(pair.shape, shape);
    }
    const seconds = (performance.now() - started) / 1000;
    const ours = panScores(cases, detections);
    const gated = panScores(cases, gatedDetections);
    const floor = panScores(cases, baseline);
    console.log(
      `\nPAN-format passage suite built from ${basename(aebDirectory)} article bodies and MSRP paraphrases: ${pairs.length} pairs, ${cases.length} planted passages (${fixed(seconds)} s, each pair compared both ways)`,
    );
    console.log('                          plagdet  precision  recall  granularity  detections');
    const row = (name: string, scores: ReturnType<typeof panScores>): string =>
      `${name.padEnd(26)}${fixed(scores.plagdet)}    ${fixed(scores.precision)}      ${fixed(scores.recall)}   ${fixed(scores.granularity)}        ${scores.detections}`;
    console.log(row('wiretrace, all passages', ours));
    console.log(row('wiretrace, derived pairs', gated));
    console.log(row('word-4-gram seed baseline', floor));
    console.log(
      'anchors: PAN 2013-14 text alignment, best plagdet 0.82-0.93 (English, artificial obfuscation)',
    );
    console.log('recall by obfuscation     wiretrace  baseline  cases');
    for (const kind of ['none', 'random', 'synonym', 'msrp'] as const) {
      const subset = cases.filter((item) => item.obfuscation === kind);
      console.log(
        `${(kind === 'msrp' ? 'msrp (human paraphrase)' : kind).padEnd(26)}${fixed(panRecall(subset, detections))}      ${fixed(panRecall(subset, baseline))}     ${subset.length}`,
      );
    }
    console.log(
      `pairs called derived: ${found.plantedFound} of ${found.planted} with a planted passage, ${found.freeFound} of ${found.free} with nothing planted`,
    );
    const total = found.planted;
    console.log(
      `direction right on ${fixed(direction.right / total)} of the ${total} pairs with a planted passage (undecided ${direction.undecided}, wrong ${direction.wrong}, not called derived ${direction.missed}); ${fixed(direction.right / Math.max(1, found.plantedFound))} of the ${found.plantedFound} called derived`,
    );
    console.log(
      `direction by shape: ${[...directionByShape]
        .sort()
        .map(([shape, counts]) => `${shape} ${counts.right}/${counts.total}`)
        .join(', ')}`,
    );
    console.log(`compare B A mirrors compare A B on ${mirrored} of ${written.length} pairs`);
    // The models fitted on this suite (built with the training seed): their cross-validated figures.
    for (const name of ['passage-reuse', 'direction', 'partial-reuse']) {
      const figures = Object.entries(readModel(name).figures)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ');
      const held = name === 'partial-reuse' ? 'source articles and questions' : 'source articles';
      console.log(`model ${name} (npm run train:pan, 5-fold CV holding out ${held}): ${figures}`);
    }
    if (failures.length > 0) {
      console.log(
        `${failures.length} pairs refused by compare (scored as nothing found), e.g. ${failures[0]}`,
      );
    }
    if (otherSeeds.length > 0) await evaluateOtherSeeds(aebDirectory, datasets, otherSeeds, engine);
  } finally {
    rmSync(directory, { recursive: true, force: true });
    await engine.close();
  }
}
