import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceResult } from '../../src/model/story.js';
import { renderCompareTerminal, renderTraceTerminal } from '../../src/report/terminal.js';
import { portalPair, spun, spunPair, trace, wire, wireStory } from './fixtures.js';

const ESC = '\u001b';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for ANSI escapes
const ANSI = /\u001b\[[0-9;]*m/g;

function lineIndex(lines: readonly string[], start: string): number {
  const index = lines.findIndex((line) => line.startsWith(start));
  assert.ok(index >= 0, `no line starting with ${JSON.stringify(start)}`);
  return index;
}

describe('renderTraceTerminal', () => {
  const plain = renderTraceTerminal(trace, { color: false });
  const lines = plain.split('\n');

  it('has no colour codes without colour, and the same text with them', () => {
    assert.ok(!plain.includes(ESC));
    const coloured = renderTraceTerminal(trace, { color: true });
    assert.ok(coloured.includes(`${ESC}[1m`), 'bold');
    assert.ok(coloured.includes(`${ESC}[33m1 spun`), 'spun figures are yellow');
    assert.equal(coloured.replace(ANSI, ''), plain);
  });

  it('draws the family tree root first, copies below with connectors', () => {
    const root = lineIndex(lines, 'wire.txt  original, 86% sure');
    const first = lineIndex(lines, '├─ portal.html  verbatim copy · direction 91% sure');
    const last = lineIndex(lines, '└─ spun.txt  spun copy (synonym swaps) · direction 81% sure');
    assert.ok(root < first && first < last);
    assert.equal(lines[root + 1], '│ “Engage Russia but remain "clear-eyed", Blinken tells NATO”');
    assert.equal(lines[first + 1], '│    “Engage Russia but remain clear-eyed, Blinken tells NATO”');
    assert.equal(lines[last + 1], '     “West must engage with Moscow to develop mutual interests”');
  });

  it('lists each copy’s coverage and most important changes, at most eight', () => {
    const section = lineIndex(lines, '── spun.txt ← wire.txt');
    assert.ok(
      lines[section + 3]!.startsWith(
        '74% of the copy reuses the source: 1 edited, 1 spun, 1 reworded sentences',
      ),
    );
    const changes = lineIndex(lines, 'Changes (9, most important first):');
    assert.ok(changes > section);
    assert.match(
      lines[changes + 1]!,
      /^ {2}quote → reported +“Dialogue is…difficult as…” → “He announced that/,
    );
    assert.match(lines[changes + 2]!, /^ {2}synonym swap +“Russia” → “Moscow”$/);
    assert.equal(lines[changes + 9], '  … +1 more');
    assert.match(plain, / {2}paragraph dropped +− “The NATO-Russia Council last met in July 2019.”/);
  });

  it('lists unrelated documents at the end', () => {
    const unrelated = lineIndex(lines, '■ unrelated');
    assert.ok(unrelated > lineIndex(lines, '── spun.txt ← wire.txt'));
    assert.equal(lines[unrelated + 1], '• weather.txt  (no title)');
  });

  it('fits every line into the width', () => {
    for (const width of [40, 60, 100]) {
      const output = renderTraceTerminal(trace, { color: true, width });
      for (const line of output.replace(ANSI, '').split('\n')) {
        assert.ok(Array.from(line).length <= width, `${width}: ${line}`);
      }
    }
  });

  it('nests deeper copies under their parent', () => {
    const chain: TraceResult = {
      articles: trace.articles,
      stories: [
        {
          ...wireStory,
          edges: [
            { source: 'wire.txt', copy: 'portal.html', result: portalPair },
            { source: 'portal.html', copy: 'spun.txt', result: spunPair },
          ],
        },
      ],
    };
    const chainLines = renderTraceTerminal(chain, { color: false }).split('\n');
    const portalLine = lineIndex(chainLines, '└─ portal.html');
    assert.equal(
      chainLines[portalLine + 1],
      '   │ “Engage Russia but remain clear-eyed, Blinken tells NATO”',
    );
    assert.ok(chainLines[portalLine + 2]!.startsWith('   └─ spun.txt  spun copy (synonym swaps)'));
  });

  it('is deterministic', () => {
    assert.equal(
      renderTraceTerminal(trace, { color: true, width: 80 }),
      renderTraceTerminal(trace, { color: true, width: 80 }),
    );
  });
});

describe('renderCompareTerminal', () => {
  it('names the source and copy of a b->a comparison', () => {
    const output = renderCompareTerminal(spun, wire, spunPair, { color: false });
    const lines = output.split('\n');
    assert.equal(lines[1], '  A  spun.txt  “West must engage with Moscow to develop mutual interests”');
    assert.ok(lines.includes('Direction: wire.txt → spun.txt (81% sure)'));
    assert.ok(
      lines.includes(
        'why: a direct quote of wire.txt is reported speech in spun.txt; wire.txt carries the earlier date',
      ),
    );
    assert.ok(output.includes('74% of spun.txt reuses wire.txt'));
    assert.ok(!output.includes(ESC));
    assert.ok(renderCompareTerminal(spun, wire, spunPair, { color: true }).includes(`${ESC}[`));
  });

  it('says when the direction is undecided', () => {
    const undecided = {
      ...spunPair,
      relation: 'same-story' as const,
      direction: { direction: null, confidence: 0, signals: [] },
      changes: [],
    };
    const output = renderCompareTerminal(spun, wire, undecided, { color: false });
    assert.ok(output.includes('Relation: same story, reported independently · score 0.846'));
    assert.ok(output.includes('Direction: undecided'));
    assert.ok(!output.includes('Changes'));
  });
});
