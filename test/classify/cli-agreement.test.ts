import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cliRelation, compareCloughItem } from '../../eval/clough.js';
import { loadClough } from '../../eval/datasets.js';
import { capturingConsole } from '../../eval/suite.js';
import { alignArticles } from '../../src/align/align.js';
import { type FeatureName, featureVector } from '../../src/classify/feature-vector.js';
import { relationFeatures } from '../../src/classify/features.js';
import { RELATION_WEIGHTS } from '../../src/classify/relation-model.js';
import { loadDocuments } from '../../src/cli/io.js';
import { createEngine } from '../../src/engine/engine.js';
import type { AnalysedArticle } from '../../src/model/analysis.js';

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

describe('the document scope of the feature vector', () => {
  it('computes every figure the document models read', async () => {
    const engine = createEngine({ workers: 1 });
    const item = loadClough(FIXTURE).find((candidate) => candidate.category === 'light')!;
    const { documents } = await loadDocuments(engine, [item.sourcePath, item.path], capturingConsole());
    const [a, b] = documents.map((document) => engine.analyse(document.article)) as [
      AnalysedArticle,
      AnalysedArticle,
    ];
    const alignment = alignArticles(a, b, engine.lexicon);
    const base = relationFeatures(a, b, alignment, engine.lexicon);
    const full = featureVector(a, b, base, alignment.stats, engine.lexicon, 'all');
    const documentScope = featureVector(a, b, base, alignment.stats, engine.lexicon, 'document');
    for (const name of [
      ...RELATION_WEIGHTS.derived.model.features,
      ...RELATION_WEIGHTS.kind.model.features,
    ]) {
      const feature = name as FeatureName;
      assert.equal(documentScope[feature], full[feature], name);
    }
    await engine.close();
  });
});
