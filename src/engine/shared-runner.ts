import type { Task, TaskOutput } from '../workers/tasks.js';
import type { TaskPool } from './pool.js';

interface Job {
  task: Task;
  resolve(output: unknown): void;
  reject(error: unknown): void;
}

/**
 * Runs tasks on the pool's threads and on this thread together: on N cores an engine starts
 * N - 1 threads and works as the N-th, so one thread fewer loads its code, warms its caches and
 * repeats the work every thread does on its own (analyses, word pairs). The pool is kept fed
 * with `poolSlots` tasks (one running and one waiting per thread), so its threads never wait
 * while this thread runs a task of its own; this thread takes the next task whenever it is free.
 */
export class SharedRunner {
  readonly #queue: Job[] = [];
  #inPool = 0;
  #hereScheduled = false;

  constructor(
    private readonly pool: TaskPool,
    private readonly poolSlots: number,
    private readonly runHere: (task: Task) => unknown,
  ) {}

  run<T extends Task>(task: T): Promise<TaskOutput<T>> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ task, resolve: resolve as (output: unknown) => void, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#inPool < this.poolSlots) {
      const job = this.#queue.shift()!;
      this.#inPool++;
      this.pool
        .runOne(job.task)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.#inPool--;
          this.#pump();
        });
    }
    if (this.#queue.length === 0 || this.#hereScheduled) return;
    // On the next turn of the event loop, so the pool's replies are read between local tasks.
    this.#hereScheduled = true;
    setImmediate(() => {
      this.#hereScheduled = false;
      const job = this.#queue.shift();
      if (job !== undefined) {
        try {
          job.resolve(this.runHere(job.task));
        } catch (error) {
          job.reject(error);
        }
      }
      this.#pump();
    });
  }
}
