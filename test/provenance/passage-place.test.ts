import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysedArticle } from '../../src/model/analysis.js';
import { passagePlace } from '../../src/provenance/insertion.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { exampleArticles } from '../pipeline/seeds.js';

/** The content stems of sentences [from, to), as a set of strings. */
function stems(article: AnalysedArticle, from: number, to: number): Set<string> {
  const found = new Set<string>();
  for (const sentence of article.sentences.slice(from, to)) {
    for (const token of article.tokens.slice(sentence.tokenStart, sentence.tokenEnd)) {
      if (!token.stop) found.add(token.stem);
    }
  }
  return found;
}

/** Shared share of the smaller set, 0 when either is empty. */
function overlap(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  return [...x].filter((stem) => y.has(stem)).length / Math.min(x.size, y.size);
}

/** passagePlace as its definition reads: two sentences on each side, sets of stems. */
function referencePlace(article: AnalysedArticle, first: number, last: number) {
  const inside = stems(article, first, last + 1);
  const before = stems(article, Math.max(0, first - 2), first);
  const after = stems(article, last + 1, last + 3);
  const around = new Set([...before, ...after]);
  if (around.size === 0 || inside.size === 0) return { hasContext: false, cohesion: 0, bridge: 0 };
  return { hasContext: true, cohesion: overlap(around, inside), bridge: overlap(before, after) };
}

describe('where a passage sits', () => {
  it('measures cohesion and bridge as sets of content stems would, for every run of sentences', () => {
    for (const article of exampleArticles().map((raw) => analyseArticle(raw))) {
      const count = article.sentences.length;
      for (let first = 0; first < count; first++) {
        for (let last = first; last < Math.min(count, first + 5); last++) {
          const sentences = Array.from({ length: last - first + 1 }, (_, index) => first + index);
          assert.deepEqual(passagePlace(article, sentences), referencePlace(article, first, last));
        }
      }
    }
  });
});
