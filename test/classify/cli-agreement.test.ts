import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cliRelation, compareCloughItem } from '../../eval/clough.js';
import { loadClough } from '../../eval/datasets.js';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/clough/', import.meta.url));

describe('the Clough eval scores through the CLI path', () => {
  const items = loadClough(FIXTURE);

  it('reads every sample answer with its source', () => {
    assert.equal(items.length, 12);
    assert.deepEqual([...new Set(items.map((item) => item.category))].sort(), [
      'cut',
      'heavy',
      'light',
      'non',
    ]);
  });

  it('gives every answer the relation `wiretrace compare source answer --json` gives it', async () => {
    for (const item of items) {
      const evaluated = await compareCloughItem(item);
      assert.equal(await cliRelation(item), evaluated.relation, item.file);
    }
  });
});
