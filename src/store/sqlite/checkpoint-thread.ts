import { Piscina } from 'piscina';

/**
 * WAL checkpoints in a thread of their own, on its own connection to the store's file. A
 * checkpoint copies the pages committed to the write-ahead log into the database file and
 * waits for the disk (fsync); run by the writing connection (SQLite's automatic checkpoint) it
 * stops that thread's commits meanwhile, about a twentieth of an ingest's time. A passive
 * checkpoint from another connection runs beside the writer's next commits and never blocks
 * them; the log is read back by every reader in the meantime, so nothing is lost or missed.
 */
export interface CheckpointThread {
  /** Says how many documents were just committed: a checkpoint starts every so many, one at a time. */
  committed(documents: number): void;
  /** Waits for the checkpoint under way and ends the thread. */
  close(): Promise<void>;
}

/** Documents committed between checkpoints: some 32 MB of log (see the writer's automatic checkpoint). */
const DOCUMENTS_PER_CHECKPOINT = 4096;
const YOUNG_GENERATION_MB = 4;

export function createCheckpointThread(path: string, onFailure: (error: unknown) => void): CheckpointThread {
  let piscina: Piscina | undefined;
  let running: Promise<void> | null = null;
  let since = 0;
  let failed = false;
  const start = () => {
    piscina ??= new Piscina({
      filename: new URL('./checkpoint-worker.js', import.meta.url).href,
      minThreads: 1,
      maxThreads: 1,
      workerData: { path },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    running = piscina.run(null).then(
      () => {
        running = null;
      },
      (error: unknown) => {
        running = null;
        failed = true;
        onFailure(error);
      },
    );
  };
  return {
    committed(documents) {
      since += documents;
      if (failed || running !== null || since < DOCUMENTS_PER_CHECKPOINT) return;
      since = 0;
      start();
    },
    async close() {
      await running;
      const pool = piscina;
      piscina = undefined;
      await pool?.destroy();
    },
  };
}
