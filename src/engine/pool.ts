import { Piscina } from 'piscina';
import type { LexiconBytes } from '../text/lexicon.js';
import type { Task, TaskOutput } from '../workers/tasks.js';

/**
 * A pool of threads running tasks.ts handlers, each thread with its own engine, all of them on
 * one shared copy of the lexicon files.
 */
export interface TaskPool {
  run<T extends Task>(tasks: readonly T[]): Promise<Array<TaskOutput<T>>>;
  close(): Promise<void>;
}

/** Threads stay for this long between steps of a trace (each holds its lexicon and caches). */
const IDLE_MS = 30_000;

export function createTaskPool(threads: number, lexiconBytes: LexiconBytes): TaskPool {
  const piscina = new Piscina({
    filename: new URL('../workers/worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    workerData: { lexiconBytes },
  });
  return {
    async run(tasks) {
      return Promise.all(tasks.map((task) => piscina.run(task)));
    },
    async close() {
      await piscina.destroy();
    },
  };
}
