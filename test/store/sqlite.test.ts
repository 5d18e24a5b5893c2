import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isWiretraceError } from '../../src/errors.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type StoreBackend, storeConformance } from './store.case.js';

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

describe('sqlite store', () => {
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
