import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/engine/engine.js';
import { traceArticles } from '../../src/pipeline/trace.js';
import { articleFromText } from '../../src/text/plain-article.js';
import { exampleArticles } from './seeds.js';

/** A copy of the spin: two paragraphs dropped, a few words swapped, a line of its own added. */
function copyOfSpin(spinText: string): string {
  const paragraphs = spinText.split('\n\n');
  const kept = [...paragraphs.slice(0, 4), ...paragraphs.slice(6)];
  return `${kept.join('\n\n')}\n\nThis article first appeared on a partner site.`
    .replace('charmed', 'impressed')
    .replace('conciliatory', 'friendly')
    .replace('outdated', 'obsolete');
}

describe('a copy of a copy', () => {
  const examples = exampleArticles(); // sorted: 000 spin, 001 wire copy, 002 rewrite
  const spin = examples[0]!;
  const wire = examples[1]!;
  const rewrite = examples[2]!;
  const copy = articleFromText('003_copy_of_spin.txt', copyOfSpin(spin.text));
  const result = traceArticles([copy, rewrite, spin, wire], createEngine().context());

  it('hangs under the copy it was made from, not under the original', () => {
    assert.equal(result.stories.length, 1);
    const story = result.stories[0]!;
    assert.match(story.root ?? '', /^001_/);
    const parentOf = new Map(story.edges.map((edge) => [edge.copy, edge.source]));
    assert.match(parentOf.get('003_copy_of_spin.txt') ?? '', /^000_/);
    assert.match(parentOf.get(spin.input) ?? '', /^001_/);
    assert.match(parentOf.get(rewrite.input) ?? '', /^001_/);
  });

  it('lists parents before their children whatever the input order', () => {
    const edges = result.stories[0]!.edges;
    const seen = new Set([result.stories[0]!.root]);
    for (const edge of edges) {
      assert.ok(seen.has(edge.source), `${edge.source} appears as a source before it is reached`);
      seen.add(edge.copy);
    }
  });

  it('reports the dropped paragraphs of the second copy', () => {
    const edge = result.stories[0]!.edges.find((candidate) => candidate.copy === '003_copy_of_spin.txt')!;
    const dropped = edge.result.changes.filter((change) => change.type === 'paragraph-dropped');
    assert.ok(dropped.length >= 1, JSON.stringify(edge.result.changes.map((change) => change.type)));
  });
});
