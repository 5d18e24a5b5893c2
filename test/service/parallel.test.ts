import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { createEngine } from '../../src/engine/engine.js';
import type { RawDocument } from '../../src/model/article.js';
import { extractDocuments, traceDocuments } from '../../src/service/index.js';
import { EXAMPLE_DIRECTORY } from '../pipeline/seeds.js';

const GOLDEN = new URL('../../../test/fixtures/extract/golden/', import.meta.url);
const NOW = () => Date.parse('2026-06-01T00:00:00Z');

function text(input: string, content: string): RawDocument {
  return { input, format: 'text', content, encoding: 'utf-8' };
}

/**
 * The example story with planted copies (exact duplicates under other names, near-exact copies,
 * trimmed copies) among unrelated stories: enough documents for the pool to be used.
 */
function batch(): RawDocument[] {
  const documents: RawDocument[] = [];
  for (const name of readdirSync(EXAMPLE_DIRECTORY)
    .filter((file) => file.endsWith('.txt'))
    .sort()) {
    const content = readFileSync(new URL(name, EXAMPLE_DIRECTORY), 'utf8');
    const paragraphs = content.split('\n\n');
    documents.push(text(name, content));
    documents.push(text(`mirror-${name}`, content));
    documents.push(text(`near-${name}`, `${content}\n\nThis story first appeared on a partner site.\n`));
    documents.push(
      text(`trimmed-${name}`, paragraphs.slice(0, Math.ceil(paragraphs.length * 0.7)).join('\n\n')),
    );
  }
  for (const folder of readdirSync(GOLDEN).sort()) {
    const expected = new URL(`${folder}/expected.txt`, GOLDEN);
    try {
      documents.push(text(`${folder}.txt`, readFileSync(expected, 'utf8')));
    } catch {
      // a case without expected text
    }
  }
  return documents;
}

describe('tracing on a worker pool', () => {
  const pooled = createEngine({ workers: 2, now: NOW });
  after(() => pooled.close());

  it('gives the same JSON as one thread, exact duplicates included', async () => {
    const single = createEngine({ workers: 1, now: NOW });
    const raws = batch();
    assert.ok(raws.length >= 24, `${raws.length} documents`);
    const fromOne = await extractDocuments(single, raws);
    const fromPool = await extractDocuments(pooled, raws);
    assert.deepEqual(fromPool, fromOne);
    const one = await traceDocuments(single, fromOne.documents);
    const many = await traceDocuments(pooled, fromPool.documents);
    assert.equal(JSON.stringify(many.json), JSON.stringify(one.json));
    const story = one.json.stories.find((candidate) =>
      candidate.documents.includes('001_91a7594f1c02de45.txt'),
    );
    assert.ok(story);
    assert.ok(story.documents.includes('mirror-001_91a7594f1c02de45.txt'));
  });

  it('gives the parts asked for beside each story on the pool as on one thread', async () => {
    const single = createEngine({ workers: 1, now: NOW });
    const raws = batch();
    const parts = { comments: true, header: true };
    const fromPool = await extractDocuments(pooled, raws, parts);
    assert.deepEqual(fromPool, await extractDocuments(single, raws, parts));
    for (const document of fromPool.documents) {
      assert.ok(Array.isArray(document.article.header), `${document.name}: no header`);
      assert.ok(Array.isArray(document.article.comments), `${document.name}: no comments`);
    }
    const headlines = fromPool.documents.filter(
      (document) => document.article.header?.[0]?.kind === 'headline',
    );
    assert.ok(headlines.length > 0, 'some document has a headline');
  });
});
