import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { alignArticles } from '../../src/align/align.js';
import { detectChanges } from '../../src/changes/detect.js';
import { createEngine } from '../../src/engine/engine.js';
import { extractArticle } from '../../src/extract/index.js';
import type { AnalysedArticle } from '../../src/model/analysis.js';
import type { Article } from '../../src/model/article.js';
import type { Change, ChangeType, Citation } from '../../src/model/change.js';
import type { PairResult } from '../../src/model/relation.js';
import { comparePair } from '../../src/pipeline/compare.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';

/** One engine for the change tests, its clock fixed so that dated fixtures never age. */
export const engine = createEngine({ now: () => Date.parse('2026-01-01T00:00:00Z') });
export const lexicon = engine.lexicon;

// Compiled to dist/test/changes/: the repository root is three folders up.
const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
const SEED_FOLDERS = ['extract/seeds/', 'seeds/'].map((folder) => new URL(folder, FIXTURES));

/** A seed page ("001") run through the real extractor and analysis. */
export function seed(number: string): AnalysedArticle {
  const folder = SEED_FOLDERS.find((candidate) => existsSync(candidate));
  assert.ok(folder, 'seed fixtures are missing');
  const name = readdirSync(folder).find((file) => file.startsWith(`${number}_`));
  assert.ok(name, `seed ${number} is missing`);
  const content = readFileSync(new URL(name, folder), 'utf8');
  return analyseArticle(extractArticle({ input: name, format: 'text', content, encoding: 'utf-8' }));
}

/** The full comparison with the first document taken as the source. */
export function compareSeeds(source: AnalysedArticle, copy: AnalysedArticle): PairResult {
  return comparePair(source, copy, engine.context(), { sourceIsA: true });
}

/** Story text given directly (paragraphs separated by blank lines), analysed. */
export function story(text: string, input = 'story.txt'): AnalysedArticle {
  return analyseArticle(articleFromText(input, text));
}

/** Analyses an article built by hand (boilerplate, byline). */
export function analysed(article: Article): AnalysedArticle {
  return analyseArticle(article);
}

/** The detectors alone, on the real alignment: synthetic pairs need not be judged derived. */
export function changesOf(source: AnalysedArticle, copy: AnalysedArticle): Change[] {
  return detectChanges(source, copy, alignArticles(source, copy, lexicon), lexicon);
}

export function ofType(changes: readonly Change[], type: ChangeType): Change[] {
  return changes.filter((change) => change.type === type);
}

/** The change of the given type whose citations read exactly these texts (null: no citation). */
export function findChange(
  changes: readonly Change[],
  type: ChangeType,
  sourceText: string | null,
  copyText: string | null,
): Change | undefined {
  const reads = (citation: Citation | null, text: string | null): boolean =>
    text === null ? citation === null : citation?.text === text;
  return changes.find(
    (change) => change.type === type && reads(change.source, sourceText) && reads(change.copy, copyText),
  );
}

/** Every citation is an exact slice of its document's decoded input. */
export function assertCitationsSlice(changes: readonly Change[], source: Article, copy: Article): void {
  for (const change of changes) {
    for (const [citation, article] of [
      [change.source, source],
      [change.copy, copy],
    ] as const) {
      if (citation === null) continue;
      assert.equal(article.content.slice(citation.start, citation.end), citation.text, change.note);
    }
  }
}

export function describeChanges(changes: readonly Change[]): string {
  return changes
    .map((change) => `${change.type}: ${change.source?.text ?? '-'} → ${change.copy?.text ?? '-'}`)
    .join('\n');
}
