import { sortEntriesByKey } from '../../radix-sort.js';
import { lowerBound, upperBound } from '../../sorted-search.js';
import type { SqliteStatement } from './driver.js';
import { FuseFilterBuilder } from './fuse-filter.js';
import { keyHashFirst, keyHashSecond } from './key-hash.js';
import { type RunFilter, readRunFilter, storedRunFilter } from './run-filter.js';

/**
 * The LSH bucket index as sorted runs (see schema.ts): a commit appends one run; when a level
 * holds FANOUT runs they are merged into one run of the next level, so a key is looked up in at
 * most (FANOUT − 1) runs per level, and only in the runs whose filter may hold it (a binary
 * fuse filter, built once as the run is written: see run-filter.ts).
 *
 * A run is stored as pages: each page a BLOB of about PAGE_ENTRIES (key, serial) entries sorted
 * by key then serial, filed under its first key. Writing a commit's 80 entries per article costs
 * a few BLOB inserts instead of a B-tree row per entry, and a merge reads and writes pages
 * without a row per entry; one key's entries never span two pages, so a key is read from the
 * one page whose first key is the greatest at or below it.
 */

/** Runs per level before they are merged: each entry is rewritten once per level it climbs. */
const FANOUT = 10;
/**
 * Entries per page (12 bytes each, 3,840 bytes): a page fills most of one 4 KB SQLite page, so a
 * lookup reads no overflow chain, and a merge writes and later deletes a row per 320 entries
 * (at 128 a row took 1.5 KB and two shared a 4 KB page, a quarter of it unused).
 */
const PAGE_ENTRIES = 320;
/** Pages read at a time from each run being merged: a merge holds a few pages per run, not the runs. */
const PAGES_PER_READ = 128;

interface Run {
  run: number;
  level: number;
}

/** One page: keys and serials side by side, sorted by key then serial. */
interface Page {
  keys: Float64Array;
  serials: Uint32Array;
}

/*
 * Keys are bound as BigInt: SQLite compares an INTEGER column with a bound REAL in a range
 * search several times slower (measured: about 10x for the page lookup).
 */

/** A run's pages: their first keys ascending, and where each is stored. */
interface Fences {
  firstKeys: Float64Array;
  rowids: Float64Array;
}

/** Prepares (and caches) a statement of the store's connection. */
export type Prepare = (sql: string) => SqliteStatement;

export class BucketRuns {
  readonly #sql: Prepare;
  /** Filters by run (runs never change once written; merged ones are dropped). */
  readonly #filters = new Map<number, RunFilter>();
  /** Each run's pages by first key, as loaded (pages of a run are never added, only emptied). */
  readonly #fenceCache = new Map<number, Fences>();

  constructor(sql: Prepare) {
    this.#sql = sql;
  }

  /** Writes one commit's documents' keys as a new run and merges full levels. Call inside a write transaction. */
  add(documents: readonly { serial: number; keys: readonly number[] }[]): void {
    let total = 0;
    for (const { keys } of documents) total += keys.length;
    if (total === 0) return;
    const keys = new Float64Array(total);
    const serials = new Uint32Array(total);
    let size = 0;
    for (const document of documents) {
      for (const key of document.keys) {
        keys[size] = key;
        serials[size++] = document.serial;
      }
    }
    sortEntriesByKey(keys, serials);
    const writer = new RunWriter(this.#sql, this.#nextRun(), 0);
    for (let at = 0; at < keys.length; ) {
      let end = at + 1;
      while (end < keys.length && keys[end] === keys[at]) end++;
      if (end - at > 1) serials.subarray(at, end).sort();
      for (let entry = at; entry < end; entry++)
        if (entry === at || serials[entry] !== serials[entry - 1]) writer.push(keys[entry]!, serials[entry]!);
      at = end;
    }
    this.#filters.set(writer.run, writer.finish());
    this.#compact();
  }

  /**
   * For each list of keys: each serial filed under any of them, with how many of them it is
   * under; a key holding more than `maxPerKey` serials in all runs together is skipped. Only
   * the keys a run's filter may hold are looked up in it, each page read once per call.
   */
  candidates(keyLists: readonly (readonly number[])[], maxPerKey: number): Map<number, number>[] {
    // Typed arrays and positions, no Set or Map keyed by these large numbers: V8 hashes them slowly.
    const unique = distinctSorted(keyLists);
    const firstWords = new Uint32Array(unique.length);
    const secondWords = new Uint32Array(unique.length);
    for (let index = 0; index < unique.length; index++) {
      firstWords[index] = keyHashFirst(unique[index]!);
      secondWords[index] = keyHashSecond(unique[index]!);
    }
    /** Serials under each key of `unique`, by its position. */
    const serialsOf: (number[] | undefined)[] = new Array(unique.length);
    for (const { run } of this.#runs()) {
      const filter = this.#filter(run);
      const fences = this.#fences(run);
      // The keys the filter may hold, each with the page it would be on (keys ascending, so pages too).
      const maybe: number[] = [];
      const pageOf: number[] = [];
      const wanted: number[] = [];
      for (let index = 0; index < unique.length; index++) {
        if (!filter.mayHold(unique[index]!, firstWords[index]!, secondWords[index]!)) continue;
        const page = upperBound(fences.firstKeys, unique[index]!) - 1;
        if (page < 0) continue;
        maybe.push(index);
        pageOf.push(page);
        if (wanted.at(-1) !== page) wanted.push(page);
      }
      const pages = new Map<number, Page>();
      for (let start = 0; start < wanted.length; start += PAGES_PER_READ) {
        const chunk = wanted.slice(start, start + PAGES_PER_READ);
        const rows = this.#sql(
          `SELECT rowid AS page, entries FROM bucket_pages WHERE rowid IN (${chunk.map(() => '?').join(', ')})`,
        ).all(...chunk.map((page) => fences.rowids[page]!)) as { page: number; entries: Uint8Array }[];
        for (const row of rows) pages.set(row.page, decodePage(row.entries));
      }
      maybe.forEach((position, index) => {
        const key = unique[position]!;
        const page = pages.get(fences.rowids[pageOf[index]!]!);
        if (page === undefined) return;
        let at = lowerBound(page.keys, key);
        if (at >= page.keys.length || page.keys[at] !== key) return;
        let serials = serialsOf[position];
        if (serials === undefined) {
          serials = [];
          serialsOf[position] = serials;
        }
        // Past maxPerKey the key is skipped anyway: one more serial says so.
        for (; at < page.keys.length && page.keys[at] === key && serials.length <= maxPerKey; at++)
          serials.push(page.serials[at]!);
      });
    }
    return keyLists.map((keys) => {
      const counts = new Map<number, number>();
      for (const position of new Set(keys.map((key) => lowerBound(unique, key)))) {
        const serials = serialsOf[position];
        if (serials === undefined || serials.length > maxPerKey) continue;
        for (const serial of serials) counts.set(serial, (counts.get(serial) ?? 0) + 1);
      }
      return counts;
    });
  }

  /** Deletes a document's entries. Call inside a write transaction. */
  remove(serial: number, keys: Iterable<number>): void {
    const runs = this.#runs();
    const pageAt = this.#sql(
      'SELECT first_key, entries FROM bucket_pages WHERE run = ? AND first_key <= ? ORDER BY first_key DESC LIMIT 1',
    );
    for (const key of keys) {
      const first = keyHashFirst(key);
      const second = keyHashSecond(key);
      for (const { run } of runs) {
        if (!this.#filter(run).mayHold(key, first, second)) continue;
        const row = pageAt.get(run, BigInt(key)) as { first_key: number; entries: Uint8Array } | undefined;
        if (row === undefined) continue;
        const page = decodePage(row.entries);
        const kept: number[] = [];
        for (let at = 0; at < page.keys.length; at++)
          if (page.keys[at] !== key || page.serials[at] !== serial) kept.push(at);
        if (kept.length === page.keys.length) continue;
        // The page stays, even emptied, with its first key as its lower bound: rowids are never
        // freed for reuse, so the page positions other connections hold stay right.
        const left: Page = {
          keys: Float64Array.from(kept, (at) => page.keys[at]!),
          serials: Uint32Array.from(kept, (at) => page.serials[at]!),
        };
        this.#sql('UPDATE bucket_pages SET entries = ? WHERE run = ? AND first_key = ?').run(
          encodePage(left.keys, left.serials, left.keys.length),
          run,
          row.first_key,
        );
      }
    }
  }

  #runs(): Run[] {
    const runs = this.#sql('SELECT run, level FROM bucket_runs ORDER BY run').all() as Run[];
    // Another process may have merged runs this one had cached.
    if (this.#filters.size > runs.length) {
      const live = new Set(runs.map(({ run }) => run));
      for (const run of this.#filters.keys()) if (!live.has(run)) this.#filters.delete(run);
    }
    if (this.#fenceCache.size > runs.length) {
      const live = new Set(runs.map(({ run }) => run));
      for (const run of this.#fenceCache.keys()) if (!live.has(run)) this.#fenceCache.delete(run);
    }
    return runs;
  }

  #fences(run: number): Fences {
    let fences = this.#fenceCache.get(run);
    if (fences === undefined) {
      const rows = this.#sql(
        'SELECT rowid AS page, first_key FROM bucket_pages WHERE run = ? ORDER BY first_key',
      ).all(run) as { page: number; first_key: number }[];
      fences = {
        firstKeys: Float64Array.from(rows, (row) => row.first_key),
        rowids: Float64Array.from(rows, (row) => row.page),
      };
      this.#fenceCache.set(run, fences);
    }
    return fences;
  }

  #filter(run: number): RunFilter {
    let filter = this.#filters.get(run);
    if (filter === undefined) {
      const row = this.#sql('SELECT entries, bloom FROM bucket_runs WHERE run = ?').get(run) as {
        entries: number;
        bloom: Uint8Array;
      };
      filter = readRunFilter(row.bloom, row.entries);
      this.#filters.set(run, filter);
    }
    return filter;
  }

  /** Bytes the filters of the runs read so far hold in memory. */
  filterBytes(): number {
    let bytes = 0;
    for (const filter of this.#filters.values()) bytes += filter.bytes;
    return bytes;
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
      const writer = new RunWriter(this.#sql, this.#nextRun(), full.level + 1);
      const cursors = merged.map((run) => new RunCursor(this.#sql, run));
      let lastKey = Number.NaN;
      let lastSerial = Number.NaN;
      for (;;) {
        // The smallest head among the runs (a handful of them): a plain scan beats a heap.
        let best: RunCursor | null = null;
        for (const cursor of cursors) {
          if (!cursor.ready()) continue;
          if (
            best === null ||
            cursor.key < best.key ||
            (cursor.key === best.key && cursor.serial < best.serial)
          )
            best = cursor;
        }
        if (best === null) break;
        // The same entry in two runs is kept once.
        if (best.key !== lastKey || best.serial !== lastSerial) writer.push(best.key, best.serial);
        lastKey = best.key;
        lastSerial = best.serial;
        best.advance();
      }
      const list = merged.map(() => '?').join(', ');
      this.#sql(`DELETE FROM bucket_pages WHERE run IN (${list})`).run(...merged);
      this.#sql(`DELETE FROM bucket_runs WHERE run IN (${list})`).run(...merged);
      for (const run of merged) {
        this.#filters.delete(run);
        this.#fenceCache.delete(run);
      }
      this.#filters.set(writer.run, writer.finish());
    }
  }
}

/** Writes one run's entries, given in order, as pages, then its row with its filter. */
class RunWriter {
  readonly run: number;
  readonly #level: number;
  readonly #sql: Prepare;
  #keys = new Float64Array(PAGE_ENTRIES);
  #serials = new Uint32Array(PAGE_ENTRIES);
  #size = 0;
  /** The run's filter, fed each key as it is written (a block of keys at a time, not the run's). */
  readonly #filter = new FuseFilterBuilder();
  #count = 0;

  constructor(sql: Prepare, run: number, level: number) {
    this.#sql = sql;
    this.run = run;
    this.#level = level;
  }

  push(key: number, serial: number): void {
    // A page ends only between two keys, so one key's entries are all on one page.
    if (this.#size >= PAGE_ENTRIES && this.#keys[this.#size - 1] !== key) this.#flush();
    if (this.#size === this.#keys.length) {
      this.#keys = grown(this.#keys, Float64Array);
      this.#serials = grown(this.#serials, Uint32Array);
    }
    this.#keys[this.#size] = key;
    this.#serials[this.#size] = serial;
    this.#size++;
    this.#filter.push(key);
    this.#count++;
  }

  /** Writes the last page and the run's row; returns its filter. */
  finish(): RunFilter {
    this.#flush();
    const stored = storedRunFilter(this.#filter.finish(), this.#count);
    this.#sql('INSERT INTO bucket_runs (run, level, entries, bloom) VALUES (?, ?, ?, ?)').run(
      this.run,
      this.#level,
      this.#count,
      stored,
    );
    return readRunFilter(stored, this.#count);
  }

  #flush(): void {
    if (this.#size === 0) return;
    this.#sql('INSERT INTO bucket_pages (run, first_key, entries) VALUES (?, ?, ?)').run(
      this.run,
      this.#keys[0],
      encodePage(this.#keys, this.#serials, this.#size),
    );
    this.#size = 0;
  }
}

/** Reads one run's entries in order, a few pages at a time. */
class RunCursor {
  key = 0;
  serial = 0;
  readonly #sql: Prepare;
  readonly #run: number;
  #pages: Page[] = [];
  #page = 0;
  #at = 0;
  /** The last page's first key (keys are never negative). */
  #after = -1;
  #done = false;

  constructor(sql: Prepare, run: number) {
    this.#sql = sql;
    this.#run = run;
    this.#load();
    this.#settle();
  }

  /** Whether `key` and `serial` hold an entry (false once the run is read). */
  ready(): boolean {
    return !this.#done;
  }

  advance(): void {
    this.#at++;
    this.#settle();
  }

  #settle(): void {
    for (;;) {
      const page = this.#pages[this.#page];
      if (page === undefined) {
        if (!this.#load()) {
          this.#done = true;
          return;
        }
        continue;
      }
      if (this.#at < page.keys.length) {
        this.key = page.keys[this.#at]!;
        this.serial = page.serials[this.#at]!;
        return;
      }
      this.#page++;
      this.#at = 0;
    }
  }

  #load(): boolean {
    const rows = this.#sql(
      'SELECT first_key, entries FROM bucket_pages WHERE run = ? AND first_key > ? ORDER BY first_key LIMIT ?',
    ).all(this.#run, BigInt(this.#after), PAGES_PER_READ) as { first_key: number; entries: Uint8Array }[];
    if (rows.length === 0) return false;
    this.#after = rows[rows.length - 1]!.first_key;
    this.#pages = rows.map((row) => decodePage(row.entries));
    this.#page = 0;
    this.#at = 0;
    return true;
  }
}

/** Typed arrays share the machine's byte order: pages are little-endian, copied whole when the machine is too. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A page as bytes: the keys (float64, little-endian) then the serials (uint32, little-endian). */
function encodePage(keys: Float64Array, serials: Uint32Array, size: number): Uint8Array {
  const bytes = new Uint8Array(size * 12);
  if (LITTLE_ENDIAN) {
    new Float64Array(bytes.buffer, 0, size).set(keys.subarray(0, size));
    new Uint32Array(bytes.buffer, size * 8, size).set(serials.subarray(0, size));
    return bytes;
  }
  const view = new DataView(bytes.buffer);
  for (let at = 0; at < size; at++) {
    view.setFloat64(at * 8, keys[at]!, true);
    view.setUint32(size * 8 + at * 4, serials[at]!, true);
  }
  return bytes;
}

function decodePage(bytes: Uint8Array): Page {
  const size = bytes.byteLength / 12;
  if (LITTLE_ENDIAN) {
    // One copy into an aligned buffer, then views: no loop over the entries.
    const aligned = new Uint8Array(bytes.byteLength);
    aligned.set(bytes);
    return {
      keys: new Float64Array(aligned.buffer, 0, size),
      serials: new Uint32Array(aligned.buffer, size * 8, size),
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys = new Float64Array(size);
  const serials = new Uint32Array(size);
  for (let at = 0; at < size; at++) {
    keys[at] = view.getFloat64(at * 8, true);
    serials[at] = view.getUint32(size * 8 + at * 4, true);
  }
  return { keys, serials };
}

/** Every key of the lists once, ascending. */
function distinctSorted(keyLists: readonly (readonly number[])[]): Float64Array {
  const all = new Float64Array(keyLists.reduce((sum, keys) => sum + keys.length, 0));
  let size = 0;
  for (const keys of keyLists) for (const key of keys) all[size++] = key;
  all.sort();
  let distinct = 0;
  for (let at = 0; at < size; at++) if (at === 0 || all[at] !== all[at - 1]) all[distinct++] = all[at]!;
  return all.subarray(0, distinct);
}

function grown<T extends Float64Array | Uint32Array>(array: T, Kind: new (length: number) => T): T {
  const larger = new Kind(array.length * 2);
  larger.set(array);
  return larger;
}
