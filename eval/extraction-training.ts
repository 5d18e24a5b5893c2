import { writeFileSync } from 'node:fs';
import { extractionSetFolders } from './extraction-truths.js';

/**
 * What the extraction trainers (`npm run train:extract`: block, tail and container models)
 * share: the development sets they learn from, and how a trained model is written with its
 * leave-one-data-set-out figures.
 */

/**
 * The page-extraction development sets in `datasets`, or null (the reason printed) when there
 * are fewer than two: leaving one set out needs another to learn from.
 */
export function trainingFolders(datasets: string, command: string): string[] | null {
  const folders = extractionSetFolders(datasets, []);
  if (folders.length >= 2) return folders;
  console.log(`${command} needs at least two page-extraction sets in ${datasets}`);
  return null;
}

/** The model's JSON with the data and the figures that produced it (nowhere when `output` is ""). */
export function writeTrainedModel(
  output: string,
  model: object,
  trainedOn: {
    sets: readonly string[];
    /** What was counted (e.g. samples, pages) and how many. */
    count: [string, number];
    /** The threshold or margin chosen by cross-validation. */
    chosen: number;
    crossValidated: Record<string, string>;
    resubstitution: Record<string, string>;
  },
): void {
  const json = {
    ...model,
    trainedOn: trainedOn.sets,
    [trainedOn.count[0]]: trainedOn.count[1],
    crossValidation: 'leave one data set out',
    crossValidatedAt: trainedOn.chosen,
    crossValidated: trainedOn.crossValidated,
    resubstitution: trainedOn.resubstitution,
  };
  if (output === '') {
    console.log('\nnot written (no --output given)');
    return;
  }
  writeFileSync(output, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${output}`);
}

/**
 * Writes a trained model with its figures at the chosen candidate (threshold or margin): each
 * held-out set's, cross-validated, and each set's from the model trained on all of them
 * (resubstitution), both logged as they are worked out.
 */
export function writeModelWithFigures<T>(
  output: string,
  model: object,
  figures: {
    sets: readonly string[];
    count: [string, number];
    candidates: readonly number[];
    best: number;
    /** Each held-out set's results, one per candidate. */
    heldOut: readonly { set: string; results: readonly T[] }[];
    /** A set's results, one per candidate, from `model`. */
    resubstitute: (set: string) => readonly T[];
    describe: (result: T) => string;
  },
): void {
  const { best, describe } = figures;
  const crossValidated: Record<string, string> = {};
  for (const fold of figures.heldOut) {
    crossValidated[fold.set] = describe(fold.results[best]!);
    console.log(`held out ${fold.set}: ${crossValidated[fold.set]}`);
  }
  const resubstitution: Record<string, string> = {};
  for (const set of figures.sets) {
    resubstitution[set] = describe(figures.resubstitute(set)[best]!);
    console.log(`resubstitution ${set}: ${resubstitution[set]}`);
  }
  writeTrainedModel(output, model, {
    sets: figures.sets,
    count: figures.count,
    chosen: figures.candidates[best]!,
    crossValidated,
    resubstitution,
  });
}
