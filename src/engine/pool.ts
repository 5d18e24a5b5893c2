import { Piscina } from 'piscina';
import type { LexiconBytes } from '../text/lexicon.js';
import type { Task, TaskOutput } from '../workers/tasks.js';

/**
 * A pool of threads running tasks.ts handlers, each thread with its own engine, all of them on
 * one shared copy of the lexicon files.
 */
export interface TaskPool {
  runOne<T extends Task>(task: T): Promise<TaskOutput<T>>;
  close(): Promise<void>;
}

/** Threads stay for this long between steps of a trace (each holds its lexicon and caches). */
const IDLE_MS = 30_000;

/**
 * Tasks handed to a thread at once: the one it runs and the next, so it can go on while the
 * thread that feeds it is busy (see SharedRunner).
 */
export const TASKS_PER_THREAD_AT_ONCE = 2;

export function createTaskPool(threads: number, lexiconBytes: LexiconBytes): TaskPool {
  const piscina = new Piscina({
    filename: new URL('../workers/worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    concurrentTasksPerWorker: TASKS_PER_THREAD_AT_ONCE,
    workerData: { lexiconBytes },
  });
  return {
    runOne(task) {
      return piscina.run(task);
    },
    async close() {
      await piscina.destroy();
    },
  };
}
