/**
 * The part of a SQLite client the store calls, and nothing more: better-sqlite3 fits it, and so
 * would any synchronous driver with prepared statements and transactions.
 */
export interface SqliteStatement {
  run(...params: readonly unknown[]): { changes: number };
  get(...params: readonly unknown[]): unknown;
  all(...params: readonly unknown[]): unknown[];
  /** Rows one at a time (a large answer never held whole). */
  iterate(...params: readonly unknown[]): IterableIterator<unknown>;
  /** Rows as their first column's value alone (no object per row); returns the statement. */
  pluck(toggle?: boolean): SqliteStatement;
}

export interface SqliteClient {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<Arguments extends unknown[], Result>(
    body: (...args: Arguments) => Result,
  ): (...args: Arguments) => Result;
  close(): unknown;
}

/** Opens the file; `readonly` fails on a missing file instead of creating one. */
export type SqliteOpener = (path: string, options: { readonly: boolean }) => SqliteClient;
