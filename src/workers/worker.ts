/**
 * A pool thread: one engine per thread, its lexicon built on the files the main thread read
 * into shared memory, running the tasks the main thread hands out (see tasks.ts).
 */
import { workerData } from 'node:worker_threads';
import { createEngine } from '../engine/engine.js';
import type { LexiconBytes } from '../text/lexicon.js';
import { runTask, type Task, type TaskOutput } from './tasks.js';

const { lexiconBytes } = workerData as { lexiconBytes: LexiconBytes };
const engine = createEngine({ workers: 1, lexiconBytes });

export default function run(task: Task): TaskOutput<Task> {
  return runTask(engine, task);
}
