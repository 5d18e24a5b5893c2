import { Piscina, type PiscinaTask, type TaskQueue } from 'piscina';
import type { Engine } from '../engine/engine.js';
import type { RawDocument } from '../model/article.js';
import { readLexiconBytes } from '../text/lexicon.js';
import { type IngestTask, runIngestTask, type Verdict, type VerifyPair } from './ingest-tasks.js';
import type { PreparedDocument, PrepareFailure } from './prepare.js';

/** Where an ingest's heavy work runs: pool threads, or the calling thread. */
export interface IngestPool {
  /** Extracts and fingerprints documents, results in input order. */
  prepare(documents: readonly RawDocument[]): Promise<Array<PreparedDocument | PrepareFailure>>;
  /** Compares pairs in full, results in input order. */
  verify(pairs: readonly VerifyPair[]): Promise<Verdict[]>;
  close(): Promise<void>;
}

/** Documents per prepare task: enough to amortise a message, few enough to share out a batch. */
const DOCUMENTS_PER_TASK = 32;
/** Pairs per verify task: a comparison takes far longer than the message that carries it. */
const PAIRS_PER_TASK = 2;
/** Threads stay this long without work (a reader's find never starts them). */
const IDLE_MS = 30_000;

/**
 * `threads` ≤ 1: everything runs in the calling thread, on `engine`. Otherwise prepares run on
 * at most `threads − 1` threads at a time: the calling thread, which checks and commits each
 * batch in turn, is the ingest's critical path, and a prepare on every core would leave it a
 * share of one (the prepared batches are ahead of it anyway). Verifications, which it waits
 * on, take any thread.
 */
export function createIngestPool(threads: number, engine: Engine): IngestPool {
  if (threads <= 1) {
    return {
      async prepare(documents) {
        return runIngestTask(engine, { kind: 'prepare', documents: [...documents] });
      },
      async verify(pairs) {
        return runIngestTask(engine, { kind: 'verify', pairs: [...pairs] });
      },
      async close() {},
    };
  }
  let piscina: Piscina | undefined;
  const prepareSlots = new Slots(Math.max(1, threads - 1));
  const run = async <T>(task: IngestTask): Promise<T> => {
    piscina ??= new Piscina({
      filename: new URL('./ingest-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      taskQueue: new VerifyFirstQueue(),
      // One copy of the lexicon files in shared memory for every thread, read when they start.
      workerData: { lexiconBytes: readLexiconBytes() },
    });
    // The symbol-keyed option is read by the queue and not sent to the thread.
    return (await piscina.run({ ...task, [Piscina.queueOptionsSymbol]: { kind: task.kind } })) as T;
  };
  return {
    async prepare(documents) {
      const parts = await Promise.all(
        chunked(documents, DOCUMENTS_PER_TASK).map((chunk) =>
          prepareSlots.run(() =>
            run<Array<PreparedDocument | PrepareFailure>>({ kind: 'prepare', documents: chunk }),
          ),
        ),
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
 * Verification first, then preparation in arrival order: the main thread waits on a batch's
 * verifications before it can commit, while the batches prepared ahead are not awaited yet, so
 * the threads never keep the committing thread waiting behind work for later batches.
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

/** At most `size` tasks running at once; the others start in the order they came. */
class Slots {
  readonly #size: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its slot straight to the next in line.
    if (this.#running >= this.#size) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#running--;
      else next();
    }
  }
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
