/**
 * Inputs a crawl throws at a batch: special files, unreadable entries, escape sequences and
 * newlines in names and texts, a document with one enormous sentence. Each bad input costs one
 * stderr line naming it; the rest of the batch is never lost.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ListDirectory } from '../../src/ingest/walk-directory.js';
import type { TraceJson } from '../../src/report/json.js';
import {
  describeRun,
  type ExtractedDocument,
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

const IS_ROOT = process.getuid?.() === 0;

/** Every kind of terminal control a hostile page could carry. */
const HOSTILE = {
  windowTitle: '\u001b]0;pwned\u0007',
  clearScreen: '\u001b[2J\u001b[H',
  hyperlink: '\u001b]8;;https://evil.example/\u001b\\click here\u001b]8;;\u001b\\',
  bidiOverride: '\u202e',
  bell: '\u0007',
  c1Csi: '\u009b31m',
};
const HOSTILE_TEXT = Object.values(HOSTILE).join('');

/** True when text could drive a terminal: an escape, a C0/C1 control other than newline and tab, a bidi override. */
function hasTerminalControls(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text);
}

describe('special files', { concurrency: true }, () => {
  let temp: TempDir;
  let fifo: string;
  let socketServer: Server;
  let socket: string;

  before(async () => {
    temp = makeTempDir();
    fifo = join(temp.path, 'story.fifo');
    execFileSync('mkfifo', [fifo]);
    socket = join(temp.path, 'story.sock');
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer.listen(socket, resolve));
  });
  after(async () => {
    await new Promise<void>((resolve) => socketServer.close(() => resolve()));
    temp.remove();
  });

  it('refuses a FIFO without opening it (no hang), naming it on one line, and reads the rest', async () => {
    const run = await runCli(['extract', fifo, WIRE, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(stderrLines(run), [
      `wiretrace: ${fifo}: is a FIFO (named pipe); only regular files are read`,
    ]);
    assert.deepEqual(
      parseJsonLines<ExtractedDocument>(run.stdout).map((document) => document.input),
      [WIRE],
    );
  });

  it('refuses /dev/zero and a link to it without reading a byte', async () => {
    const link = join(temp.path, 'zeros.txt');
    symlinkSync('/dev/zero', link);
    const run = await runCli(['extract', '/dev/zero', link, WIRE, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(stderrLines(run), [
      'wiretrace: /dev/zero: is a character device; only regular files are read',
      `wiretrace: ${link}: is a character device; only regular files are read`,
    ]);
  });

  it('refuses a socket', async () => {
    const run = await runCli(['extract', socket]);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(stderrLines(run), [`wiretrace: ${socket}: is a socket; only regular files are read`]);
  });

  it('refuses special files met inside a directory, one line each, and reads its regular files', async () => {
    const folder = join(temp.path, 'crawl');
    mkdirSync(folder);
    execFileSync('mkfifo', [join(folder, 'a.fifo')]);
    symlinkSync('/dev/zero', join(folder, 'b-zero.txt'));
    temp.write('crawl/c-wire.txt', readRepoFile(WIRE));
    const run = await runCli(['extract', folder, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    assert.equal(stderrLines(run).length, 2, run.stderr);
    assert.deepEqual(
      parseJsonLines<ExtractedDocument>(run.stdout).map((document) => document.input),
      [`${folder}/c-wire.txt`],
    );
  });
});

describe('unreadable entries', { concurrency: true }, () => {
  let temp: TempDir;
  let folder: string;

  before(() => {
    temp = makeTempDir();
    folder = join(temp.path, 'site');
    mkdirSync(join(folder, 'b-private'), { recursive: true });
    temp.write('site/a-wire.txt', readRepoFile(WIRE));
    temp.write('site/b-private/hidden.txt', readRepoFile(SPUN));
    temp.write('site/c-spun.txt', readRepoFile(SPUN));
    // A link that points at itself: stat fails with ELOOP, whoever runs the test.
    symlinkSync('d-loop.txt', join(folder, 'd-loop.txt'));
  });
  after(() => {
    chmodSync(join(folder, 'b-private'), 0o755);
    temp.remove();
  });

  function readDocuments(run: Awaited<ReturnType<typeof runCli>>): string[] {
    return parseJsonLines<ExtractedDocument>(run.stdout).map((document) => document.input);
  }

  it('skips a subdirectory that cannot be listed, and only it', async () => {
    // Root reads any directory whatever its mode, so the failure is injected into the listing.
    const failing: ListDirectory = async (path) => {
      const { readdir } = await import('node:fs/promises');
      if (path.endsWith('b-private'))
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return readdir(path, { withFileTypes: true });
    };
    const run = await runCli(['extract', folder, '--json'], { io: { listDirectory: failing } });
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(readDocuments(run), [`${folder}/a-wire.txt`, `${folder}/c-spun.txt`]);
    assert.deepEqual(stderrLines(run), [
      `wiretrace: ${folder}/b-private: permission denied`,
      `wiretrace: ${folder}/d-loop.txt: cannot read input (ELOOP: too many symbolic links encountered, stat '${folder}/d-loop.txt')`,
    ]);
  });

  it('skips a subdirectory with no read permission, and only it', {
    skip: IS_ROOT
      ? 'running as root, which reads any directory (the injected failure above covers it)'
      : false,
  }, async () => {
    chmodSync(join(folder, 'b-private'), 0o000);
    try {
      const run = await runCli(['extract', folder, '--json']);
      assert.equal(run.status, 1, describeRun(run));
      assert.deepEqual(readDocuments(run), [`${folder}/a-wire.txt`, `${folder}/c-spun.txt`]);
      assert.ok(run.stderr.includes(`${folder}/b-private: permission denied`), run.stderr);
    } finally {
      chmodSync(join(folder, 'b-private'), 0o755);
    }
  });
});

describe('escape sequences and newlines', { concurrency: true }, () => {
  let temp: TempDir;
  let hostileName: string;
  let hostileCopy: string;

  before(() => {
    temp = makeTempDir();
    const story = readRepoFile(WIRE);
    const page = `<html><head><title>Blinken ${HOSTILE_TEXT} tells NATO</title></head><body><article><h1>Blinken ${HOSTILE_TEXT} tells NATO</h1>${story
      .split('\n\n')
      .map((paragraph, index) => `<p>${index === 1 ? `${HOSTILE_TEXT} ` : ''}${paragraph}</p>`)
      .join('\n')}</article></body></html>`;
    hostileName = temp.write(`wire${HOSTILE.windowTitle}${HOSTILE.bidiOverride}.html`, page);
    hostileCopy = temp.write('copy.txt', readRepoFile(SPUN).replace('NATO', `NATO${HOSTILE_TEXT}`));
  });
  after(() => temp.remove());

  it('trace prints no terminal control from titles, texts or file names', async () => {
    const run = await runCli(['trace', hostileName, hostileCopy]);
    assert.equal(run.status, 0, describeRun(run));
    assert.ok(run.stdout.includes('Blinken'), run.stdout);
    assert.ok(!hasTerminalControls(run.stdout), JSON.stringify(run.stdout.slice(0, 600)));
    // The name stays recognisable, its controls shown as escapes.
    assert.ok(run.stdout.includes('wire\\u001b]0;pwned\\u0007\\u202e.html'), run.stdout.slice(0, 600));
  });

  it('compare and extract print no terminal control either', async () => {
    const compare = await runCli(['compare', hostileName, hostileCopy]);
    const extract = await runCli(['extract', hostileName]);
    for (const run of [compare, extract]) {
      assert.equal(run.status, 0, describeRun(run));
      assert.ok(!hasTerminalControls(run.stdout), JSON.stringify(run.stdout.slice(0, 600)));
    }
  });

  it('JSON output keeps the text exactly, escaped by JSON', async () => {
    const run = await runCli(['extract', hostileName, '--json']);
    const [document] = parseJsonLines<ExtractedDocument>(run.stdout);
    assert.equal(document?.input, hostileName);
    assert.ok(document?.text.includes('\u202e'), 'the story text lost its characters');
    assert.ok(!hasTerminalControls(run.stdout), JSON.stringify(run.stdout.slice(0, 300)));
  });

  it('a newline in a file name cannot forge a second error line', async () => {
    const forged = temp.write('empty\nwiretrace: all inputs read fine.txt', '');
    const run = await runCli(['extract', forged, WIRE, '--json']);
    assert.equal(run.status, 1, describeRun(run));
    const lines = stderrLines(run);
    assert.equal(lines.length, 1, run.stderr);
    assert.equal(lines[0], `wiretrace: ${temp.path}/empty\\nwiretrace: all inputs read fine.txt: empty file`);
  });

  it('an escape sequence in a bad file name reaches stderr as visible text', async () => {
    const bad = temp.write(`bad${HOSTILE.clearScreen}.txt`, '');
    const run = await runCli(['extract', bad]);
    assert.equal(stderrLines(run).length, 1, run.stderr);
    assert.ok(!hasTerminalControls(run.stderr), JSON.stringify(run.stderr));
  });
});

describe('a document with one enormous sentence', () => {
  let temp: TempDir;
  before(() => {
    temp = makeTempDir();
  });
  after(() => temp.remove());

  it('costs the batch nothing: the other documents are still traced', async () => {
    // About 1 MB of words with no sentence end: ~125,000 tokens in one "sentence".
    const words = Array.from({ length: 125_000 }, (_, index) => `word${index % 5000}`).join(' ');
    const long = temp.write('one-sentence.txt', `${words}.\n`);
    const run = await runCli(['trace', WIRE, long, SPUN, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const trace = parseJson<TraceJson>(run.stdout);
    assert.deepEqual(trace.documents.map((document) => document.input).sort(), [WIRE, long, SPUN].sort());
    const story = trace.stories.find((candidate) => candidate.documents.includes(WIRE));
    assert.ok(story?.documents.includes(SPUN), run.stdout.slice(0, 500));
    assert.equal(story?.root, WIRE);
  });
});
