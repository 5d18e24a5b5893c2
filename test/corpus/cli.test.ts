/** End-to-end: the corpus commands as a user runs them, on the example story. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  describeRun,
  EXAMPLE_DIR,
  parseJsonLines,
  REWRITE,
  runCli,
  SPUN,
  stderrLines,
  WIRE,
} from '../cli/run-cli.js';
import { distinctArticle, tempFolder } from './support.js';

const folder = tempFolder();
const db = join(folder.path, 'wiretrace.db');
after(() => folder.remove());

interface MatchLine {
  query: string;
  id: string;
  relation: string;
  score: number;
  direction: string | null;
  passages: { kind: string; query: [number, number]; match: [number, number] }[];
}

describe('wiretrace add / find / stories / trace --db / remove / prune', () => {
  before(async () => {
    const run = await runCli(['add', '--db', db, EXAMPLE_DIR]);
    assert.equal(run.status, 0, describeRun(run));
    assert.deepEqual(stderrLines(run).length, 1);
    assert.match(
      run.stderr,
      /^wiretrace: 3 read, 3 added \(0 new versions\), 0 already stored, 0 bad, 3 relations in/,
    );
  });

  it('find --json prints one match per line with id, relation, score and direction', async () => {
    const run = await runCli(['find', '--db', db, WIRE, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const matches = parseJsonLines<MatchLine>(run.stdout);
    assert.deepEqual(
      matches.map((match) => [match.query, match.id, match.relation, match.direction]),
      [
        [WIRE, SPUN, 'spun', 'copy'],
        [WIRE, REWRITE, 'rewrite', 'copy'],
      ],
    );
    for (const match of matches) {
      assert.ok(match.score > 0 && match.score <= 1);
      assert.ok(match.passages.every((passage) => passage.query[0] < passage.query[1]));
    }
  });

  it('find names JSON Lines records by their id and reports an unknown id', async () => {
    const records = folder.write(
      'query.jsonl',
      `${JSON.stringify({ id: 'asked-1', text: distinctArticle(5) })}\n`,
    );
    const run = await runCli(['find', '--db', db, records]);
    assert.equal(run.status, 0, describeRun(run));
    assert.equal(run.stdout, 'asked-1: no copies or sources in the corpus\n');
    const unknown = await runCli(['find', '--db', db, 'no-such-id']);
    assert.equal(unknown.status, 1);
    assert.equal(unknown.stderr, 'wiretrace: no-such-id: no document with this id in the corpus\n');
  });

  it('stories lists the story with its original, as text, JSON Lines and CSV', async () => {
    const text = await runCli(['stories', '--db', db]);
    assert.equal(text.status, 0, describeRun(text));
    assert.match(text.stdout, /■ story-[0-9a-f]{16} · 3 documents/);
    assert.match(text.stdout, new RegExp(`original {2}${WIRE.replace(/[.]/g, '\\.')}`));
    const jsonl = parseJsonLines<{ id: string; root: string; members: number }>(
      (await runCli(['stories', '--db', db, '--format', 'jsonl'])).stdout,
    );
    assert.equal(jsonl.length, 1);
    assert.equal(jsonl[0]!.root, WIRE);
    const csv = (await runCli(['stories', '--db', db, '--format', 'csv'])).stdout.split('\r\n');
    assert.equal(csv[0], 'story,root,id,version,published,url,title');
    assert.equal(csv.filter((line) => line !== '').length, 4);
    const later = await runCli(['stories', '--db', db, '--since', '2099-01-01']);
    assert.equal(later.stdout, 'no stories yet\n');
    const bad = await runCli(['stories', '--db', db, '--format', 'xml']);
    assert.equal(bad.status, 2);
  });

  it('trace --db prints the full trace of a stored story', async () => {
    const [story] = parseJsonLines<{ id: string }>(
      (await runCli(['stories', '--db', db, '--format', 'jsonl'])).stdout,
    );
    const run = await runCli(['trace', '--db', db, story!.id, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const trace = JSON.parse(run.stdout) as { stories: { root: string; edges: unknown[] }[] };
    assert.equal(trace.stories.length, 1);
    assert.equal(trace.stories[0]!.root, WIRE);
    assert.equal(trace.stories[0]!.edges.length, 2);
    const missing = await runCli(['trace', '--db', db, 'story-0000']);
    assert.equal(missing.status, 1);
  });

  it('remove and prune delete documents; a missing corpus is reported for reading', async () => {
    const copy = join(folder.path, 'removal.db');
    await runCli(['add', '--db', copy, EXAMPLE_DIR]);
    const removed = await runCli(['remove', '--db', copy, SPUN]);
    assert.equal(removed.status, 0, describeRun(removed));
    assert.equal(removed.stderr, 'wiretrace: removed 1 documents\n');
    const pruned = await runCli(['prune', '--db', copy, '--keep-days', '0']);
    assert.equal(pruned.stderr, 'wiretrace: removed 2 documents older than 0 days\n');
    assert.equal((await runCli(['remove', '--db', copy])).status, 2);
    const missing = await runCli(['stories', '--db', join(folder.path, 'none.db')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /none\.db: no corpus there yet \(run wiretrace add\)/);
  });
});
