import { trainLogistic } from '../src/classify/logistic.js';
import {
  CANDIDATES_CHECKED,
  copyProbability,
  MAX_PER_KEY,
  SCREEN_FEATURES,
  type ScreenModel,
  screenRow,
} from '../src/corpus/verify.js';
import { extractArticle } from '../src/extract/index.js';
import {
  type DocumentFingerprint,
  fingerprintKeys,
  fingerprintSimilarity,
  fingerprintText,
} from '../src/fingerprint/document-fingerprint.js';
import { FingerprintScratch } from '../src/fingerprint/scratch.js';
import type { BenchCorpus } from './corpus-data.js';

/**
 * The screen model's training rows: every candidate pair the LSH buckets give on a bench corpus
 * (the same keys, per-key cap and top-k as the corpus), with the signatures' similarity features
 * and whether the pair is a planted source and copy. Groups are source families, so CV holds out
 * whole families (a copy and its source never straddle folds).
 */
export interface ScreenRows {
  rows: number[][];
  labels: ('copy' | 'other')[];
  groups: string[];
  /** The planted kind of each positive row ('' for the others). */
  kinds: string[];
}

export function screenRows(bench: BenchCorpus): ScreenRows {
  const records = [...bench.records()];
  const texts = records.map(
    (record) =>
      record.text ??
      extractArticle({ input: record.id, format: 'html', content: record.html ?? '', encoding: 'utf-8' })
        .text,
  );
  const scratch = new FingerprintScratch();
  const fingerprints: DocumentFingerprint[] = texts.map((text) => fingerprintText(text, scratch));
  const buckets = new Map<number, number[]>();
  const keys = fingerprints.map(fingerprintKeys);
  keys.forEach((list, document) => {
    for (const key of list) {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [document]);
      else bucket.push(document);
    }
  });
  const kindOf = new Map(bench.planted.map((pair) => [`${pair.source}\u0000${pair.copy}`, pair.kind]));
  const seen = new Set<string>();
  const result: ScreenRows = { rows: [], labels: [], groups: [], kinds: [] };
  keys.forEach((list, document) => {
    const shared = new Map<number, number>();
    for (const key of list) {
      const bucket = buckets.get(key)!;
      if (bucket.length > MAX_PER_KEY) continue;
      for (const other of bucket) if (other !== document) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const top = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES_CHECKED);
    for (const [other] of top) {
      const [first, second] = document < other ? [document, other] : [other, document];
      const pairKey = `${first}:${second}`;
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      const a = records[first]!.id;
      const b = records[second]!.id;
      const familyA = bench.familyOf(a);
      const familyB = bench.familyOf(b);
      const kind = kindOf.get(`${a}\u0000${b}`) ?? kindOf.get(`${b}\u0000${a}`) ?? '';
      result.rows.push(screenRow(fingerprintSimilarity(fingerprints[first]!, fingerprints[second]!)));
      result.labels.push(familyA === familyB ? 'copy' : 'other');
      result.groups.push(familyA < familyB ? familyA : familyB);
      result.kinds.push(kind);
    }
  });
  return result;
}

/** Classes balanced (a planted pair is rare among candidates), L2 as the relation models use. */
export function fitScreen(
  rows: readonly number[][],
  labels: readonly string[],
  recallTarget: number,
): ScreenModel {
  const positives = labels.filter((label) => label === 'copy').length;
  const negatives = labels.length - positives;
  const exampleWeights = labels.map((label) => (label === 'copy' ? negatives / Math.max(1, positives) : 1));
  const model = trainLogistic(rows, labels, ['copy', 'other'], SCREEN_FEATURES, { l2: 0.01, exampleWeights });
  const screen: ScreenModel = { logistic: model, threshold: 0 };
  screen.threshold = thresholdForRecall(screen, rows, labels, recallTarget);
  return screen;
}

/** The highest probability cut-off that keeps `target` of the positive rows (rounded down to 0.001). */
export function thresholdForRecall(
  model: ScreenModel,
  rows: readonly number[][],
  labels: readonly string[],
  target: number,
): number {
  const scores = rows
    .filter((_, index) => labels[index] === 'copy')
    .map((row) => copyProbability(model, row))
    .sort((a, b) => a - b);
  if (scores.length === 0) return 0.5;
  const allowedMisses = Math.floor((1 - target) * scores.length);
  return Math.floor(scores[allowedMisses]! * 1000) / 1000;
}

/**
 * The hand-set cut-offs the screen used before it was learned (the baseline printed beside the
 * model): a pair passes when any family's estimated containment reaches its cut-off.
 */
export function handScreenPasses(row: readonly number[]): boolean {
  const [words, , skeleton, , entities] = row as [number, number, number, number, number, number];
  return words >= 0.2 || skeleton >= 0.3 || entities >= 0.4;
}
