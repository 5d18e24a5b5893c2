import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NameSet } from '../../src/ingest/name-set.js';

describe('name set', () => {
  it('holds every name added, through growth, and no other', () => {
    const names = new NameSet();
    for (let i = 0; i < 50_000; i++) names.add(`crawl.jsonl#article-${i}`);
    names.add('crawl.jsonl#article-7'); // twice: held once
    for (let i = 0; i < 50_000; i++) assert.ok(names.has(`crawl.jsonl#article-${i}`), String(i));
    for (let i = 50_000; i < 100_000; i++)
      assert.equal(names.has(`crawl.jsonl#article-${i}`), false, String(i));
    assert.equal(names.has(''), false);
    names.add('');
    assert.ok(names.has(''));
  });
});
