import { WiretraceError } from '../../errors.js';
import { SCHEMA_VERSION } from '../store.js';
import type { SqliteClient } from './driver.js';

/**
 * Tables of the SQLite store. The LSH bucket index is log-structured: each committed batch writes
 * its entries as a new run, sorted by key, in pages of a few hundred entries (one BLOB each, see
 * bucket-runs.ts), so a commit appends a few pages instead of touching one random page of a large
 * B-tree per entry (which, at a million articles, costs several milliseconds per article). Runs of one level are merged into one run of the next, so a
 * lookup visits a few runs, and each run's filter rules out the keys it does not hold. The column
 * `bucket_runs.bloom` holds that filter: a binary fuse filter since schema 4, a Bloom filter in
 * runs written by schema 3 (run-filter.ts tells them apart).
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
  serial INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_id TEXT NOT NULL,
  url TEXT,
  source TEXT,
  title TEXT,
  published TEXT,
  input TEXT NOT NULL,
  added_at TEXT NOT NULL,
  story TEXT NOT NULL,
  text BLOB NOT NULL,
  signature BLOB NOT NULL,
  keys BLOB NOT NULL,
  UNIQUE (id, version),
  UNIQUE (content_id, id)
);
CREATE INDEX IF NOT EXISTS documents_story ON documents (story);
CREATE INDEX IF NOT EXISTS documents_source ON documents (source);
CREATE INDEX IF NOT EXISTS documents_dated ON documents (coalesce(published, added_at));
CREATE TABLE IF NOT EXISTS bucket_runs (
  run INTEGER PRIMARY KEY,
  level INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  bloom BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bucket_pages (
  run INTEGER NOT NULL,
  first_key INTEGER NOT NULL,
  entries BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS bucket_pages_key ON bucket_pages (run, first_key);
CREATE TABLE IF NOT EXISTS relations (
  source INTEGER NOT NULL,
  copy INTEGER NOT NULL,
  relation TEXT NOT NULL,
  score REAL NOT NULL,
  confidence REAL NOT NULL,
  directed INTEGER NOT NULL,
  passages TEXT NOT NULL,
  PRIMARY KEY (source, copy)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relations_copy ON relations (copy);
`;

/**
 * Older schemas this one reads: 3 differs only in the runs' filters (Bloom, not binary fuse), which
 * are still read. Opened for writing, such a file is marked with the current schema, so that the
 * wiretrace which wrote it, unable to read the new runs' filters, refuses it from then on.
 */
const READABLE_OLDER_SCHEMAS: readonly number[] = [3];

/**
 * Creates the tables on a new file, or checks that an existing file was written by this schema
 * (or one it reads, see READABLE_OLDER_SCHEMAS) and fingerprint version. Anything else is refused
 * with a message saying what to do.
 */
export function prepareSchema(
  client: SqliteClient,
  path: string,
  fingerprintVersion: number,
  readonly: boolean,
): void {
  const hasMeta =
    client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  if (!hasMeta) {
    const hasTables = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'").get() !== undefined;
    if (hasTables) {
      throw new WiretraceError(
        'STORE_INCOMPATIBLE',
        'not a wiretrace corpus (an SQLite file with other tables)',
        path,
      );
    }
    if (readonly)
      throw new WiretraceError('STORE_NOT_FOUND', 'no corpus there yet (run wiretrace add)', path);
    client.transaction(() => {
      client.exec(TABLES);
      const setMeta = client.prepare('INSERT INTO meta (name, value) VALUES (?, ?)');
      setMeta.run('schema_version', String(SCHEMA_VERSION));
      setMeta.run('fingerprint_version', String(fingerprintVersion));
    })();
    return;
  }
  const schema = readMeta(client, 'schema_version');
  if (schema !== SCHEMA_VERSION && !READABLE_OLDER_SCHEMAS.includes(schema)) {
    throw new WiretraceError(
      'STORE_INCOMPATIBLE',
      `written with store schema ${schema}, this wiretrace reads schema ${[...READABLE_OLDER_SCHEMAS, SCHEMA_VERSION].join(' and ')}; ` +
        're-create it with wiretrace add (or use the wiretrace version that wrote it)',
      path,
    );
  }
  const fingerprints = readMeta(client, 'fingerprint_version');
  if (fingerprints !== fingerprintVersion) {
    throw new WiretraceError(
      'STORE_INCOMPATIBLE',
      `its fingerprints are version ${fingerprints}, this wiretrace computes version ${fingerprintVersion}; ` +
        're-create it with wiretrace add (or use the wiretrace version that wrote it)',
      path,
    );
  }
  if (schema !== SCHEMA_VERSION && !readonly) {
    client.prepare("UPDATE meta SET value = ? WHERE name = 'schema_version'").run(String(SCHEMA_VERSION));
  }
}

function readMeta(client: SqliteClient, name: string): number {
  const row = client.prepare('SELECT value FROM meta WHERE name = ?').get(name) as
    | { value: string }
    | undefined;
  return row === undefined ? Number.NaN : Number(row.value);
}
