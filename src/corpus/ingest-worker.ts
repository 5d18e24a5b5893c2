/**
 * A pool thread of the corpus ingest: one engine per thread, its lexicon built on the files the
 * main thread read into shared memory, running the prepare and verify tasks it hands out.
 */
import { workerData } from 'node:worker_threads';
import { createEngine } from '../engine/engine.js';
import type { LexiconBytes } from '../text/lexicon.js';
import { type IngestTask, runIngestTask } from './ingest-tasks.js';

const { lexiconBytes } = workerData as { lexiconBytes: LexiconBytes };
const engine = createEngine({ workers: 1, lexiconBytes });

export default function run(task: IngestTask): unknown {
  return runIngestTask(engine, task);
}
