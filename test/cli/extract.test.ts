import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import {
  describeRun,
  type ExtractedDocument,
  extractDocuments,
  makeTempDir,
  parseJsonLines,
  REWRITE,
  runCli,
  SPUN,
  type TempDir,
  WIRE,
} from './run-cli.js';

const NEWS_PARAGRAPHS = [
  'Heavy rain flooded dozens of streets in the city centre on Tuesday night, forcing the council to close ' +
    'two bridges and open an emergency shelter at the town hall.',
  'The mayor said repairs to the drainage system would begin next week and urged residents to stay away ' +
    'from the river bank until the water level falls.',
].join('\n\n');

describe('extract --json', { concurrency: true }, () => {
  it('prints one JSON object per document, keeping each input exactly as given', async () => {
    const inputs = [`./${WIRE}`, SPUN, REWRITE];
    const run = await runCli(['extract', ...inputs, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const documents = parseJsonLines<ExtractedDocument>(run.stdout);
    assert.deepEqual(
      documents.map((document) => document.input),
      inputs,
    );
    for (const document of documents) {
      for (const key of ['input', 'title', 'text', 'published', 'language']) {
        assert.ok(key in document, `${document.input} lacks ${key}`);
      }
      assert.equal(document.language, 'en', document.input);
      assert.ok(document.text.length > 500, `${document.input}: text of ${document.text.length} characters`);
    }
    const wire = documents[0]!;
    assert.equal(wire.title, 'Engage Russia but remain "clear-eyed" while doing so, Blinken tells NATO');
    assert.match(wire.published ?? '', /^2021-03-24/);
    assert.ok(wire.text.startsWith('The West must engage with Russia'), wire.text.slice(0, 100));
  });

  it('leaves the page chrome out of the story texts', async () => {
    const documents = await extractDocuments([WIRE, SPUN, REWRITE]);
    const chromeByFile: ReadonlyArray<[string, readonly string[]]> = [
      [WIRE, ['TRENDING', 'Devdiscourse', 'Copyright']],
      [SPUN, ['Spreads', 'Leave a Reply']],
      [REWRITE, ['ALSO READ']],
    ];
    for (const [file, chromeWords] of chromeByFile) {
      const text = documents.get(file)?.text ?? '';
      assert.ok(text.includes('Stoltenberg'), `${file}: no story text`);
      for (const word of chromeWords)
        assert.ok(!text.includes(word), `${file}: extracted text contains “${word}”`);
    }
  });
});

describe('extract inputs', { concurrency: true }, () => {
  let temp: TempDir;

  before(async () => {
    temp = makeTempDir();
  });
  after(() => temp.remove());

  it('reads a directory recursively', async () => {
    const directory = join(temp.path, 'tree');
    mkdirSync(join(directory, 'nested', 'deeper'), { recursive: true });
    temp.write('tree/top.txt', NEWS_PARAGRAPHS);
    temp.write('tree/nested/deeper/inner.txt', NEWS_PARAGRAPHS.replace('Tuesday', 'Friday'));
    const run = await runCli(['extract', directory, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const inputs = parseJsonLines<ExtractedDocument>(run.stdout).map((document) => document.input);
    assert.deepEqual(inputs.sort(), [`${directory}/nested/deeper/inner.txt`, `${directory}/top.txt`]);
  });

  it('reads standard input for -', async () => {
    const run = await runCli(['extract', '-', '--json'], { input: NEWS_PARAGRAPHS });
    assert.equal(run.status, 0, describeRun(run));
    const documents = parseJsonLines<ExtractedDocument>(run.stdout);
    assert.equal(documents.length, 1, run.stdout);
    assert.equal(documents[0]!.input, '-');
    assert.ok(documents[0]!.text.includes('emergency shelter at the town hall'), documents[0]!.text);
  });

  it('gives the page metadata: date with its source and confidence, authors, site name, URLs', async () => {
    const head = [
      '<title>Floods close bridges | Example News</title>',
      '<meta property="og:title" content="Floods close bridges">',
      '<meta property="og:site_name" content="Example News">',
      '<meta property="article:published_time" content="2021-03-24T15:18:00Z">',
      '<meta property="article:modified_time" content="2021-03-25T09:00:00Z">',
      '<link rel="canonical" href="https://news.example/2021/03/24/floods-close-bridges">',
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}]}</script>',
    ].join('');
    const body = NEWS_PARAGRAPHS.split('\n\n')
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('');
    const file = temp.write(
      'meta.html',
      `<html lang="en"><head>${head}</head><body><article>${body}</article></body></html>`,
    );
    const run = await runCli(['extract', file, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const [document] = parseJsonLines<ExtractedDocument>(run.stdout);
    assert.ok(document !== undefined, run.stdout);
    assert.deepEqual(
      {
        published: document.published,
        publishedFrom: document.publishedFrom,
        publishedConfidence: document.publishedConfidence,
        modified: document.modified,
        byline: document.byline,
        siteName: document.siteName,
        url: document.url,
        canonicalUrl: document.canonicalUrl,
        language: document.language,
      },
      {
        published: '2021-03-24T15:18:00Z',
        publishedFrom: 'meta',
        publishedConfidence: 0.88,
        modified: '2021-03-25T09:00:00Z',
        byline: 'Ann Lee and Bo Chen',
        siteName: 'Example News',
        url: 'https://news.example/2021/03/24/floods-close-bridges',
        canonicalUrl: 'https://news.example/2021/03/24/floods-close-bridges',
        language: 'en',
      },
    );

    const terminal = await runCli(['extract', file]);
    assert.equal(terminal.status, 0, describeRun(terminal));
    assert.ok(
      terminal.stdout.includes('(2021-03-24T15:18:00Z · Ann Lee and Bo Chen · Example News · en)'),
      terminal.stdout,
    );
    assert.ok(
      terminal.stdout.includes('\nhttps://news.example/2021/03/24/floods-close-bridges\n'),
      terminal.stdout,
    );
  });

  it('gives the header apart from the story with --header, in JSON and on the terminal', async () => {
    const body = NEWS_PARAGRAPHS.split('\n\n')
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('');
    const content = `<html><head><title>Floods close two bridges | Example News</title></head><body><article><h1>Floods close two bridges</h1><p class="byline">By Ann Lee</p>${body}</article></body></html>`;
    const file = temp.write('header.html', content);
    const run = await runCli(['extract', file, '--json', '--header']);
    assert.equal(run.status, 0, describeRun(run));
    const [document] = parseJsonLines<
      ExtractedDocument & { header?: Array<{ kind: string; start: number; end: number }> }
    >(run.stdout);
    assert.deepEqual(
      document?.header?.map((line) => [line.kind, content.slice(line.start, line.end)]),
      [
        ['headline', 'Floods close two bridges'],
        ['byline', 'By Ann Lee'],
      ],
    );
    assert.ok(!document?.text.includes('By Ann Lee'), 'the header stays out of the story');
    const without = parseJsonLines<ExtractedDocument>((await runCli(['extract', file, '--json'])).stdout);
    assert.ok(!('header' in without[0]!), 'no header unless asked for');
    const terminal = await runCli(['extract', file, '--header']);
    assert.ok(
      terminal.stdout.includes('-- header\nheadline: Floods close two bridges\nbyline: By Ann Lee\n'),
      terminal.stdout,
    );
  });

  it('decodes a Windows-1252 text file', async () => {
    const text =
      'The new café – “quoted” in the guide as the best in town – opened on Monday.\n\n' +
      'Its owner said the menu’s crème brûlée costs €6 and that the “soirée” menu starts at 7 p.m.';
    const file = temp.write('cp1252.txt', iconv.encode(text, 'windows-1252'));
    const run = await runCli(['extract', file, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const [document] = parseJsonLines<ExtractedDocument>(run.stdout);
    assert.ok(document !== undefined, run.stdout);
    assert.ok(document.text.includes('café – “quoted”'), `decoded as ${document.encoding}: ${document.text}`);
    assert.ok(document.text.includes('crème brûlée costs €6'), document.text);
    assert.ok(!document.text.includes('\uFFFD'), document.text);
  });
});
