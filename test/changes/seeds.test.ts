import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectChanges } from '../../src/changes/detect.js';
import { DERIVED_RELATIONS } from '../../src/model/relation.js';
import {
  assertCitationsSlice,
  compareSeeds,
  describeChanges,
  findChange,
  lexicon,
  ofType,
  seed,
} from './support.js';

const wire = seed('001');
const spin = seed('000');
const translation = seed('002');

describe('changes of the content-farm spin (001 → 000)', () => {
  const result = compareSeeds(wire, spin);
  const changes = result.changes;

  it('compares the pair as derived', () => {
    assert.ok(DERIVED_RELATIONS.has(result.relation), result.relation);
  });

  it('finds "adversary" swapped for "rival"', () => {
    const swap =
      findChange(changes, 'synonym-substituted', 'adversary', 'rival') ??
      findChange(changes, 'meaning-shift', 'adversary', 'rival');
    assert.ok(swap, describeChanges(changes));
  });

  it("turns Blinken's quotes into reported speech", () => {
    const reported = ofType(changes, 'quote-to-reported').map((change) => change.source?.text ?? '');
    assert.ok(
      reported.some((text) => text.startsWith('Ultimately, I think what we can hope')),
      reported.join('\n'),
    );
    assert.ok(
      reported.some((text) => text.startsWith('Even as we work with Russia')),
      reported.join('\n'),
    );
    for (const change of ofType(changes, 'quote-to-reported')) assert.notEqual(change.copy, null);
  });

  it('finds "On Tuesday" given as "On March 23"', () => {
    assert.ok(findChange(changes, 'date-changed', 'Tuesday', 'March 23'), describeChanges(changes));
  });

  it('notices the dropped Reuters credit and the trading ads', () => {
    const attribution = ofType(changes, 'attribution-dropped');
    assert.equal(attribution.length, 1);
    assert.match(attribution[0]!.source?.text ?? '', /Reuters/);
    assert.ok(ofType(changes, 'ad-added').length >= 1, describeChanges(changes));
  });

  it('cites exact slices of both inputs', () => {
    assertCitationsSlice(changes, wire.article, spin.article);
  });
});

describe('changes of the translated rewrite (001 → 002)', () => {
  const result = compareSeeds(wire, translation);
  const changes = result.changes;

  it('compares the pair as derived', () => {
    assert.ok(DERIVED_RELATIONS.has(result.relation), result.relation);
  });

  it('finds "Antony" misspelt "Anthony"', () => {
    assert.ok(findChange(changes, 'name-misspelt', 'Antony', 'Anthony'), describeChanges(changes));
  });

  it('finds "deterrence" shifted to "containment"', () => {
    const shift = findChange(changes, 'meaning-shift', 'deterrence', 'containment');
    assert.ok(shift, describeChanges(changes));
    assert.equal(shift.weight, 3);
  });

  it('finds the re-worded quotes, with their word differences', () => {
    const altered = ofType(changes, 'quote-altered');
    const accountable = altered.find((change) =>
      change.source?.text.startsWith('Even as we work with Russia'),
    );
    assert.ok(accountable, describeChanges(changes));
    assert.match(accountable.note, /“hostile” for “adversary”/);
    assert.match(accountable.note, /“make efforts” for “work”/);
    assert.ok(altered.some((change) => change.source?.text.startsWith('Ultimately, I think')));
    // Inside a quote kept as a quote the swap belongs to the quote change, not to a second change.
    assert.equal(findChange(changes, 'synonym-substituted', 'adversary', 'hostile'), undefined);
  });

  it('reports the material 002 leaves out', () => {
    const dropped = ofType(changes, 'paragraph-dropped').map((change) => change.source?.text ?? '');
    assert.ok(
      dropped.some((text) => text.startsWith('Blinken, the first top U.S. official')),
      dropped.join('\n'),
    );
    assert.ok(
      dropped.some((text) => text.startsWith('On Tuesday, Blinken had described')),
      dropped.join('\n'),
    );
    for (const change of ofType(changes, 'paragraph-dropped')) assert.equal(change.copy, null);
  });

  it('cites the "ALSO READ" teaser the copy page inserts', () => {
    const teaser = ofType(changes, 'teaser-added')[0];
    assert.ok(teaser, describeChanges(changes));
    assert.match(teaser.copy?.text ?? '', /^ALSO READ:/);
    assert.equal(teaser.source, null);
  });

  it('cites exact slices of both inputs', () => {
    assertCitationsSlice(changes, wire.article, translation.article);
  });
});

describe('change lists', () => {
  const result = compareSeeds(wire, translation);

  it('are the same for the same inputs', () => {
    const again = detectChanges(
      seed('001'),
      seed('002'),
      compareSeeds(seed('001'), seed('002')).alignment,
      lexicon,
    );
    assert.deepEqual(again, result.changes);
    assert.deepEqual(detectChanges(wire, translation, result.alignment, lexicon), result.changes);
  });

  it('are sorted by position in the copy, then in the source, without duplicates', () => {
    const positions = result.changes.map((change) => [
      change.copy?.start ?? Number.POSITIVE_INFINITY,
      change.source?.start ?? Number.POSITIVE_INFINITY,
    ]);
    for (let k = 1; k < positions.length; k++) {
      const [copyBefore, sourceBefore] = positions[k - 1]!;
      const [copyNow, sourceNow] = positions[k]!;
      assert.ok(
        copyBefore! < copyNow! || (copyBefore === copyNow && sourceBefore! <= sourceNow!),
        `order at ${k}`,
      );
    }
    const keys = result.changes.map(
      (change) => `${change.source?.start}:${change.source?.end}|${change.copy?.start}:${change.copy?.end}`,
    );
    assert.equal(new Set(keys).size, keys.length);
  });

  it('weigh what changes the story above cosmetic changes', () => {
    for (const change of result.changes) assert.ok([1, 2, 3].includes(change.weight), change.type);
    assert.equal(findChange(result.changes, 'name-misspelt', 'Antony', 'Anthony')?.weight, 2);
    assert.equal(ofType(result.changes, 'teaser-added')[0]?.weight, 1);
  });
});
