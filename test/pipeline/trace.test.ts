import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/engine/engine.js';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';
import { comparePair } from '../../src/pipeline/compare.js';
import { traceArticles } from '../../src/pipeline/trace.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';
import { exampleArticles } from './seeds.js';

const stages = createEngine().context();

describe('tracing the example story', () => {
  const result = traceArticles(exampleArticles(), stages);

  it('finds one story of three documents rooted at the wire copy', () => {
    assert.equal(result.stories.length, 1);
    const story = result.stories[0]!;
    assert.equal(story.documents.length, 3);
    assert.match(story.root ?? '', /^001_/);
  });

  it('calls the content-farm copy spun and the translated one a rewrite, both copied from the wire copy', () => {
    const edges = result.stories[0]!.edges.map((edge) => [
      edge.source.slice(0, 3),
      edge.copy.slice(0, 3),
      edge.result.relation,
    ]);
    assert.deepEqual(edges, [
      ['001', '000', 'spun'],
      ['001', '002', 'rewrite'],
    ]);
  });

  it('is deterministic', () => {
    const again = traceArticles(exampleArticles(), stages);
    assert.deepEqual(
      again.stories.map((story) =>
        story.edges.map((edge) => [edge.copy, edge.result.score, edge.result.changes.length]),
      ),
      result.stories.map((story) =>
        story.edges.map((edge) => [edge.copy, edge.result.score, edge.result.changes.length]),
      ),
    );
  });
});

describe('relations of simple pairs', () => {
  const compare = (left: string, right: string) =>
    comparePair(
      analyseArticle(articleFromText('a', left)),
      analyseArticle(articleFromText('b', right)),
      stages,
    );
  const story =
    'The central bank raised its main interest rate by half a point on Thursday, the largest increase in two decades. ' +
    'Officials said inflation had proved more stubborn than expected and warned that further rises were likely. ' +
    'Markets fell sharply after the announcement, with bank shares leading the decline.';

  it('sees identical texts whatever their whitespace and quote style', () => {
    assert.equal(compare(story, `  ${story.replace(/ /g, '  ')}\n`).relation, 'identical');
  });

  it('sees a trimmed verbatim copy as a copy of the longer text, which is its source', () => {
    const trimmed = story.split('. ').slice(0, 2).join('. ');
    const result = compare(story, trimmed);
    assert.equal(result.relation, 'copy');
    assert.equal(result.direction.direction, 'a->b');
  });

  it('sees two independent reports of one event, sharing a quote and names, as the same story', () => {
    const reportA =
      'Flooding forced thousands of residents from their homes in northern Italy on Tuesday after days of torrential rain swelled rivers across the Emilia-Romagna region.\n\n' +
      'Regional president Stefano Bonaccini said at least 13 people had died. "We are facing a disaster of historic proportions," Bonaccini told reporters in Bologna.\n\n' +
      'Rescue teams used helicopters and boats to reach people trapped on rooftops, while the army was deployed to help clear roads blocked by landslides.';
    const reportB =
      'Italian authorities evacuated entire towns in Emilia-Romagna as rivers burst their banks following a week of heavy downpours, officials said.\n\n' +
      'The death toll rose to 13, according to Stefano Bonaccini, who heads the region. "We are facing a disaster of historic proportions," he said, urging people to stay indoors.\n\n' +
      'Farmers warned that crops across the fertile plain had been destroyed, and Prime Minister Giorgia Meloni said the government would declare a state of emergency.';
    assert.equal(compare(reportA, reportB).relation, 'same-story');
  });

  it("does not take a long jumble of a story's words for a copy of it", () => {
    const wire = exampleArticles()[1]!;
    // The whole page's words, chrome included: a vocabulary wide enough to share most word pairs by chance.
    const words = wire.content.split(/\s+/);
    let seed = 7;
    const jumble: string[] = [];
    for (let index = 0; index < 40_000; index++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      jumble.push(words[seed % words.length]!);
    }
    const result = comparePair(
      analyseArticle(articleFromText('jumble', jumble.join(' '))),
      analyseArticle(wire),
      stages,
      { changes: false },
    );
    assert.ok(result.relation === 'same-story' || result.relation === 'unrelated', result.relation);
  });

  it('sees texts on different subjects as unrelated', () => {
    const recipe =
      'Whisk the eggs with the sugar until pale, then fold in the flour and the melted butter. ' +
      'Bake the sponge for twenty minutes and leave it to cool on a rack before icing.';
    assert.equal(compare(story, recipe).relation, 'unrelated');
  });
});

describe('published dates', () => {
  it('decide the direction over the text evidence, with a confidence short of certainty', () => {
    const [spin, wire] = exampleArticles();
    // As if the spin had been published first: the dates must win over its reported speech and typos.
    const datedSpin = { ...spin!, published: '2021-03-24T08:00:00Z' };
    const datedWire = { ...wire!, published: '2021-03-25T10:00:00Z' };
    const result = comparePair(analyseArticle(datedWire), analyseArticle(datedSpin), stages);
    assert.equal(result.direction.direction, 'b->a');
    assert.ok(result.direction.confidence < 1);
    assert.equal(result.direction.signals[0]!.name, 'published-date');
  });

  it('compare by day however a JSON Lines record words them', () => {
    const [spin, wire] = exampleArticles();
    const dated = (article: Article, published: string) =>
      analyseArticle(
        extractArticle({
          input: article.input,
          format: 'text',
          content: article.content,
          encoding: 'utf-8',
          meta: { published },
        }),
      );
    // The spin, stated first, is taken for the source: the dates outvote the text evidence.
    const result = comparePair(dated(wire!, '2021-03-25'), dated(spin!, 'March 24, 2021'), stages);
    assert.equal(result.direction.direction, 'b->a');
    assert.equal(result.direction.signals[0]!.name, 'published-date');
  });

  it('are ignored when not in ISO 8601, rather than compared as strings', () => {
    const [spin, wire] = exampleArticles();
    const result = comparePair(
      analyseArticle({ ...wire!, published: '2021-03-25' }),
      analyseArticle({ ...spin!, published: 'March 24, 2021' }),
      stages,
    );
    assert.ok(!result.direction.signals.some((signal) => signal.name === 'published-date'));
  });

  it('are ignored when they lie in the future', () => {
    const [spin, wire] = exampleArticles();
    const result = comparePair(
      analyseArticle({ ...wire!, published: '2999-01-01' }),
      analyseArticle({ ...spin!, published: '2021-03-24' }),
      stages,
    );
    assert.equal(result.direction.direction, 'a->b');
    assert.ok(!result.direction.signals.some((signal) => signal.name === 'published-date'));
  });
  it('do not order a bare date and a time on the same day', () => {
    const [spin, wire] = exampleArticles();
    const result = comparePair(
      analyseArticle({ ...wire!, published: '2021-03-24' }),
      analyseArticle({ ...spin!, published: '2021-03-24T20:48:00+05:30' }),
      stages,
    );
    assert.ok(!result.direction.signals.some((signal) => signal.name === 'published-date'));
  });

  it('vote at half strength when a date is only weakly attested (read off a URL)', () => {
    const [spin, wire] = exampleArticles();
    const vote = (confidence: number) =>
      comparePair(
        analyseArticle({ ...wire!, published: '2021-03-24', publishedConfidence: confidence }),
        analyseArticle({ ...spin!, published: '2021-03-26', publishedConfidence: 0.9 }),
        stages,
      ).direction.signals.find((signal) => signal.name === 'published-date')!.vote;
    assert.ok(vote(0.9) > 0);
    assert.equal(vote(0.4), vote(0.9) / 2);
  });
});

describe('comparing in either order', () => {
  it('gives the same relation and score, and the opposite direction', () => {
    const analysed = exampleArticles().map((article) => analyseArticle(article));
    for (const [i, j] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ] as const) {
      const forward = comparePair(analysed[i]!, analysed[j]!, stages, { changes: false });
      const backward = comparePair(analysed[j]!, analysed[i]!, stages, { changes: false });
      assert.equal(backward.relation, forward.relation);
      assert.ok(Math.abs(backward.score - forward.score) < 0.02, `${forward.score} vs ${backward.score}`);
      const flipped = { 'a->b': 'b->a', 'b->a': 'a->b' } as const;
      const expected = forward.direction.direction === null ? null : flipped[forward.direction.direction];
      assert.equal(backward.direction.direction, expected);
    }
  });
});
