import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isWiretraceError } from '../../src/errors.js';
import { bloomFor } from '../../src/store/sqlite/bloom.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SCHEMA_VERSION } from '../../src/store/store.js';
import { document, type StoreBackend, storeConformance } from './store.case.js';

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'wiretrace-store-'));
}

const sqlite: StoreBackend = {
  name: 'sqlite',
  async location() {
    const directory = temporaryDirectory();
    const path = join(directory, 'corpus.db');
    return {
      open: (options) => openSqliteStore(path, options),
      dispose: async () => rmSync(directory, { recursive: true, force: true }),
    };
  },
};

storeConformance(sqlite);

interface RawDatabase {
  prepare(sql: string): { all(...values: unknown[]): unknown[]; run(...values: unknown[]): unknown };
  exec(sql: string): void;
  close(): void;
}

function rawDatabase(path: string): RawDatabase {
  return new (createRequire(import.meta.url)('better-sqlite3') as new (path: string) => RawDatabase)(path);
}

/**
 * Turns a corpus into one as schema 3 wrote it: every run's filter a Bloom filter of its keys
 * (one per entry, as that version counted them) and the schema version 3.
 */
function rewriteAsSchema3(path: string): void {
  const raw = rawDatabase(path);
  const runs = raw.prepare('SELECT run FROM bucket_runs ORDER BY run').all() as { run: number }[];
  for (const { run } of runs) {
    const pages = raw
      .prepare('SELECT entries FROM bucket_pages WHERE run = ? ORDER BY first_key')
      .all(run) as {
      entries: Uint8Array;
    }[];
    const keys: number[] = [];
    for (const { entries } of pages) {
      const aligned = new Uint8Array(entries);
      keys.push(...new Float64Array(aligned.buffer, 0, aligned.length / 12));
    }
    raw
      .prepare('UPDATE bucket_runs SET bloom = ?, entries = ? WHERE run = ?')
      .run(bloomFor(keys), keys.length, run);
  }
  raw.exec("UPDATE meta SET value = '3' WHERE name = 'schema_version'");
  raw.close();
}

describe('sqlite store', () => {
  it('reads a corpus whose runs hold Bloom filters (schema 3), and marks it schema 4 once it writes', async () => {
    const directory = temporaryDirectory();
    try {
      const path = join(directory, 'schema3.db');
      const fingerprints = { fingerprintVersion: 1 };
      // Documents filed under keys of their own and a key all of them share, in several runs.
      const keysOf = (n: number) => [n * 2 ** 33 + 17, n * 1000 + 3, 2 ** 52 + 1];
      const store = await openSqliteStore(path, fingerprints);
      const serials: number[] = [];
      for (let commit = 0; commit < 4; commit++) {
        const documents = [0, 1, 2].map((i) => {
          const n = commit * 3 + i;
          return document(`d${n}`, `text ${n}`, { keys: keysOf(n) });
        });
        serials.push(...(await store.commit({ documents, relations: [], storyMerges: [] })).serials);
      }
      await store.close();
      rewriteAsSchema3(path);

      const expectEveryDocument = async (
        count: number,
        store: Awaited<ReturnType<typeof openSqliteStore>>,
      ) => {
        for (let n = 0; n < count; n++) {
          const found = await store.candidates(keysOf(n), 1000);
          assert.equal(found.get(serials[n]!), 3, `document ${n}`);
          assert.equal(found.size, count);
        }
      };
      const reader = await openSqliteStore(path, { ...fingerprints, readonly: true });
      assert.equal((await reader.info()).schemaVersion, 3);
      await expectEveryDocument(12, reader);
      await reader.close();

      // Written to: new runs get fuse filters, merges of Bloom runs too, and the file says schema 4.
      const writer = await openSqliteStore(path, fingerprints);
      for (let commit = 4; commit < 12; commit++) {
        const documents = [0, 1, 2].map((i) => {
          const n = commit * 3 + i;
          return document(`d${n}`, `text ${n}`, { keys: keysOf(n) });
        });
        serials.push(...(await writer.commit({ documents, relations: [], storyMerges: [] })).serials);
      }
      assert.equal((await writer.info()).schemaVersion, SCHEMA_VERSION);
      await expectEveryDocument(36, writer);
      await writer.close();
      const raw = rawDatabase(path);
      const runs = raw.prepare('SELECT level FROM bucket_runs').all() as { level: number }[];
      assert.ok(
        runs.some(({ level }) => level > 0),
        'the runs were merged',
      );
      raw.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a file written by another schema version, saying what to do', async () => {
    const directory = temporaryDirectory();
    try {
      const path = join(directory, 'old.db');
      const store = await openSqliteStore(path, { fingerprintVersion: 1 });
      await store.close();
      const Database = createRequire(import.meta.url)('better-sqlite3') as new (
        path: string,
      ) => { exec(sql: string): void; close(): void };
      const raw = new Database(path);
      raw.exec("UPDATE meta SET value = '999' WHERE name = 'schema_version'");
      raw.close();
      await assert.rejects(
        openSqliteStore(path, { fingerprintVersion: 1 }),
        (error) =>
          isWiretraceError(error) &&
          error.code === 'STORE_INCOMPATIBLE' &&
          error.message.includes(path) &&
          /schema 999.*re-create it/.test(error.message),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a corpus, and a missing file opened for reading', async () => {
    const directory = temporaryDirectory();
    try {
      const notSqlite = join(directory, 'notes.db');
      writeFileSync(notSqlite, 'plain text, not a database '.repeat(100));
      await assert.rejects(
        openSqliteStore(notSqlite, { fingerprintVersion: 1 }),
        (error) =>
          isWiretraceError(error) &&
          error.code === 'STORE_INCOMPATIBLE' &&
          /not an SQLite file/.test(error.message),
      );
      await assert.rejects(
        openSqliteStore(join(directory, 'missing.db'), { fingerprintVersion: 1, readonly: true }),
        (error) => isWiretraceError(error) && error.code === 'STORE_NOT_FOUND',
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('uses the WAL journal, so readers in other processes see committed data while one writes', async () => {
    const directory = temporaryDirectory();
    try {
      const path = join(directory, 'wal.db');
      const store = await openSqliteStore(path, { fingerprintVersion: 1 });
      await store.close();
      const Database = createRequire(import.meta.url)('better-sqlite3') as new (
        path: string,
      ) => { pragma(sql: string, options: { simple: boolean }): unknown; close(): void };
      const raw = new Database(path);
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      raw.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
