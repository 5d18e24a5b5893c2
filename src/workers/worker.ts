/**
 * A pool thread: one engine per thread, its lexicon loaded once on first use, running the
 * tasks the main thread hands out (see tasks.ts).
 */
import { workerData } from 'node:worker_threads';
import { createEngine } from '../engine/engine.js';
import { runTask, type Task, type TaskOutput } from './tasks.js';

const data = workerData as { lexicon?: string } | undefined;
const engine = createEngine({
  workers: 1,
  ...(data?.lexicon === undefined ? {} : { lexicon: new URL(data.lexicon) }),
});

export default function run(task: Task): TaskOutput<Task> {
  return runTask(engine, task);
}
