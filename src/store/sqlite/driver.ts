/**
 * The part of a SQLite client the store calls, and nothing more: better-sqlite3 fits it, and so
 * would any synchronous driver with prepared statements and transactions.
 */
export interface SqliteStatement {
  run(...params: readonly unknown[]): { changes: number };
  get(...params: readonly unknown[]): unknown;
  all(...params: readonly unknown[]): unknown[];
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
