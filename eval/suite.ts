import { alignArticles } from '../src/align/align.js';
import { type FeatureVector, featureVector } from '../src/classify/feature-vector.js';
import { relationFeatures } from '../src/classify/features.js';
import type { Console } from '../src/cli/io.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import type { Lexicon } from '../src/text/lexicon.js';

/** What every suite module of `npm run eval` exports: one call per dataset folder. */
export interface SuiteModule {
  evaluateSuite(directory: string, options: SuiteOptions): Promise<void>;
}

export interface SuiteOptions {
  /** Print one line per item. */
  verbose: boolean;
}

export function fixed(value: number): string {
  return value.toFixed(3);
}

/** A console that keeps what a command prints, for running the CLI in-process. */
export function capturingConsole(): Console & { output: () => string; errors: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    isTTY: false,
    output: () => out,
    errors: () => err,
  };
}

/** Every figure the learned relation models can read, for one pair (orientation-free). */
export function pairVector(a: AnalysedArticle, b: AnalysedArticle, lexicon: Lexicon): FeatureVector {
  const alignment = alignArticles(a, b, lexicon);
  return featureVector(a, b, relationFeatures(a, b, alignment, lexicon), alignment.stats, lexicon);
}

/** Words of a raw text, lower-cased: what the baselines read (no project code in between). */
export function plainWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice();
}

/** A table row: a label padded to the first column, then the cells. */
export function tableRow(label: string, cells: readonly string[], width = 28): string {
  return `${label.padEnd(width)}${cells.map((cell) => cell.padEnd(18)).join('')}`.trimEnd();
}
