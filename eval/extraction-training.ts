import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the extraction trainers (`npm run train:extract`: block, tail and container models)
 * share: the development sets they learn from, and how a trained model is written with its
 * leave-one-data-set-out figures.
 */

const TRAINING_SET_PREFIXES = ['aeb', 'trafilatura-eval', 'l3s-gn1', 'dragnet'];

/**
 * The page-extraction development sets in `datasets`, or null (the reason printed) when there
 * are fewer than two: leaving one set out needs another to learn from.
 */
export function trainingFolders(datasets: string, command: string): string[] | null {
  const folders = existsSync(datasets)
    ? readdirSync(datasets, { withFileTypes: true })
        .filter(
          (entry) =>
            entry.isDirectory() && TRAINING_SET_PREFIXES.some((prefix) => entry.name.startsWith(prefix)),
        )
        .map((entry) => join(datasets, entry.name))
        .sort()
    : [];
  if (folders.length >= 2) return folders;
  console.log(`${command} needs at least two page-extraction sets in ${datasets}`);
  return null;
}

/** The model's JSON with the data and the figures that produced it. */
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
  writeFileSync(output, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${output}`);
}
