import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shingleMatch } from '../../eval/extraction.js';
import { extractArticle } from '../../src/extract/index.js';
import { benchmarkExpected, benchmarkIds, benchmarkPage } from './fixtures.js';

/** F1 of 4-token shingles, the benchmark's per-page figure. */
function pageF1(expected: string, predicted: string): number {
  const { truePositive, falsePositive, falseNegative } = shingleMatch(expected, predicted);
  if (truePositive === 0) return 0;
  const precision = truePositive / (truePositive + falsePositive);
  const recall = truePositive / (truePositive + falseNegative);
  return (2 * precision * recall) / (precision + recall);
}

describe('article-extraction-benchmark pages', () => {
  const ids = benchmarkIds();

  it('has the fixtures', () => {
    assert.ok(ids.length >= 5);
  });

  for (const id of ids) {
    for (const track of ['html', 'text'] as const) {
      it(`${id.slice(0, 10)} (${track}): finds the article body`, () => {
        const article = extractArticle(benchmarkPage(id, track));
        const f1 = pageF1(benchmarkExpected(id), article.text);
        assert.ok(f1 >= 0.8, `F1 ${f1.toFixed(3)}`);
        assert.ok(article.title !== null && article.title.length > 0);
      });
    }

    it(`${id.slice(0, 10)} (text): paragraphs are exact slices of the page text`, () => {
      const page = benchmarkPage(id, 'text');
      const article = extractArticle(page);
      for (const paragraph of article.paragraphs) {
        const source = article.origin.spanToSource(paragraph.start, paragraph.end);
        assert.equal(
          page.content.slice(source.start, source.end),
          article.text.slice(paragraph.start, paragraph.end),
        );
      }
    });

    it(`${id.slice(0, 10)} (html): words map back onto the markup`, () => {
      const page = benchmarkPage(id, 'html');
      const article = extractArticle(page);
      let checked = 0;
      for (const match of article.text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const source = article.origin.spanToSource(match.index, match.index + match[0].length);
        // A word split by inline tags ("<a>Kindle</a>s") spans the tags; one with character
        // references maps onto the references.
        const markup = page.content.slice(source.start, source.end).replace(/<[^>]*>/g, '');
        if (!markup.includes('&')) assert.equal(markup, match[0]);
        checked++;
      }
      assert.ok(checked > 50);
    });
  }
});
