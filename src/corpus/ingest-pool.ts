import { Piscina, type PiscinaTask, type TaskQueue } from 'piscina';
import type { Engine } from '../engine/engine.js';
import { isJsonlLine, type JsonlLine } from '../ingest/jsonl-records.js';
import type { RawDocument } from '../model/article.js';
import { readLexiconBytes } from '../text/lexicon.js';
import {
  type IngestTask,
  type PrepareItem,
  type PrepareTask,
  runIngestTask,
  type Verdict,
  type VerifyPair,
} from './ingest-tasks.js';
import type { Prepared } from './prepare.js';

/** Where an ingest's heavy work runs: pool threads, or the calling thread. */
export interface IngestPool {
  /** Extracts and fingerprints documents (JSON Lines records parsed first), results in input order. */
  prepare(documents: readonly (RawDocument | JsonlLine)[]): Promise<Prepared[]>;
  /** Compares pairs in full, results in input order. */
  verify(pairs: readonly VerifyPair[]): Promise<Verdict[]>;
  close(): Promise<void>;
}

/**
 * Documents per prepare task: a batch is eight tasks, each long enough (a tenth of a second or
 * so) that a thread holding two has work for most of a commit (see TASKS_PER_THREAD_AT_ONCE).
 */
const DOCUMENTS_PER_TASK = 128;
/**
 * Tasks handed to each thread at once: the one it runs and the next. The thread that hands them
 * out commits in long synchronous steps and cannot give a thread its next task the moment it
 * finishes one; with the next already in hand, a thread prepares while the batch before is
 * committed (with the event-loop turns the commit gives, a tenth faster ingest, measured; 64
 * tasks of 32 documents in hand were no faster, and many tasks arriving together at a thread that
 * has not yet loaded its code once crashed Node's module loader).
 */
const TASKS_PER_THREAD_AT_ONCE = 2;
/** Pairs per verify task: a comparison takes far longer than the message that carries it. */
const PAIRS_PER_TASK = 2;
/** Each pool thread's young generation (V8's default is several times larger). */
const YOUNG_GENERATION_MB = 8;
/** Threads stay this long without work (a reader's find never starts them). */
const IDLE_MS = 30_000;

/** `threads` ≤ 1: everything runs in the calling thread, on `engine`. */
export function createIngestPool(threads: number, engine: Engine): IngestPool {
  if (threads <= 1) {
    return {
      async prepare(documents) {
        return runIngestTask(engine, prepareTask(documents));
      },
      async verify(pairs) {
        return runIngestTask(engine, { kind: 'verify', pairs: [...pairs] });
      },
      async close() {},
    };
  }
  let piscina: Piscina | undefined;
  const run = async <T>(task: IngestTask, transferList?: ArrayBuffer[]): Promise<T> => {
    piscina ??= new Piscina({
      filename: new URL('./ingest-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: TASKS_PER_THREAD_AT_ONCE,
      idleTimeout: IDLE_MS,
      taskQueue: new VerifyFirstQueue(),
      // One copy of the lexicon files in shared memory for every thread, read when they start.
      workerData: { lexiconBytes: readLexiconBytes() },
      // A prepare's garbage dies young: a small young generation keeps each thread's memory
      // down (about 40 MB less per thread, measured) at no cost in speed.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // The symbol-keyed option is read by the queue and not sent to the thread.
    return (await piscina.run(
      { ...task, [Piscina.queueOptionsSymbol]: { kind: task.kind } },
      { transferList },
    )) as T;
  };
  return {
    async prepare(documents) {
      const parts = await Promise.all(
        chunked(documents, DOCUMENTS_PER_TASK).map((chunk) => {
          const task = prepareTask(chunk);
          return run<Prepared[]>(task, [task.lineBytes.buffer as ArrayBuffer]);
        }),
      );
      return parts.flat();
    },
    async verify(pairs) {
      const parts = await Promise.all(
        chunked(pairs, PAIRS_PER_TASK).map((chunk) => run<Verdict[]>({ kind: 'verify', pairs: chunk })),
      );
      return parts.flat();
    },
    async close() {
      const running = piscina;
      piscina = undefined;
      await running?.destroy();
    },
  };
}

/**
 * The tasks no thread has in hand yet (while the threads start, or when their hands are full):
 * verification first, then preparation in arrival order. The main thread waits on a batch's
 * verifications before it can commit, while the batches prepared ahead are not awaited yet.
 */
class VerifyFirstQueue implements TaskQueue {
  readonly #verify: PiscinaTask[] = [];
  readonly #prepare: PiscinaTask[] = [];

  get size(): number {
    return this.#verify.length + this.#prepare.length;
  }

  push(task: PiscinaTask): void {
    const options = (task as unknown as Record<symbol, { kind?: IngestTask['kind'] } | null>)[
      Piscina.queueOptionsSymbol
    ];
    (options?.kind === 'verify' ? this.#verify : this.#prepare).push(task);
  }

  shift(): PiscinaTask | null {
    return this.#verify.shift() ?? this.#prepare.shift() ?? null;
  }

  remove(task: PiscinaTask): void {
    for (const queue of [this.#verify, this.#prepare]) {
      const at = queue.indexOf(task);
      if (at >= 0) queue.splice(at, 1);
    }
  }
}

/** A prepare task: documents as they are, JSON Lines records as spans of one buffer of their bytes. */
function prepareTask(items: readonly (RawDocument | JsonlLine)[]): PrepareTask {
  let size = 0;
  for (const item of items) if (isJsonlLine(item)) size += item.bytes.length;
  const lineBytes = new Uint8Array(size);
  let at = 0;
  const documents = items.map((item): PrepareItem => {
    if (!isJsonlLine(item)) return item;
    lineBytes.set(item.bytes, at);
    at += item.bytes.length;
    return { kind: 'jsonl-line', file: item.file, line: item.line, start: at - item.bytes.length, end: at };
  });
  return { kind: 'prepare', documents, lineBytes };
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
