/** Classification metrics as the published evaluations define them. */

/** The harmonic mean of precision and recall (0 when both are 0). */
export function fMeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export function accuracy(gold: readonly string[], predicted: readonly string[]): number {
  let correct = 0;
  gold.forEach((label, index) => {
    if (predicted[index] === label) correct++;
  });
  return gold.length > 0 ? correct / gold.length : 0;
}

/** F1 of one class. */
export function f1Of(gold: readonly string[], predicted: readonly string[], positive: string): number {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  gold.forEach((label, index) => {
    const guess = predicted[index];
    if (guess === positive && label === positive) truePositive++;
    else if (guess === positive) falsePositive++;
    else if (label === positive) falseNegative++;
  });
  const precision = truePositive + falsePositive > 0 ? truePositive / (truePositive + falsePositive) : 0;
  const recall = truePositive + falseNegative > 0 ? truePositive / (truePositive + falseNegative) : 0;
  return fMeasure(precision, recall);
}

/** Unweighted mean of the per-class F1 over the gold classes. */
export function macroF1(gold: readonly string[], predicted: readonly string[]): number {
  const classes = [...new Set(gold)].sort();
  return classes.reduce((sum, label) => sum + f1Of(gold, predicted, label), 0) / classes.length;
}

/** A confusion matrix as rows of gold labels, printed as a table. */
export function confusionTable(gold: readonly string[], predicted: readonly string[]): string {
  const labels = [...new Set([...gold, ...predicted])].sort();
  const width = Math.max(9, ...labels.map((label) => label.length + 1));
  const header = `${'gold \\ predicted'.padEnd(18)}${labels.map((label) => label.padStart(width)).join('')}`;
  const rows = labels
    .filter((label) => gold.includes(label))
    .map((row) => {
      const cells = labels.map((column) => {
        let count = 0;
        gold.forEach((label, index) => {
          if (label === row && predicted[index] === column) count++;
        });
        return String(count).padStart(width);
      });
      return `${row.padEnd(18)}${cells.join('')}`;
    });
  return [header, ...rows].join('\n');
}
