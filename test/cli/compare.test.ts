import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CompareJson, JsonRange } from '../../src/report/json.js';
import {
  type CliRun,
  describeRun,
  extractDocuments,
  makeTempDir,
  parseJson,
  parseJsonLines,
  readRepoFile,
  runCli,
  SPUN,
  stderrLines,
  type TempDir,
  WIRE,
} from './run-cli.js';

/** One line of `compare --pairs FILE --json`: a result without a and b, or the line's error. */
type PairResultLine = { id: string } & Omit<CompareJson, 'a' | 'b'>;
type PairErrorLine = { id: string | null; error: string };

const NATO_WIRE = [
  'The West must engage with Russia to promote mutual interests but remain "very clear-eyed", U.S. Secretary ' +
    'of State Antony Blinken said on Wednesday, at the first cabinet-level meeting with the NATO alliance.',
  'NATO Secretary General Jens Stoltenberg called on Russia to resume dialogue through a council that has ' +
    'not met for two years, arguing that even a difficult relationship needed to be managed to reduce risks.',
].join('\n\n');

const NATO_SPUN = [
  'According to U.S. Secretary of State Antony Blinken, the West must engage with Moscow to develop mutual ' +
    'interests but remain very clear-eyed. The announcement was made at the first cabinet-level meeting with ' +
    'the NATO alliance.',
  'Jens Stoltenberg, NATO Secretary General, called on Russia to continue the dialogue through a council ' +
    'that has not met for two years. Stoltenberg announced that even a problematic relationship needed to ' +
    'be managed to reduce risks.',
].join('\n\n');

const SPORTS = [
  'Liverpool came from two goals down to beat Aston Villa 3-2 at Anfield on Saturday, with Trent ' +
    'Alexander-Arnold curling in a stoppage-time winner that sent the home crowd into raptures.',
  'The victory lifts Juergen Klopp’s side to fifth in the Premier League table, three points behind Chelsea, ' +
    'ahead of next week’s Champions League quarter-final against Real Madrid.',
].join('\n\n');

const COOKING = [
  'To make a classic risotto, warm the stock in a saucepan and keep it at a gentle simmer while you soften ' +
    'a finely chopped onion in butter over a low heat for about ten minutes.',
  'Stir in the arborio rice until every grain is glossy, add a splash of white wine, then ladle in the hot ' +
    'stock a little at a time, stirring until the rice is creamy but still has a slight bite.',
].join('\n\n');

function htmlPage(title: string, body: string): string {
  const paragraphs = body
    .split('\n\n')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
  return (
    `<!doctype html><html><head><title>${title}</title></head><body>` +
    '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>' +
    `<article><h1>${title}</h1>\n${paragraphs}\n</article>` +
    '<footer>© Copyright 2021 Example News. All rights reserved.</footer></body></html>'
  );
}

const WIRE_PAGE = htmlPage('Engage Russia, Blinken tells NATO', NATO_WIRE);
const SPUN_PAGE = htmlPage('West must engage with Moscow', NATO_SPUN);

/** True when the input range lies inside the page's <article> element. */
function insideArticle(page: string, range: JsonRange | null): boolean {
  if (range === null) return true;
  return page.indexOf('<article>') <= range[0] && range[1] <= page.indexOf('</article>');
}

function assertRange(range: JsonRange | null, length: number, label: string): void {
  if (range === null) return;
  assert.equal(range.length, 2, label);
  const [start, end] = range;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${label}: ${JSON.stringify(range)}`);
  assert.ok(0 <= start && start <= end && end <= length, `${label}: ${JSON.stringify(range)} of ${length}`);
}

describe('compare A B --json', { concurrency: true }, () => {
  it('compares the wire copy with its spun copy: keys, relation, direction a->b, passages', async () => {
    const run = await runCli(['compare', WIRE, SPUN, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const result = parseJson<CompareJson>(run.stdout);
    for (const key of ['a', 'b', 'relation', 'score', 'direction', 'confidence', 'passages', 'changes']) {
      assert.ok(key in result, `missing key ${key}: ${Object.keys(result).join(', ')}`);
    }
    assert.equal(result.a, WIRE);
    assert.equal(result.b, SPUN);
    assert.equal(result.relation, 'spun');
    assert.equal(result.direction, 'a->b');
    assert.equal(typeof result.score, 'number');
    assert.ok(result.confidence > 0.5 && result.confidence <= 1, `confidence ${result.confidence}`);
    assert.ok(Array.isArray(result.changes) && result.changes.length > 0);
    assert.ok(result.passages.length > 0);
    const lengthA = readRepoFile(WIRE).length;
    const lengthB = readRepoFile(SPUN).length;
    for (const [index, passage] of result.passages.entries()) {
      for (const key of ['a', 'b', 'kind']) assert.ok(key in passage, `passage ${index} lacks ${key}`);
      assert.equal(typeof passage.kind, 'string');
      assert.ok(passage.a !== null || passage.b !== null, `passage ${index} has neither side`);
      assertRange(passage.a, lengthA, `passage ${index} a`);
      assertRange(passage.b, lengthB, `passage ${index} b`);
    }
  });

  it('aligns story text of the two pages, not their chrome', async () => {
    const [run, documents] = await Promise.all([
      runCli(['compare', WIRE, SPUN, '--json']),
      extractDocuments([WIRE, SPUN]),
    ]);
    assert.equal(run.status, 0, describeRun(run));
    const result = parseJson<CompareJson>(run.stdout);
    for (const [index, passage] of result.passages.entries()) {
      for (const [side, input, range] of [
        ['a', WIRE, passage.a],
        ['b', SPUN, passage.b],
      ] as const) {
        if (range === null) continue;
        const chrome = documents
          .get(input)!
          .boilerplate.find((block) => range[0] < block.end && block.start < range[1]);
        assert.equal(chrome, undefined, `passage ${index} ${side} ${JSON.stringify(range)} overlaps chrome`);
      }
    }
  });

  it('says b->a when the copy is given first', async () => {
    const run = await runCli(['compare', SPUN, WIRE, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const result = parseJson<CompareJson>(run.stdout);
    assert.equal(result.a, SPUN);
    assert.equal(result.direction, 'b->a');
    assert.equal(result.relation, 'spun');
  });
});

describe('compare A B --html FILE', () => {
  let temp: TempDir;
  before(() => {
    temp = makeTempDir();
  });
  after(() => temp.remove());

  it('prints the readable comparison and writes a self-contained page with both texts', async () => {
    const page = `${temp.path}/pair.html`;
    const run = await runCli(['compare', WIRE, SPUN, '--html', page]);
    assert.equal(run.status, 0, describeRun(run));
    assert.match(run.stdout, /spun copy/);
    const html = readFileSync(page, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    const visibleText = html.replace(/<[^>]*>/g, '');
    assert.ok(visibleText.includes('reckless and adversary actions'), 'source text in the page');
    assert.ok(visibleText.includes('reckless and rival actions'), 'copy text in the page');
    assert.doesNotMatch(html, /\s(?:src|href)=["']https?:/i);
  });

  it('refuses a report path it cannot write, naming it, with exit 2', async () => {
    const run = await runCli(['compare', WIRE, SPUN, '--html', `${temp.path}/no/such/dir/pair.html`]);
    assert.equal(run.status, 2, describeRun(run));
    assert.match(stderrLines(run)[0] ?? '', /pair\.html: cannot write output/);
  });
});

describe('compare --pairs FILE --json', { concurrency: true }, () => {
  let temp: TempDir;
  let pairsFile: string;
  let run: CliRun;
  let results: PairResultLine[];
  let errors: PairErrorLine[];

  before(async () => {
    temp = makeTempDir();
    const lines = [
      JSON.stringify({ id: 'identical-plain', a: NATO_WIRE, b: NATO_WIRE }),
      JSON.stringify({ id: 'unrelated-text', a: { text: SPORTS }, b: { text: COOKING } }),
      '{"id": "broken", "a": "an unterminated',
      JSON.stringify({
        id: 'spun-html',
        a: { html: WIRE_PAGE },
        b: { html: SPUN_PAGE },
      }),
    ];
    pairsFile = temp.write('pairs.jsonl', `${lines.join('\n')}\n`);
    run = await runCli(['compare', '--pairs', pairsFile, '--json']);
    const records = parseJsonLines<PairResultLine | PairErrorLine>(run.stdout);
    results = records.filter((record): record is PairResultLine => !('error' in record));
    errors = records.filter((record): record is PairErrorLine => 'error' in record);
  });
  after(() => temp.remove());

  it('prints a result for each good line with its id, an error line for the bad one, and exits 1', () => {
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(
      results.map((result) => result.id),
      ['identical-plain', 'unrelated-text', 'spun-html'],
    );
    assert.equal(errors.length, 1, run.stdout);
    assert.deepEqual(Object.keys(errors[0]!).sort(), ['error', 'id']);
    assert.equal(typeof errors[0]!.error, 'string');
    for (const result of results) {
      assert.equal(typeof result.relation, 'string');
      assert.equal(typeof result.score, 'number');
    }
  });

  it('names the pairs file and the bad line on stderr', () => {
    const lines = stderrLines(run);
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]!.includes(`${pairsFile}:3`), run.stderr);
  });

  it('finds identical texts identical', () => {
    const identical = results.find((result) => result.id === 'identical-plain');
    assert.equal(identical?.relation, 'identical');
  });

  it('finds a sports report and a recipe unrelated', () => {
    const unrelated = results.find((result) => result.id === 'unrelated-text');
    assert.equal(unrelated?.relation, 'unrelated', JSON.stringify(unrelated));
  });

  it('extracts {"html"} sides and finds the spun copy related', () => {
    const spun = results.find((result) => result.id === 'spun-html');
    assert.ok(spun !== undefined);
    assert.notEqual(spun.relation, 'unrelated', JSON.stringify(spun));
    assert.ok(spun.passages.length > 0, JSON.stringify(spun));
    // The nav and footer are not story text: every passage lies inside the <article>.
    for (const passage of spun.passages) {
      assert.ok(insideArticle(WIRE_PAGE, passage.a), `a ${JSON.stringify(passage.a)} outside the article`);
      assert.ok(insideArticle(SPUN_PAGE, passage.b), `b ${JSON.stringify(passage.b)} outside the article`);
    }
  });
});
