import { Piscina } from 'piscina';
import type { Task, TaskOutput } from '../workers/tasks.js';

/** A pool of threads running tasks.ts handlers, each thread with its own engine. */
export interface TaskPool {
  run<T extends Task>(tasks: readonly T[]): Promise<Array<TaskOutput<T>>>;
  close(): Promise<void>;
}

/** Idle threads stop after this long, so a finished command exits without waiting. */
const IDLE_MS = 2000;

export function createTaskPool(threads: number, lexicon: URL | undefined): TaskPool {
  const piscina = new Piscina({
    filename: new URL('../workers/worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    workerData: lexicon === undefined ? {} : { lexicon: lexicon.href },
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
