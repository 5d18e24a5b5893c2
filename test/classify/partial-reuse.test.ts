import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignArticles } from '../../src/align/align.js';
import { PARTIAL_FEATURES, partialEvidence } from '../../src/classify/partial-evidence.js';
import { partialReuse, sharedPassages } from '../../src/classify/partial-reuse.js';
import { createEngine } from '../../src/engine/engine.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';

const { lexicon } = createEngine();

const planted =
  'The harbour authority said on Tuesday that dredging of the northern channel would start in March and ' +
  'cost about 40 million euros, paid for by port fees over ten years.';

const host = [
  'Fishermen in the old town held a meeting about the new quotas that start next season.',
  'Several boats have already been sold to buyers from other regions, the association said.',
  planted,
  'The mayor promised to look at support for families who depend on the catch.',
].join(' ');

const source = [
  'Ferry traffic grew by a tenth last year as more tourists came in the shoulder months.',
  planted,
  'Shipping lines have asked for deeper berths since the larger vessels entered service.',
].join(' ');

const unrelated = [
  'A new bakery opened on the corner of the market square with bread baked in a wood oven.',
  'Its owner trained in Lyon and returned home after twenty years abroad.',
].join(' ');

/** Two reports on the quote's own topic (ferries, dredging), sharing it along with their topic. */
const FERRY_TOPIC_A =
  'Ferry operators in the region expect fewer tourists this summer. Dredging works on the channel were approved by the council last week.';
const FERRY_TOPIC_B =
  'Hotels along the coast reported that tourists booked later than usual. Ferry timetables will change while dredging continues in the channel.';

/** One feature of the first shared passage's evidence. */
function evidenceOf(feature: (typeof PARTIAL_FEATURES)[number], first: string, second: string): number {
  const a = analyseArticle(articleFromText('a', first));
  const b = analyseArticle(articleFromText('b', second));
  const alignment = alignArticles(a, b, lexicon);
  const passage = sharedPassages(alignment)[0]!;
  return partialEvidence(a, b, alignment, passage, lexicon)[PARTIAL_FEATURES.indexOf(feature)]!;
}

function reuse(first: string, second: string) {
  const a = analyseArticle(articleFromText('a', first));
  const b = analyseArticle(articleFromText('b', second));
  return partialReuse(a, b, alignArticles(a, b, lexicon), lexicon);
}

describe('partial reuse gate', () => {
  it('calls one sentence put word for word into a longer text a partial reuse', () => {
    const result = reuse(source, host);
    assert.equal(result.partial, true);
    assert.equal(result.relation, 'copy');
  });

  it('is symmetric in the two texts', () => {
    const forward = reuse(source, host);
    const backward = reuse(host, source);
    assert.equal(forward.partial, backward.partial);
    assert.equal(forward.shareA, backward.shareB);
  });

  it('calls one sentence put into a longer text with its words swapped, moved and dropped a partial reuse', () => {
    // PAN-style obfuscation: synonyms, neighbours swapped, a few words dropped. Few words stay in
    // order for the runs of words kept; how well the sentence still matches shows it was put there.
    const obfuscated =
      'Authority the harbour told Tuesday that dredging of a channel northern would begin by March and ' +
      'cost some 40 million euros, paid through port fees across ten years.';
    const withObfuscated = host.replace(planted, obfuscated);
    assert.equal(reuse(source, withObfuscated).partial, true);
    assert.equal(reuse(withObfuscated, source).partial, true);
  });

  it('does not call two reports that state one fact in their own words a partial reuse', () => {
    const first =
      'Ferry operators in the region expect fewer tourists this summer. The council approved the dredging of ' +
      'the northern channel last week, at a cost of 40 million euros. Hotels fear a quiet season.';
    const second =
      'Hotels along the coast reported that tourists booked later than usual. Dredging works on the northern ' +
      'channel, which will cost 40 million euros, were approved by councillors last week. Ferry timetables will change.';
    assert.equal(reuse(first, second).partial, false);
  });

  it('reads how well the passage matches the same whichever text is a', () => {
    for (const feature of ['similarWords', 'matchedWeight', 'reworded'] as const) {
      assert.equal(evidenceOf(feature, source, host), evidenceOf(feature, host, source));
    }
    // The planted sentence matches fully: its similarity times the log of its unquoted words.
    assert.ok(evidenceOf('similarWords', source, host) > 0.9 * evidenceOf('unquotedWords', source, host));
    assert.equal(evidenceOf('reworded', source, host), 0);
    // Rarer words carried over weigh more: the same sentence with its figures and names kept
    // than one of common words as long.
    const plain =
      'The office said on Monday that work on the road would start soon and cost a lot more than it did.';
    const common = evidenceOf('matchedWeight', source.replace(planted, plain), host.replace(planted, plain));
    assert.ok(evidenceOf('matchedWeight', source, host) > common);
  });

  it('finds nothing between texts that share no passage', () => {
    assert.equal(reuse(source, unrelated).partial, false);
  });

  it('reads how much the texts share outside the passage, whichever text is a', () => {
    const backgroundOf = (first: string, second: string) => evidenceOf('background', first, second);
    // The same host around the planted sentence shares more with a source on its own topic.
    const sameTopic = [
      planted,
      'Fishermen in the town fear the quotas will cost families who depend on the catch.',
    ].join(' ');
    assert.equal(backgroundOf(source, host), backgroundOf(host, source));
    assert.ok(backgroundOf(sameTopic, host) > backgroundOf(source, host));
  });

  it('weighs a shared quote by how little else the texts share', () => {
    const quote =
      '"We will not close the northern channel to ferries while the dredging lasts," the harbour master told reporters.';
    const quotedApartOf = (first: string, second: string) => evidenceOf('quotedApart', first, second);
    const withQuote = (text: string): string => `${text} ${quote}`;
    // The quote inside a text about something else, and inside one on the quote's own topic.
    const apart = quotedApartOf(withQuote(unrelated), withQuote(source));
    const together = quotedApartOf(withQuote(FERRY_TOPIC_A), withQuote(FERRY_TOPIC_B));
    assert.ok(apart > 0);
    assert.ok(apart > together);
    assert.equal(apart, quotedApartOf(withQuote(source), withQuote(unrelated)));
    // Reporting words outside quotes do not count: a passage without a shared quote scores 0.
    assert.equal(quotedApartOf(source, host), 0);
  });

  it('calls a quote put into a text about something else a reuse, not one shared by two reports of its topic', () => {
    const quote =
      '"We will not close the northern channel to ferries while the dredging lasts, whatever the cost to the port and its tenants," he said.';
    const elsewhere = `${unrelated} Queues formed before dawn on the first day. ${quote}`;
    assert.equal(reuse(`${source} ${quote}`, elsewhere).partial, true);
    assert.equal(reuse(`${FERRY_TOPIC_A} ${quote}`, `${FERRY_TOPIC_B} ${quote}`).partial, false);
  });
});
