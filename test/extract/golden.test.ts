import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shingleF1 } from '../../eval/extraction.js';
import {
  extractFile,
  goldenCaseNames,
  normalisedParagraphs,
  readGoldenCase,
} from '../../eval/golden-cases.js';
import type { Article } from '../../src/model/article.js';

/**
 * One suite per folder of test/fixtures/extract/golden: the input read through the real ingest
 * path, its story text against expected.txt and each metadata field expected.json names.
 * `npm run fixture:add` adds a case (see the folder's README).
 */
describe('golden extraction cases', () => {
  const names = goldenCaseNames();

  it('has the cases', () => {
    assert.ok(names.length >= 20, `${names.length} cases`);
  });

  for (const name of names) {
    describe(name, () => {
      const golden = readGoldenCase(name);
      let extracted: Promise<Article> | undefined;
      // Extracted once, when the first test asks, so that a failure belongs to a test.
      const article = () => (extracted ??= extractFile(golden.inputPath));

      it(`story text (F1 >= ${golden.minimumF1})`, async () => {
        const { text } = await article();
        const f1 = shingleF1(golden.expectedText, text);
        const difference = firstDifference(
          normalisedParagraphs(golden.expectedText),
          normalisedParagraphs(text),
        );
        assert.ok(f1 >= golden.minimumF1, `F1 ${f1.toFixed(3)} < ${golden.minimumF1}\n${difference ?? ''}`);
        if (golden.minimumF1 >= 1 && difference !== null) assert.fail(difference);
      });

      it('metadata', async () => {
        const fields = articleFields(await article());
        for (const [field, expected] of Object.entries(golden.metadata)) {
          if (golden.knownWrong.includes(field)) continue;
          assert.deepEqual(fields[field], expected, field);
        }
      });

      for (const field of golden.knownWrong) {
        it(`${field}: known wrong`, async () => {
          const right = golden.metadata[field];
          assert.notDeepEqual(
            articleFields(await article())[field],
            right,
            `${field} is now right (${JSON.stringify(right)}): run npm run fixture:add -- --update ${name}`,
          );
        });
      }
    });
  }
});

function articleFields(article: Article): Record<string, unknown> {
  return article as unknown as Record<string, unknown>;
}

/** Where two paragraph lists first differ, with some context, or null when they agree. */
function firstDifference(expected: readonly string[], extracted: readonly string[]): string | null {
  for (let index = 0; index < Math.max(expected.length, extracted.length); index++) {
    const want = expected[index];
    const got = extracted[index];
    if (want === got) continue;
    let at = 0;
    while (want !== undefined && got !== undefined && want[at] === got[at]) at++;
    const excerpt = (paragraph: string | undefined) =>
      paragraph === undefined
        ? '(no such paragraph)'
        : `${at > 40 ? '…' : ''}${paragraph.slice(Math.max(0, at - 40), at + 80)}`;
    return [
      `paragraph ${index + 1} differs (${expected.length} expected, ${extracted.length} extracted), from character ${at + 1}:`,
      `  expected:  ${excerpt(want)}`,
      `  extracted: ${excerpt(got)}`,
    ].join('\n');
  }
  return null;
}
