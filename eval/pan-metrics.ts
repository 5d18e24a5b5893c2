/**
 * The PAN text-alignment measures exactly as Potthast, Stein, Barrón-Cedeño and Rosso define
 * them ("An Evaluation Framework for Plagiarism Detection", COLING 2010): a case and a
 * detection are sets of characters in a suspicious (this) document and a source document;
 * precision and recall are macro-averaged over detections and cases, granularity counts the
 * detections per detected case, and plagdet = F1 / log2(1 + granularity).
 */
import { fMeasure } from './metrics.js';

/** A reused passage (a case) or a reported one (a detection), as a PAN feature element. */
export interface PanAnnotation {
  thisReference: string;
  thisOffset: number;
  thisLength: number;
  sourceReference: string;
  sourceOffset: number;
  sourceLength: number;
}

export interface PanScores {
  precision: number;
  recall: number;
  granularity: number;
  plagdet: number;
  cases: number;
  detections: number;
}

/**
 * r detects s when they concern the same two documents and overlap in both of them
 * (the `is_overlapping` test of PAN's reference implementation).
 */
export function detects(detection: PanAnnotation, plagiarismCase: PanAnnotation): boolean {
  return (
    detection.thisReference === plagiarismCase.thisReference &&
    detection.sourceReference === plagiarismCase.sourceReference &&
    overlaps(
      detection.thisOffset,
      detection.thisLength,
      plagiarismCase.thisOffset,
      plagiarismCase.thisLength,
    ) &&
    overlaps(
      detection.sourceOffset,
      detection.sourceLength,
      plagiarismCase.sourceOffset,
      plagiarismCase.sourceLength,
    )
  );
}

function overlaps(startA: number, lengthA: number, startB: number, lengthB: number): boolean {
  return startA < startB + lengthB && startB < startA + lengthA;
}

/**
 * |∪_{o ∈ others} (target ⊓ o)|: the characters of target (both documents) covered by the
 * others that detect it, or that it detects (⊓ is symmetric).
 */
function coveredCharacters(target: PanAnnotation, others: readonly PanAnnotation[]): number {
  const related = others.filter((other) => detects(other, target));
  const thisCovered = coveredLength(
    target.thisOffset,
    target.thisLength,
    related.map((other) => [other.thisOffset, other.thisOffset + other.thisLength] as const),
  );
  const sourceCovered = coveredLength(
    target.sourceOffset,
    target.sourceLength,
    related.map((other) => [other.sourceOffset, other.sourceOffset + other.sourceLength] as const),
  );
  return thisCovered + sourceCovered;
}

/** Length of [start, start + length) covered by the union of the ranges. */
export function coveredLength(
  start: number,
  length: number,
  ranges: ReadonlyArray<readonly [number, number]>,
): number {
  const end = start + length;
  const clipped = ranges
    .map(([from, to]) => [Math.max(from, start), Math.min(to, end)] as const)
    .filter(([from, to]) => to > from)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let covered = 0;
  let reach = start;
  for (const [from, to] of clipped) {
    const begin = Math.max(from, reach);
    if (to > begin) covered += to - begin;
    reach = Math.max(reach, to);
  }
  return covered;
}

function size(annotation: PanAnnotation): number {
  return annotation.thisLength + annotation.sourceLength;
}

/** rec(S, R): mean over cases of the share of the case's characters detected. */
export function panRecall(cases: readonly PanAnnotation[], detections: readonly PanAnnotation[]): number {
  if (cases.length === 0) return 1;
  const total = cases.reduce((sum, item) => sum + coveredCharacters(item, detections) / size(item), 0);
  return total / cases.length;
}

/** prec(S, R): mean over detections of the share of the detection's characters that are a case. */
export function panPrecision(cases: readonly PanAnnotation[], detections: readonly PanAnnotation[]): number {
  if (detections.length === 0) return cases.length === 0 ? 1 : 0;
  const total = detections.reduce((sum, item) => sum + coveredCharacters(item, cases) / size(item), 0);
  return total / detections.length;
}

/** gran(S, R): mean number of detections per detected case (1 when nothing is detected). */
export function panGranularity(
  cases: readonly PanAnnotation[],
  detections: readonly PanAnnotation[],
): number {
  const counts = cases
    .map((item) => detections.filter((detection) => detects(detection, item)).length)
    .filter((count) => count > 0);
  return counts.length === 0 ? 1 : counts.reduce((sum, count) => sum + count, 0) / counts.length;
}

export function panScores(cases: readonly PanAnnotation[], detections: readonly PanAnnotation[]): PanScores {
  const precision = panPrecision(cases, detections);
  const recall = panRecall(cases, detections);
  const granularity = panGranularity(cases, detections);
  const f1 = fMeasure(precision, recall);
  return {
    precision,
    recall,
    granularity,
    plagdet: f1 / Math.log2(1 + granularity),
    cases: cases.length,
    detections: detections.length,
  };
}
