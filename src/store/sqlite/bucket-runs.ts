import { bloomFor, bloomHasHashed, bloomHashes } from './bloom.js';
import type { SqliteStatement } from './driver.js';

/**
 * The LSH bucket index as sorted runs (see schema.ts): a commit appends one run; when a level
 * holds FANOUT runs they are merged into one run of the next level, so a key is looked up in at
 * most (FANOUT − 1) runs per level, and only in the runs whose Bloom filter may hold it.
 */

/** Runs per level before they are merged: each entry is rewritten once per level it climbs. */
const FANOUT = 10;
/** Rows per INSERT statement (3 parameters each, well below SQLite's limit). */
const ROWS_PER_INSERT = 200;
/** Keys per lookup statement. */
const KEYS_PER_LOOKUP = 500;

interface Run {
  run: number;
  level: number;
}

/** Prepares (and caches) a statement of the store's connection. */
export type Prepare = (sql: string) => SqliteStatement;

export class BucketRuns {
  readonly #sql: Prepare;
  /** Bloom filters by run (runs never change once written; merged ones are dropped). */
  readonly #blooms = new Map<number, Uint8Array>();

  constructor(sql: Prepare) {
    this.#sql = sql;
  }

  /** Writes one commit's entries as a new run and merges full levels. Call inside a write transaction. */
  add(entries: readonly (readonly [number, number])[]): void {
    if (entries.length === 0) return;
    const order = Array.from(entries.keys()).sort(
      (a, b) => entries[a]![0] - entries[b]![0] || entries[a]![1] - entries[b]![1],
    );
    const run = this.#nextRun();
    const keys = new Float64Array(order.length);
    for (let start = 0; start < order.length; start += ROWS_PER_INSERT) {
      const size = Math.min(ROWS_PER_INSERT, order.length - start);
      const params: number[] = new Array(size * 3);
      for (let row = 0; row < size; row++) {
        const [key, serial] = entries[order[start + row]!]!;
        keys[start + row] = key;
        params[row * 3] = run;
        params[row * 3 + 1] = key;
        params[row * 3 + 2] = serial;
      }
      this.#sql(
        `INSERT OR IGNORE INTO buckets (run, key, serial) VALUES ${new Array(size).fill('(?, ?, ?)').join(', ')}`,
      ).run(...params);
    }
    this.#sql('INSERT INTO bucket_runs (run, level, entries, bloom) VALUES (?, 0, ?, ?)').run(
      run,
      keys.length,
      bloomFor(keys),
    );
    this.#compact();
  }

  /**
   * For each list of keys: each serial filed under any of them, with how many of them it is
   * under; a key holding more than `maxPerKey` serials in all runs together is skipped. One
   * statement per run for all the lists, and only for the keys its Bloom filter may hold.
   */
  candidates(keyLists: readonly (readonly number[])[], maxPerKey: number): Map<number, number>[] {
    const unique = [...new Set(keyLists.flat())];
    const hashed = unique.map(bloomHashes);
    const serialsOf = new Map<number, number[]>();
    for (const { run } of this.#runs()) {
      const bloom = this.#bloom(run);
      const maybe = unique.filter((_, index) => bloomHasHashed(bloom, hashed[index]![0], hashed[index]![1]));
      for (let start = 0; start < maybe.length; start += KEYS_PER_LOOKUP) {
        const chunk = maybe.slice(start, start + KEYS_PER_LOOKUP);
        // Each key's entries are cut at maxPerKey + 1 inside SQLite: a key every article shares
        // costs a short index scan, not a long answer.
        const found = this.#sql(
          `SELECT key, serial FROM (
             SELECT key, serial, row_number() OVER (PARTITION BY key) AS rank
             FROM buckets WHERE run = ? AND key IN (${chunk.map(() => '?').join(', ')})
           ) WHERE rank <= ?`,
        ).all(run, ...chunk, maxPerKey + 1) as { key: number; serial: number }[];
        for (const { key, serial } of found) {
          const serials = serialsOf.get(key);
          if (serials === undefined) serialsOf.set(key, [serial]);
          else serials.push(serial);
        }
      }
    }
    return keyLists.map((keys) => {
      const counts = new Map<number, number>();
      for (const key of new Set(keys)) {
        const serials = serialsOf.get(key);
        if (serials === undefined || serials.length > maxPerKey) continue;
        for (const serial of serials) counts.set(serial, (counts.get(serial) ?? 0) + 1);
      }
      return counts;
    });
  }

  /** Deletes a document's entries. Call inside a write transaction. */
  remove(serial: number, keys: Iterable<number>): void {
    const runs = this.#runs();
    const drop = this.#sql('DELETE FROM buckets WHERE run = ? AND key = ? AND serial = ?');
    for (const key of keys) {
      const [first, second] = bloomHashes(key);
      for (const { run } of runs)
        if (bloomHasHashed(this.#bloom(run), first, second)) drop.run(run, key, serial);
    }
  }

  #runs(): Run[] {
    const runs = this.#sql('SELECT run, level FROM bucket_runs ORDER BY run').all() as Run[];
    // Another process may have merged runs this one had cached.
    if (this.#blooms.size > runs.length) {
      const live = new Set(runs.map(({ run }) => run));
      for (const run of this.#blooms.keys()) if (!live.has(run)) this.#blooms.delete(run);
    }
    return runs;
  }

  #bloom(run: number): Uint8Array {
    let bloom = this.#blooms.get(run);
    if (bloom === undefined) {
      const row = this.#sql('SELECT bloom FROM bucket_runs WHERE run = ?').get(run) as { bloom: Uint8Array };
      bloom = new Uint8Array(row.bloom);
      this.#blooms.set(run, bloom);
    }
    return bloom;
  }

  #nextRun(): number {
    return (this.#sql('SELECT coalesce(max(run), 0) + 1 AS run FROM bucket_runs').get() as { run: number })
      .run;
  }

  /** Merges the runs of the lowest full level into one run of the next, until no level is full. */
  #compact(): void {
    for (;;) {
      const full = this.#sql(
        'SELECT level FROM bucket_runs GROUP BY level HAVING count(*) >= ? ORDER BY level LIMIT 1',
      ).get(FANOUT) as { level: number } | undefined;
      if (full === undefined) return;
      const merged = (
        this.#sql('SELECT run FROM bucket_runs WHERE level = ? ORDER BY run').all(full.level) as Run[]
      ).map(({ run }) => run);
      const into = this.#nextRun();
      const list = merged.map(() => '?').join(', ');
      // The new run has the highest number, so its sorted rows are appended to the B-tree.
      this.#sql(
        `INSERT OR IGNORE INTO buckets (run, key, serial)
         SELECT ?, key, serial FROM buckets WHERE run IN (${list}) ORDER BY key, serial`,
      ).run(into, ...merged);
      const keys = this.#keysOf(into);
      this.#sql(`DELETE FROM buckets WHERE run IN (${list})`).run(...merged);
      this.#sql(`DELETE FROM bucket_runs WHERE run IN (${list})`).run(...merged);
      for (const run of merged) this.#blooms.delete(run);
      this.#sql('INSERT INTO bucket_runs (run, level, entries, bloom) VALUES (?, ?, ?, ?)').run(
        into,
        full.level + 1,
        keys.length,
        bloomFor(keys),
      );
    }
  }

  /** A run's keys (with repeats), streamed: a merged run may hold millions. */
  #keysOf(run: number): Float64Array {
    const { entries } = this.#sql('SELECT count(*) AS entries FROM buckets WHERE run = ?').get(run) as {
      entries: number;
    };
    const keys = new Float64Array(entries);
    let size = 0;
    // Keys alone, as plain numbers: no object per row. The statement is this method's own.
    const rows = this.#sql('SELECT key FROM buckets WHERE run = ? -- keys of one run').pluck(true);
    for (const key of rows.iterate(run) as IterableIterator<number>) keys[size++] = key;
    return keys.subarray(0, size);
  }
}
