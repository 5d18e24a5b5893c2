import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WiretraceError } from '../../errors.js';
import { unpackText } from '../packed-text.js';
import {
  type CommitBatch,
  type CommitResult,
  documentKey,
  type NewDocument,
  type OpenStoreOptions,
  type RemoveSelector,
  type Store,
  type StoredDocument,
  type StoredHead,
  type StoredPassage,
  type StoredRelation,
  type StoreInfo,
  type StorySummary,
} from '../store.js';
import { BucketRuns } from './bucket-runs.js';
import type { SqliteClient, SqliteOpener, SqliteStatement } from './driver.js';
import { prepareSchema } from './schema.js';

/** How long a call waits for another process's write to finish before failing. */
const BUSY_TIMEOUT_MS = 30_000;
/** SQLite binds at most 32,766 parameters per statement; stay well below. */
const CHUNK = 500;

/** better-sqlite3, loaded through require: it is a CommonJS native module. */
const openWithBetterSqlite: SqliteOpener = (path, options) => {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as new (
    path: string,
    options: { readonly: boolean; fileMustExist: boolean },
  ) => SqliteClient;
  return new Database(path, { readonly: options.readonly, fileMustExist: options.readonly });
};

/**
 * Opens (creating when needed) the SQLite corpus store at `path`. WAL journal: readers in other
 * processes see the last committed state while one process writes.
 */
export async function openSqliteStore(
  path: string,
  options: OpenStoreOptions,
  open: SqliteOpener = openWithBetterSqlite,
): Promise<Store> {
  const readonly = options.readonly === true;
  if (readonly && path !== ':memory:' && !existsSync(path)) {
    throw new WiretraceError('STORE_NOT_FOUND', 'no corpus there yet (run wiretrace add)', path);
  }
  const client = open(path, { readonly });
  try {
    client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!readonly) {
      client.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
      client.pragma('synchronous = NORMAL');
      // Checkpoints every 1 GB of WAL rather than 4 MB: an ingest's commits rewrite the same
      // index and bucket pages again and again, and a checkpoint copies each into the file once,
      // however many commits rewrote it (with the fuller bucket pages of bucket-runs.ts, a
      // million articles wrote 23.8 GB instead of 32.6 GB at 32 MB).
      // The WAL file grows to that size between checkpoints (a crash leaves up to that much to
      // replay on the next open); it is emptied on close.
      client.pragma('wal_autocheckpoint = 262144');
    }
    // 32 MB of pages: the bucket runs outgrow any cache at scale and are read through the
    // system's file cache anyway; twice as much bought no speed in an ingest (measured).
    client.pragma('cache_size = -32768');
    prepareSchema(client, path, options.fingerprintVersion, readonly);
    return new SqliteStore(client);
  } catch (error) {
    client.close();
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new WiretraceError('STORE_INCOMPATIBLE', 'not a wiretrace corpus (not an SQLite file)', path);
    }
    throw error;
  }
}

interface DocumentRow {
  serial: number;
  id: string;
  version: number;
  content_id: string;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  input: string;
  added_at: string;
  story: string;
  text: Uint8Array;
  signature: Uint8Array;
}

interface RelationRow {
  source: number;
  copy: number;
  relation: string;
  score: number;
  confidence: number;
  directed: number;
  passages: string;
}

const HEAD_COLUMNS =
  'serial, id, version, content_id, url, source, title, published, input, added_at, story, signature';
const DOCUMENT_COLUMNS = `${HEAD_COLUMNS}, text`;

class SqliteStore implements Store {
  readonly #client: SqliteClient;
  readonly #statements = new Map<string, SqliteStatement>();
  readonly #buckets: BucketRuns;

  constructor(client: SqliteClient) {
    this.#client = client;
    this.#buckets = new BucketRuns((sql) => this.#sql(sql));
  }

  #sql(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#client.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async info(): Promise<StoreInfo> {
    const count = (sql: string) => (this.#sql(sql).get() as { n: number }).n;
    const meta = (name: string) =>
      Number((this.#sql('SELECT value FROM meta WHERE name = ?').get(name) as { value: string }).value);
    return {
      // The file's own: a read-only look at an older corpus leaves it as it was written.
      schemaVersion: meta('schema_version'),
      fingerprintVersion: meta('fingerprint_version'),
      documents: count('SELECT count(*) AS n FROM documents'),
      relations: count('SELECT count(*) AS n FROM relations'),
      stories: count(
        'SELECT count(*) AS n FROM (SELECT story FROM documents GROUP BY story HAVING count(*) > 1)',
      ),
    };
  }

  async byKeys(
    documents: readonly { id: string; contentId: string }[],
  ): Promise<Map<string, StoredDocument>> {
    const found = new Map<string, StoredDocument>();
    const lookup = this.#sql(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE content_id = ? AND id = ?`);
    for (const document of documents) {
      const row = lookup.get(document.contentId, document.id) as DocumentRow | undefined;
      if (row !== undefined) found.set(documentKey(document), toDocument(row));
    }
    return found;
  }

  async latestVersions(ids: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const chunk of chunks(ids)) {
      const rows = this.#sql(
        `SELECT id, max(version) AS version FROM documents WHERE id IN (${marks(chunk.length)}) GROUP BY id`,
      ).all(...chunk) as { id: string; version: number }[];
      for (const row of rows) found.set(row.id, row.version);
    }
    return found;
  }

  async bySerials(serials: readonly number[]): Promise<StoredDocument[]> {
    const found: StoredDocument[] = [];
    for (const chunk of chunks(serials)) {
      const rows = this.#sql(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE serial IN (${marks(chunk.length)}) ORDER BY serial`,
      ).all(...chunk) as DocumentRow[];
      found.push(...rows.map(toDocument));
    }
    return found.sort((a, b) => a.serial - b.serial);
  }

  async headsBySerials(serials: readonly number[]): Promise<StoredHead[]> {
    const found: StoredHead[] = [];
    for (const chunk of chunks(serials)) {
      const rows = this.#sql(
        `SELECT ${HEAD_COLUMNS} FROM documents WHERE serial IN (${marks(chunk.length)}) ORDER BY serial`,
      ).all(...chunk) as DocumentRow[];
      found.push(...rows.map(toHead));
    }
    return found.sort((a, b) => a.serial - b.serial);
  }

  async byId(id: string): Promise<StoredDocument | null> {
    const row = this.#sql(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ? ORDER BY version DESC LIMIT 1`,
    ).get(id) as DocumentRow | undefined;
    return row === undefined ? null : toDocument(row);
  }

  async relationsOf(serial: number): Promise<StoredRelation[]> {
    const rows = this.#sql(
      'SELECT * FROM relations WHERE source = ? UNION SELECT * FROM relations WHERE copy = ? ORDER BY source, copy',
    ).all(serial, serial) as RelationRow[];
    return rows.map(toRelation);
  }

  async storyMembers(story: string): Promise<StoredDocument[]> {
    const rows = this.#sql(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE story = ? ORDER BY serial`).all(
      story,
    ) as DocumentRow[];
    return rows.map(toDocument);
  }

  async storyRelations(story: string): Promise<StoredRelation[]> {
    const rows = this.#sql(
      `SELECT r.* FROM relations r JOIN documents d ON d.serial = r.source
       WHERE d.story = ? ORDER BY r.source, r.copy`,
    ).all(story) as RelationRow[];
    return rows.map(toRelation);
  }

  async stories(options: { since?: string } = {}): Promise<StorySummary[]> {
    const rows = this.#sql(
      `SELECT story, count(*) AS members, min(coalesce(published, added_at)) AS first,
              max(coalesce(published, added_at)) AS last
       FROM documents GROUP BY story
       HAVING count(*) > 1 AND max(coalesce(published, added_at)) >= ?
       ORDER BY first, story`,
    ).all(options.since ?? '') as StorySummary[];
    return rows;
  }

  async candidates(keys: readonly number[], maxPerKey: number): Promise<Map<number, number>> {
    return this.candidatesOfMany([keys], maxPerKey).then((found) => found[0]!);
  }

  async candidatesOfMany(
    keyLists: readonly (readonly number[])[],
    maxPerKey: number,
  ): Promise<Map<number, number>[]> {
    // One read transaction for the many page lookups: a statement alone takes and drops a lock each time.
    return this.#client.transaction(() => this.#buckets.candidates(keyLists, maxPerKey))();
  }

  async commit(batch: CommitBatch): Promise<CommitResult> {
    return this.#client.transaction(() => this.#commitNow(batch))();
  }

  #commitNow(batch: CommitBatch): CommitResult {
    const addedAt = new Date().toISOString();
    const serialOf = new Map<string, number>();
    const serials: number[] = [];
    let inserted = 0;
    const filed: { serial: number; keys: readonly number[] }[] = [];
    for (const document of batch.documents) {
      const key = documentKey(document);
      const existing = this.#serialOf(key);
      if (existing !== undefined) {
        serialOf.set(key, existing);
        serials.push(existing);
        continue;
      }
      const serial = this.#insertDocument(document, addedAt);
      serialOf.set(key, serial);
      serials.push(serial);
      inserted++;
      filed.push({ serial, keys: document.keys });
    }
    this.#buckets.add(filed);
    for (const { from, into } of batch.storyMerges) {
      if (from !== into) this.#sql('UPDATE documents SET story = ? WHERE story = ?').run(into, from);
    }
    const addRelation = this.#sql(
      `INSERT OR REPLACE INTO relations (source, copy, relation, score, confidence, directed, passages)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const relation of batch.relations) {
      const source = serialOf.get(relation.source) ?? this.#serialOf(relation.source);
      const copy = serialOf.get(relation.copy) ?? this.#serialOf(relation.copy);
      if (source === undefined || copy === undefined) continue; // one side was removed meanwhile
      addRelation.run(
        source,
        copy,
        relation.relation,
        relation.score,
        relation.confidence,
        relation.directed ? 1 : 0,
        JSON.stringify(relation.passages),
      );
    }
    return { serials, inserted };
  }

  #insertDocument(document: NewDocument, addedAt: string): number {
    const latest = this.#sql('SELECT max(version) AS version FROM documents WHERE id = ?').get(
      document.id,
    ) as {
      version: number | null;
    };
    const keys = new Float64Array(document.keys);
    const row = this.#sql(
      `INSERT INTO documents (id, version, content_id, url, source, title, published, input, added_at, story, text, signature, keys)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING serial`,
    ).get(
      document.id,
      (latest.version ?? 0) + 1,
      document.contentId,
      document.url,
      document.source,
      document.title,
      document.published,
      document.input,
      addedAt,
      document.story,
      document.packedText,
      document.signature,
      new Uint8Array(keys.buffer),
    ) as { serial: number };
    return row.serial;
  }

  #serialOf(key: string): number | undefined {
    const [contentId, id] = key.split('\u0000') as [string, string];
    const row = this.#sql('SELECT serial FROM documents WHERE content_id = ? AND id = ?').get(
      contentId,
      id,
    ) as { serial: number } | undefined;
    return row?.serial;
  }

  async remove(selector: RemoveSelector): Promise<StoredDocument[]> {
    const { where, params } = selectorSql(selector);
    return this.#client.transaction(() => {
      const rows = this.#sql(
        `SELECT ${DOCUMENT_COLUMNS}, keys FROM documents WHERE ${where} ORDER BY serial`,
      ).all(...params) as (DocumentRow & { keys: Uint8Array })[];
      for (const row of rows) {
        const bytes = row.keys;
        const keys = new Float64Array(
          bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        );
        this.#buckets.remove(row.serial, keys);
        this.#sql('DELETE FROM relations WHERE source = ?').run(row.serial);
        this.#sql('DELETE FROM relations WHERE copy = ?').run(row.serial);
        this.#sql('DELETE FROM documents WHERE serial = ?').run(row.serial);
      }
      return rows.map(toDocument);
    })();
  }

  async assignStories(assignments: readonly { serial: number; story: string }[]): Promise<void> {
    const update = this.#sql('UPDATE documents SET story = ? WHERE serial = ?');
    this.#client.transaction(() => {
      for (const { serial, story } of assignments) update.run(story, serial);
    })();
  }

  async close(): Promise<void> {
    this.#statements.clear();
    this.#client.close();
  }
}

function selectorSql(selector: RemoveSelector): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (selector.ids !== undefined) {
    clauses.push(`id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(selector.ids));
  }
  if (selector.source !== undefined) {
    clauses.push('source = ?');
    params.push(selector.source);
  }
  if (selector.before !== undefined) {
    clauses.push('coalesce(published, added_at) < ?');
    params.push(selector.before);
  }
  // An empty selector selects nothing: removing everything takes deleting the file.
  return { where: clauses.length === 0 ? '0' : clauses.join(' AND '), params };
}

function toDocument(row: DocumentRow): StoredDocument {
  return { ...toHead(row), text: unpackText(row.text) };
}

function toHead(row: Omit<DocumentRow, 'text'>): StoredHead {
  return {
    serial: row.serial,
    id: row.id,
    version: row.version,
    contentId: row.content_id,
    url: row.url,
    source: row.source,
    title: row.title,
    published: row.published,
    input: row.input,
    addedAt: row.added_at,
    story: row.story,
    signature: new Uint8Array(row.signature),
  };
}

function toRelation(row: RelationRow): StoredRelation {
  return {
    source: row.source,
    copy: row.copy,
    relation: row.relation,
    score: row.score,
    confidence: row.confidence,
    directed: row.directed === 1,
    passages: JSON.parse(row.passages) as StoredPassage[],
  };
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

function marks(count: number): string {
  return new Array(count).fill('?').join(', ');
}
