import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TraceJson } from '../../src/report/json.js';
import { homePage, loginPage } from '../extract/page-kinds.js';
import {
  describeRun,
  type ExtractedDocument,
  junkBytes,
  makeTempDir,
  parseJson,
  parseJsonLines,
  runCli,
  SPUN,
  stderrLines,
  type TempDir,
  WIRE,
} from './run-cli.js';

describe('bad input', { concurrency: true }, () => {
  let temp: TempDir;
  let junkFile: string;

  before(async () => {
    temp = makeTempDir();
    junkFile = temp.write('junk.bin', junkBytes(4096));
  });
  after(() => temp.remove());

  it('reports a missing file on one stderr line and exits 1', async () => {
    const missing = `${temp.path}/no-such-story.txt`;
    const run = await runCli(['extract', missing]);
    assert.equal(run.status, 1, describeRun(run));
    assert.equal(stderrLines(run).length, 1, run.stderr);
    assert.ok(run.stderr.includes(missing), run.stderr);
  });

  it('refuses a URL with a message saying pages are not fetched', async () => {
    const run = await runCli(['extract', 'https://example.com/story.html']);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(stderrLines(run), [
      'wiretrace: https://example.com/story.html: URLs are not fetched; save the page and give its file',
    ]);
  });

  it('reports an empty file and exits 1', async () => {
    const empty = temp.write('empty.txt', '');
    const run = await runCli(['extract', empty]);
    assert.equal(run.status, 1, describeRun(run));
    assert.equal(stderrLines(run).length, 1, run.stderr);
    assert.ok(run.stderr.includes(empty), run.stderr);
  });

  it('reports a binary file and exits 1', async () => {
    const run = await runCli(['extract', junkFile]);
    assert.equal(run.status, 1, describeRun(run));
    assert.equal(stderrLines(run).length, 1, run.stderr);
    assert.ok(run.stderr.includes(junkFile), run.stderr);
    assert.equal(run.stdout, '');
  });

  it('still traces the good documents of a batch with a binary file in it, and exits 1', async () => {
    const run = await runCli(['trace', WIRE, junkFile, SPUN, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    const trace = parseJson<TraceJson>(run.stdout);
    // Listed by name, whatever the order given.
    assert.deepEqual(
      trace.documents.map((document) => document.input),
      [SPUN, WIRE],
    );
    assert.equal(trace.stories.length, 1);
    assert.equal(trace.stories[0]!.root, WIRE);
    const lines = stderrLines(run);
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]!.includes(junkFile), run.stderr);
  });

  it('still reads the other records of a JSON Lines file with a malformed line', async () => {
    const records = [
      JSON.stringify({
        id: 'first',
        title: 'Floods close bridges',
        text: 'Heavy rain flooded the city centre.',
      }),
      '{"id": "second", "text": ',
      JSON.stringify({ id: 'third', html: '<html><body><p>The mayor promised repairs.</p></body></html>' }),
    ];
    const file = temp.write('records.jsonl', `${records.join('\n')}\n`);
    const run = await runCli(['extract', file, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    const documents = parseJsonLines<ExtractedDocument>(run.stdout);
    assert.deepEqual(
      documents.map((document) => document.input),
      [`${file}#first`, `${file}#third`],
    );
    assert.ok(documents[1]!.text.includes('The mayor promised repairs.'), documents[1]!.text);
    const lines = stderrLines(run);
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]!.includes(file), run.stderr);
    assert.match(lines[0]!, /\bline 2\b|:2\b/, 'the message does not give the bad line');
  });

  it('reports each page without a story on one line and still extracts the rest of the batch', async () => {
    const home = temp.write('index.html', homePage());
    const login = temp.write('login.html', loginPage());
    const run = await runCli(['extract', home, WIRE, login, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(
      parseJsonLines<ExtractedDocument>(run.stdout).map((document) => document.input),
      [WIRE],
    );
    const lines = stderrLines(run);
    assert.equal(lines.length, 2, run.stderr);
    assert.match(
      lines[0]!,
      new RegExp(`^wiretrace: ${home}: no article found \\(a list of 12 short teasers[^)]*\\)$`),
    );
    assert.match(
      lines[1]!,
      new RegExp(`^wiretrace: ${login}: no article found \\(too little prose: [^)]*\\)$`),
    );
  });
});
