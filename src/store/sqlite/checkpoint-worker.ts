/**
 * The store's checkpoint thread (checkpoint-thread.ts): its own connection to the file, running
 * a passive checkpoint on request.
 */
import { workerData } from 'node:worker_threads';
import { openConnection } from './sqlite-store.js';

const client = openConnection((workerData as { path: string }).path);

export default function checkpoint(): void {
  client.pragma('wal_checkpoint(PASSIVE)');
}
