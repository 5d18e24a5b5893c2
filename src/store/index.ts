export { packText, unpackText } from './packed-text.js';
export { openSqliteStore } from './sqlite/sqlite-store.js';
export * from './store.js';
