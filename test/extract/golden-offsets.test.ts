import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goldenCaseNames, readDocument, readGoldenCase } from '../../eval/golden-cases.js';
import { extractArticle } from '../../src/extract/index.js';
import { spanToSource } from '../../src/text/offsets.js';

/** The story text of every golden case maps back onto the input it came from. */
describe('golden cases: offsets back into the input', () => {
  for (const name of goldenCaseNames()) {
    it(`${name}: paragraphs or words map back onto the input`, async () => {
      const page = await readDocument(readGoldenCase(name).inputPath);
      const article = extractArticle(page);
      if (page.format === 'text') {
        // Flattened text: every paragraph is an exact slice of the input.
        for (const paragraph of article.paragraphs) {
          const source = spanToSource(article.origin, paragraph.start, paragraph.end);
          assert.equal(
            page.content.slice(source.start, source.end),
            article.text.slice(paragraph.start, paragraph.end),
          );
        }
        return;
      }
      let checked = 0;
      for (const match of article.text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const source = spanToSource(article.origin, match.index, match.index + match[0].length);
        // A word split by inline tags ("<a>Kindle</a>s") spans the tags; one with character
        // references maps onto the references.
        const markup = page.content.slice(source.start, source.end).replace(/<[^>]*>/g, '');
        if (!markup.includes('&')) assert.equal(markup, match[0]);
        checked++;
      }
      assert.ok(checked > 0);
    });
  }
});
