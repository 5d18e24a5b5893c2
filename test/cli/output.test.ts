/**
 * Output formats, output files and progress: --format text|json|jsonl|csv, -o FILE, --html and
 * --changes-csv written through a temporary file (an interrupted write leaves the previous file),
 * output paths checked before any input is read, progress only on a terminal, and extract's
 * JSON Lines read back by trace under the same names.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { OutputFileSystem } from '../../src/cli/atomic-file.js';
import type { CompareJson, TraceJson } from '../../src/report/json.js';
import {
  describeRun,
  EXAMPLE_FILES,
  type ExtractedDocument,
  makeTempDir,
  parseJson,
  parseJsonLines,
  REWRITE,
  runCli,
  SPUN,
  spawnCli,
  stderrLines,
  type TempDir,
  WIRE,
} from './run-cli.js';

function csvRows(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true }) as Array<Record<string, string>>;
}

let temp: TempDir;
let traced: TraceJson;

before(async () => {
  temp = makeTempDir();
  const run = await runCli(['trace', ...EXAMPLE_FILES, '--json']);
  assert.equal(run.status, 0, describeRun(run));
  traced = parseJson<TraceJson>(run.stdout);
});
after(() => temp.remove());

describe('--format', { concurrency: true }, () => {
  it('trace --format csv writes one row per edge, --changes-csv one row per change', async () => {
    const changesPath = join(temp.path, 'changes.csv');
    const run = await runCli(['trace', ...EXAMPLE_FILES, '--format', 'csv', '--changes-csv', changesPath]);
    assert.equal(run.status, 0, describeRun(run));
    const edges = traced.stories.flatMap((story) => story.edges);
    const rows = csvRows(run.stdout);
    assert.deepEqual(
      rows.map((row) => [row.story, row.source, row.copy, row.relation, Number(row.changes)]),
      edges.map((edge) => ['story-1', edge.source, edge.copy, edge.relation, edge.changes.length]),
    );
    const changes = csvRows(readFileSync(changesPath, 'utf8'));
    const expected = edges.flatMap((edge) => edge.changes.map((change) => ({ edge, change })));
    assert.equal(changes.length, expected.length);
    for (const [index, { edge, change }] of expected.entries()) {
      const row = changes[index]!;
      assert.deepEqual(
        [row.source, row.copy, row.type, row.note, row.copyText, row.copyStart],
        [
          edge.source,
          edge.copy,
          change.type,
          change.note,
          change.copy?.text ?? '',
          String(change.copy?.start ?? ''),
        ],
      );
    }
  });

  it('trace --format jsonl writes one line per story, then one per document with its story', async () => {
    const run = await runCli(['trace', ...EXAMPLE_FILES, '--format', 'jsonl']);
    assert.equal(run.status, 0, describeRun(run));
    const lines = parseJsonLines<{ type: string; id?: string; input?: string; story?: string | null }>(
      run.stdout,
    );
    assert.deepEqual(
      lines.map((line) => [line.type, line.id ?? line.input, line.story ?? null]),
      [['story', 'story-1', null], ...EXAMPLE_FILES.map((file) => ['document', file, 'story-1'])],
    );
  });

  it('extract --format csv quotes texts with commas, quotes and newlines', async () => {
    const run = await runCli(['extract', WIRE, SPUN, '--format', 'csv']);
    assert.equal(run.status, 0, describeRun(run));
    const jsonl = parseJsonLines<ExtractedDocument>((await runCli(['extract', WIRE, SPUN, '--json'])).stdout);
    const rows = csvRows(run.stdout);
    assert.deepEqual(
      rows.map((row) => [row.input, row.title, row.text]),
      jsonl.map((document) => [document.input, document.title ?? '', document.text]),
    );
  });

  it('extract --format json writes one array of the --json objects', async () => {
    const [array, lines] = await Promise.all([
      runCli(['extract', WIRE, SPUN, '--format', 'json']),
      runCli(['extract', WIRE, SPUN, '--json']),
    ]);
    assert.deepEqual(
      parseJson<ExtractedDocument[]>(array.stdout),
      parseJsonLines<ExtractedDocument>(lines.stdout),
    );
    const none = await runCli(['extract', join(temp.path, 'missing.txt'), '--format', 'json']);
    assert.deepEqual(parseJson<unknown[]>(none.stdout), []);
  });

  it('compare --format csv writes the header and one row', async () => {
    const [csv, json] = await Promise.all([
      runCli(['compare', WIRE, REWRITE, '--format', 'csv']),
      runCli(['compare', WIRE, REWRITE, '--json']),
    ]);
    const expected = parseJson<CompareJson>(json.stdout);
    assert.deepEqual(csvRows(csv.stdout), [
      {
        a: WIRE,
        b: REWRITE,
        relation: expected.relation,
        score: String(expected.score),
        direction: expected.direction ?? '',
        confidence: String(expected.confidence),
        passages: String(expected.passages.length),
        changes: String(expected.changes.length),
      },
    ]);
  });

  it('compare --pairs writes csv rows and a json array, a bad line included', async () => {
    const pairs = temp.write(
      'pairs.jsonl',
      [
        JSON.stringify({
          id: 'p1',
          a: 'Floods closed three bridges on Monday.',
          b: 'Floods shut three bridges on Monday.',
        }),
        '{"id": "p2", "a": ',
      ].join('\n'),
    );
    const [csv, json] = await Promise.all([
      runCli(['compare', '--pairs', pairs, '--format', 'csv']),
      runCli(['compare', '--pairs', pairs, '--format', 'json']),
    ]);
    assert.equal(csv.status, 1, describeRun(csv));
    assert.deepEqual(
      csvRows(csv.stdout).map((row) => [row.id, row.error === '' ? 'ok' : 'error']),
      [
        ['p1', 'ok'],
        ['', 'error'],
      ],
    );
    const results = parseJson<Array<{ id: string | null; relation?: string; error?: string }>>(json.stdout);
    assert.deepEqual(
      results.map((result) => [result.id, result.error === undefined]),
      [
        ['p1', true],
        [null, false],
      ],
    );
  });

  it('refuses an unknown format and --json with csv, exit 2', async () => {
    for (const args of [
      ['trace', WIRE, '--format', 'xml'],
      ['extract', WIRE, '--json', '--format', 'csv'],
    ]) {
      const run = await runCli(args);
      assert.equal(run.status, 2, describeRun(run));
      assert.equal(stderrLines(run).length, 1, run.stderr);
    }
  });
});

/** A standard input that records whether anything tried to read it. */
function watchedStdin(): { stream: Readable; wasRead: () => boolean } {
  let read = false;
  const stream = new Readable({
    read() {
      read = true;
      this.push(null);
    },
  });
  return { stream, wasRead: () => read };
}

describe('output files', { concurrency: true }, () => {
  it('-o writes the results to a file, nothing to stdout, and leaves no temporary file', async () => {
    const folder = join(temp.path, 'out-plain');
    mkdirSync(folder);
    const path = join(folder, 'trace.json');
    writeFileSync(path, 'previous report');
    const run = await runCli(['trace', ...EXAMPLE_FILES, '--json', '-o', path]);
    assert.equal(run.status, 0, describeRun(run));
    assert.equal(run.stdout, '');
    assert.deepEqual(parseJson<TraceJson>(readFileSync(path, 'utf8')), traced);
    assert.deepEqual(readdirSync(folder), ['trace.json']);
  });

  it('checks every output path before reading any input: exit 2, one line', async () => {
    const cases = [
      ['-o', join(temp.path, 'no', 'such', 'dir', 'out.json')],
      ['--html', join(temp.path, 'no-dir', 'report.html')],
      ['--changes-csv', temp.path],
    ];
    for (const option of cases) {
      const stdin = watchedStdin();
      const run = await runCli(['trace', '-', ...option], { input: stdin.stream });
      assert.equal(run.status, 2, describeRun(run));
      assert.equal(stderrLines(run).length, 1, run.stderr);
      assert.ok(run.stderr.includes(option[1]!), run.stderr);
      assert.equal(stdin.wasRead(), false, `${option[0]}: the input was read before the output was checked`);
    }
  });

  it('a write that fails half-way leaves the previous file intact and no temporary file', async () => {
    const folder = join(temp.path, 'out-failing');
    mkdirSync(folder);
    const path = join(folder, 'report.html');
    writeFileSync(path, 'previous report');
    // The disk fills up after the first piece of the report is written.
    let writes = 0;
    const failing: OutputFileSystem = {
      ...fs,
      writeSync(fd, text) {
        writes++;
        if (writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fs.writeSync(fd, text.slice(0, 100));
      },
    };
    const run = await runCli(
      ['compare', WIRE, SPUN, '--html', path, '--format', 'csv', '-o', join(folder, 'out.csv')],
      {
        io: { fileSystem: failing },
      },
    );
    assert.equal(run.status, 2, describeRun(run));
    assert.deepEqual(stderrLines(run), [
      `wiretrace: ${join(folder, 'report.html')}: cannot write output (no space left on device)`,
    ]);
    assert.equal(readFileSync(path, 'utf8'), 'previous report');
    assert.deepEqual(readdirSync(folder), ['report.html']);
  });

  it('a run killed while writing leaves the previous --html report or the complete new one, never a cut one', async () => {
    const folder = join(temp.path, 'out-killed');
    mkdirSync(folder);
    const path = join(folder, 'report.html');
    writeFileSync(path, 'previous report');
    const child = spawnCli(['trace', ...EXAMPLE_FILES, '--html', path], { killAfterMs: 1500 });
    const run = await child;
    const content = readFileSync(path, 'utf8');
    assert.ok(
      content === 'previous report' || content.trimEnd().endsWith('</html>'),
      `${describeRun(run)}\n${content.slice(-200)}`,
    );
    // A SIGKILL leaves at most a hidden temporary file beside it, never a partial report in its place.
    assert.ok(
      readdirSync(folder).every((name) => name === 'report.html' || name.startsWith('.report.html.')),
    );
  });

  it('-o - and -o /dev/null write to the stream, never replacing the device', async () => {
    const run = await runCli(['compare', WIRE, SPUN, '--json', '-o', '-']);
    assert.equal(parseJson<CompareJson>(run.stdout).a, WIRE);
    const devNull = await runCli(['compare', WIRE, SPUN, '--json', '-o', '/dev/null']);
    assert.equal(devNull.status, 0, describeRun(devNull));
    assert.ok(fs.statSync('/dev/null').isCharacterDevice());
  });
});

describe('extract --json read back by trace', { concurrency: true }, () => {
  it('traces extract --json output (a file or standard input) under the same names, with the same result', async () => {
    const extracted = await runCli(['extract', ...EXAMPLE_FILES, '--json']);
    assert.equal(extracted.status, 0, describeRun(extracted));
    const file = temp.write('extracted.jsonl', extracted.stdout);
    const [fromFile, fromStdin] = await Promise.all([
      runCli(['trace', file, '--json']),
      runCli(['trace', '-', '--json'], { input: extracted.stdout }),
    ]);
    for (const run of [fromFile, fromStdin]) {
      assert.equal(run.status, 0, describeRun(run));
      const trace = parseJson<TraceJson>(run.stdout);
      assert.deepEqual(
        trace.documents.map((document) => document.input),
        [...EXAMPLE_FILES],
      );
      assert.deepEqual(
        trace.stories.map((story) => [
          story.root,
          story.edges.map((edge) => [edge.source, edge.copy, edge.relation]),
        ]),
        traced.stories.map((story) => [
          story.root,
          story.edges.map((edge) => [edge.source, edge.copy, edge.relation]),
        ]),
      );
      assert.deepEqual(
        trace.documents.map((document) => [document.title, document.url]),
        traced.documents.map((document) => [document.title, document.url]),
      );
    }
  });
});

describe('progress', { concurrency: true }, () => {
  it('is shown on stderr only when it is a terminal, and never with --quiet', async () => {
    const [terminal, quiet, piped] = await Promise.all([
      runCli(['trace', ...EXAMPLE_FILES, '--json'], { io: { errIsTTY: true } }),
      runCli(['trace', ...EXAMPLE_FILES, '--json', '--quiet'], { io: { errIsTTY: true } }),
      runCli(['trace', ...EXAMPLE_FILES, '--json']),
    ]);
    assert.match(terminal.stderr, /read 1 document/);
    // The line is cleared before the results: nothing of it remains on screen.
    assert.ok(terminal.stderr.endsWith('\r\u001b[K'), JSON.stringify(terminal.stderr));
    assert.deepEqual(parseJson<TraceJson>(terminal.stdout), traced);
    assert.equal(quiet.stderr, '');
    assert.equal(piped.stderr, '');
  });
});

describe('the binary', { concurrency: true }, () => {
  it('runs compare, writing -o through a temporary file', async () => {
    const path = join(temp.path, 'bin-compare.json');
    const run = await spawnCli(['compare', WIRE, SPUN, '--json', '-o', path]);
    assert.equal(run.status, 0, describeRun(run));
    assert.equal(parseJson<CompareJson>(readFileSync(path, 'utf8')).b, SPUN);
    assert.ok(existsSync(path));
  });
});
