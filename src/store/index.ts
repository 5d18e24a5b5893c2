export { openSqliteStore } from './sqlite/sqlite-store.js';
export * from './store.js';
