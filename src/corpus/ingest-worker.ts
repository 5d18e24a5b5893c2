/**
 * A pool thread of the corpus ingest: one engine per thread (its lexicon loaded on the first
 * comparison), running the prepare and verify tasks the main thread hands out.
 */
import { createEngine } from '../engine/engine.js';
import { type IngestTask, runIngestTask } from './ingest-tasks.js';

const engine = createEngine({ workers: 1 });

export default function run(task: IngestTask): unknown {
  return runIngestTask(engine, task);
}
