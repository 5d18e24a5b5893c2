/**
 * Processes against one corpus file: a writer killed mid-ingest loses nothing it committed and a
 * re-run adds exactly the rest; a reader in another process reads while a writer writes.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openCorpus } from '../../src/corpus/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeRun, REPO_ROOT, runCli } from '../cli/run-cli.js';
import { distinctRecords, tempFolder } from './support.js';

const RECORDS = 800;
const BATCH = 10;
const folder = tempFolder();
after(() => folder.remove());
const input = folder.write('crawl.jsonl', distinctRecords(RECORDS));
const engine = createEngine();

function startAdd(db: string): ChildProcess {
  return spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin/wiretrace.js'), 'add', '--db', db, '--batch', String(BATCH), input],
    {
      stdio: 'ignore',
    },
  );
}

/** Documents committed so far, read by a separate read-only connection (0 while the file is being created). */
async function committed(db: string): Promise<number> {
  try {
    const corpus = await openCorpus(db, { readonly: true, engine });
    try {
      return (await corpus.info()).documents;
    } finally {
      await corpus.close();
    }
  } catch {
    return 0;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

describe('corpus across processes', () => {
  it('keeps every batch committed before a kill, and a re-run adds the rest once', async () => {
    const db = join(folder.path, 'crash.db');
    const writer = startAdd(db);
    let seen = 0;
    while (seen < 4 * BATCH && writer.exitCode === null) {
      await sleep(10);
      seen = await committed(db);
    }
    writer.kill('SIGKILL');
    await exited(writer);
    const kept = await committed(db);
    assert.ok(kept >= seen, 'nothing committed is lost');
    assert.ok(kept < RECORDS, `the writer must be killed mid-ingest (it had stored ${kept})`);
    assert.equal(kept % BATCH, 0, 'only whole batches are committed');

    const rerun = await runCli(['add', '--db', db, '--batch', String(BATCH), input]);
    assert.equal(rerun.status, 0, describeRun(rerun));
    assert.match(
      rerun.stderr,
      new RegExp(`${RECORDS} read, ${RECORDS - kept} added .*${kept} already stored, 0 bad`),
    );

    const store = await openSqliteStore(db, { fingerprintVersion: 1, readonly: true });
    try {
      assert.equal((await store.info()).documents, RECORDS);
      const versions = await store.latestVersions(Array.from({ length: RECORDS }, (_, i) => `doc-${i}`));
      assert.equal(versions.size, RECORDS, 'every record stored');
      assert.ok(
        [...versions.values()].every((version) => version === 1),
        'none stored twice',
      );
    } finally {
      await store.close();
    }
  });

  it('lets another process read consistent, growing data while one writes', async () => {
    const db = join(folder.path, 'shared.db');
    const writer = startAdd(db);
    const counts: number[] = [];
    while (writer.exitCode === null) {
      counts.push(await committed(db));
      await sleep(5);
    }
    assert.equal(await exited(writer), 0);
    counts.push(await committed(db));
    assert.ok(
      counts.every((count, index) => index === 0 || count >= counts[index - 1]!),
      'counts never go back',
    );
    assert.ok(
      counts.every((count) => count % BATCH === 0 || count === RECORDS),
      'a reader never sees half a batch',
    );
    assert.ok(
      counts.some((count) => count > 0 && count < RECORDS),
      'the reader read while the writer was writing',
    );
    assert.equal(counts.at(-1), RECORDS);
  });
});
