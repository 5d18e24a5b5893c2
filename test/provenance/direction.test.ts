import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignArticles } from '../../src/align/align.js';
import { swapAlignment } from '../../src/align/swap.js';
import { createEngine } from '../../src/engine/engine.js';
import { comparePair } from '../../src/pipeline/compare.js';
import { directionEvidence, sentenceLayout } from '../../src/provenance/direction.js';
import { largestReuse } from '../../src/provenance/insertion.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';
import { exampleArticles } from '../pipeline/seeds.js';

const stages = createEngine().context();

const wire =
  'The city council approved a plan on Monday to turn the disused railway yard into a public park with playing fields and a cycle track.\n\n' +
  'The project will cost about 14 million euros and should open in the spring of 2027, the deputy mayor told a news conference after the vote.\n\n' +
  'Residents had campaigned for a decade to stop the site being sold to developers, collecting more than 20,000 signatures.';

const roundup = [
  'Heavy snow closed the mountain passes for a second day, and the weather service warned drivers to stay off the northern roads until Thursday.',
  'Ski resorts said the early snowfall would let them open two weeks ahead of schedule, a relief after three poor seasons.',
  wire,
  'In football, the local club sacked its coach after a run of six defeats that left the team at the bottom of the league table.',
  'The club chairman said a successor would be named before the next home game against the league leaders on Saturday.',
].join('\n\n');

describe('direction of derived pairs', () => {
  it('takes a wire story embedded in a longer roundup as the source, whichever text is named first', () => {
    const story = analyseArticle(articleFromText('wire', wire));
    const digest = analyseArticle(articleFromText('roundup', roundup));
    const forward = comparePair(story, digest, stages);
    const backward = comparePair(digest, story, stages);
    assert.equal(forward.direction.direction, 'a->b');
    assert.equal(backward.direction.direction, 'b->a');
  });

  it('lets a wire credit vote on whole copies only: a credit heading a roundup says nothing of a passage put into it', () => {
    const credited = (text: string): string => `LONDON (Reuters) - ${text}`;
    const story = analyseArticle(articleFromText('wire', wire));
    const digest = analyseArticle(articleFromText('roundup', credited(roundup)));
    const partial = comparePair(story, digest, stages);
    assert.ok(partial.direction.signals.every((signal) => signal.name !== 'wire-credit'));
    const copy = analyseArticle(articleFromText('copy', credited(wire)));
    const whole = comparePair(story, copy, stages);
    assert.ok(whole.direction.signals.some((signal) => signal.name === 'wire-credit'));
  });

  it('has antisymmetric evidence: naming the texts the other way round negates every feature', () => {
    const [spun, source] = exampleArticles().map((article) => analyseArticle(article));
    const alignment = alignArticles(source!, spun!, stages.lexicon);
    const passage = largestReuse(alignment.passages)!;
    const forward = directionEvidence(source!, spun!, alignment, passage, stages.lexicon);
    const mirrored = { sentencesA: passage.sentencesB, sentencesB: passage.sentencesA };
    const backward = directionEvidence(spun!, source!, swapAlignment(alignment), mirrored, stages.lexicon);
    for (const [index, value] of forward.entries()) {
      assert.ok(Math.abs(value + backward[index]!) < 1e-9, `feature ${index}`);
    }
  });

  it('reads a summary that merges source sentences as drawing on more sentences of its source, and a sentence-by-sentence copy as even', () => {
    const source = analyseArticle(articleFromText('source', longSource));
    const summary = analyseArticle(articleFromText('summary', merged));
    const alignment = alignArticles(source, summary, stages.lexicon);
    assert.ok(sentenceFanIn(alignment) > 0.3, `fan-in ${sentenceFanIn(alignment)}`);
    assert.ok(Math.abs(sentenceFanIn(alignment) + sentenceFanIn(swapAlignment(alignment))) < 1e-12);
    const copy = analyseArticle(articleFromText('copy', longSource));
    assert.equal(sentenceFanIn(alignArticles(source, copy, stages.lexicon)), 0);
  });
});

describe('sentence skipping', () => {
  it('reads the text whose aligned sentences leave gaps as the source, and a whole copy as even', () => {
    const source = analyseArticle(articleFromText('source', longSource));
    const picked = analyseArticle(articleFromText('picked', everyOther));
    const alignment = alignArticles(source, picked, stages.lexicon);
    // Sentences 0, 2 and 4 of six: three of the five from the first to the last, all three of the copy.
    assert.ok(Math.abs(sentenceSkipping(alignment) - 0.4) < 1e-9, `skipping ${sentenceSkipping(alignment)}`);
    assert.ok(Math.abs(sentenceSkipping(swapAlignment(alignment)) + 0.4) < 1e-9);
    const copy = analyseArticle(articleFromText('copy', longSource));
    assert.equal(sentenceSkipping(alignArticles(source, copy, stages.lexicon)), 0);
  });
});

type Aligned = Parameters<typeof sentenceLayout>[0];
const sentenceFanIn = (alignment: Aligned) => sentenceLayout(alignment)[0];
const sentenceSkipping = (alignment: Aligned) => sentenceLayout(alignment)[1];

const everyOther = [
  'The observatory was built on the top of the extinct volcano in 1968.',
  'Astronomers from eleven nations share the observing time on the telescope.',
  'The thin dry air above the summit makes the place one of the best in the world.',
].join(' ');

const longSource = [
  'The observatory was built on the summit of the extinct volcano in 1968.',
  'Its main telescope has a mirror four metres across, ground by hand over three years.',
  'Astronomers from eleven countries share the observing time on the telescope.',
  'They apply each spring, and a panel ranks the proposals by scientific merit.',
  'The thin dry air above the summit makes the site one of the best in the world.',
  'Clear skies allow observations on more than three hundred nights a year.',
].join(' ');

const merged = [
  'The observatory on the extinct volcano dates from 1968, and its telescope mirror, four metres across, was ground by hand over three years.',
  'Astronomers from eleven countries share its time, applying each spring to a panel that ranks proposals by merit.',
  'Thin dry air and more than three hundred clear nights a year make the summit one of the best sites in the world.',
].join(' ');
