import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import type { Article } from '../../src/model/article.js';
import { traceArticles } from '../../src/pipeline/trace.js';
import { traceToJson } from '../../src/report/json.js';
import { articleFromText } from '../../src/text/plain-article.js';
import { exampleArticles } from './seeds.js';

const stages = createEngine().context();

// Made-up documents: two independent reports of one event, a lightly edited copy of one of them,
// and a text on another subject.
const FERRY_FIRST =
  'A passenger ferry ran aground off the island of Kessa on Sunday evening, and all 212 people on board were brought ashore by lifeboats, the coastguard said.\n\n' +
  'The vessel, operated by Northline, struck a sandbank in fog shortly after leaving Port Arden. Coastguard commander Ilse Varga said no one was seriously hurt.\n\n' +
  'Northline said it had suspended the route while divers inspected the hull, and that passengers would be offered refunds.';
const FERRY_SECOND =
  'Lifeboat crews rescued 212 passengers and crew from a Northline ferry stranded on a sandbank near Kessa, officials said on Monday.\n\n' +
  'Dense fog covered the strait when the ship left Port Arden, according to harbour staff. Ilse Varga, who leads the coastguard station, praised the calm of the passengers.\n\n' +
  'Investigators from the maritime safety board will examine why the ferry strayed from the marked channel.';
const FERRY_COPY = FERRY_FIRST.replace('Sunday evening', 'Sunday night')
  .replace('brought ashore', 'taken ashore')
  .replace('seriously hurt', 'badly injured');
const ORCHARD =
  'Apple growers in the valley expect a smaller harvest this autumn after a late frost damaged blossom in April.\n\n' +
  'The growers association said yields could fall by a third, and that some farms would switch to later-flowering varieties.';

function documents(): Article[] {
  return [
    ...exampleArticles(),
    articleFromText('ferry-first.txt', FERRY_FIRST),
    articleFromText('ferry-second.txt', FERRY_SECOND),
    articleFromText('ferry-copy.txt', FERRY_COPY),
    articleFromText('orchard.txt', ORCHARD),
  ];
}

function traceJson(articles: readonly Article[]): string {
  return JSON.stringify(traceToJson(traceArticles(articles, stages)));
}

describe('trace in any input order', () => {
  const articles = documents();
  const expected = traceJson(articles);

  it('gives the same JSON, byte for byte, for every permutation of its inputs', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(articles, { minLength: articles.length }), (shuffled) => {
        assert.equal(traceJson(shuffled), expected);
      }),
      { numRuns: 4, seed: 20260324 },
    );
  });

  it('takes an input given twice for one document, never an edge to itself', () => {
    const twice = traceToJson(traceArticles([...articles, articles[1]!, articles[4]!], stages));
    assert.equal(JSON.stringify(twice), expected);
    for (const story of twice.stories) {
      for (const edge of story.edges) assert.notEqual(edge.source, edge.copy);
    }
  });

  it('keeps the example story apart from the made-up event, and the unrelated text out of both', () => {
    const result = JSON.parse(expected) as ReturnType<typeof traceToJson>;
    assert.deepEqual(
      result.stories[0]!.documents.map((input) => input.slice(0, 3)),
      ['000', '001', '002'],
    );
    assert.match(result.stories[0]!.root ?? '', /^001_/);
    const ferry = result.stories[1]!;
    assert.deepEqual(ferry.documents.slice(0, 2), ['ferry-copy.txt', 'ferry-first.txt']);
    assert.equal(result.stories.length, 2);
    assert.ok(result.unrelated.includes('orchard.txt'));
  });
});
