/** Reading a batch through the service: documents streamed in input order, the engine a command runs on. */
import { createEngine, type Engine } from '../engine/engine.js';
import type { ArticleParts } from '../extract/index.js';
import { isInputFailure, readInputs } from '../ingest/index.js';
import type { RawDocument } from '../model/article.js';
import type { ExtractedDocument } from '../model/document.js';
import { extractDocuments } from '../service/index.js';
import { type Console, reportError, reportLine } from './console.js';
import type { OnProgress } from './progress.js';

/** Runs a command's work on the console's engine, or on a new one that is closed afterwards. */
export async function withEngine<T>(io: Console, work: (engine: Engine) => Promise<T>): Promise<T> {
  if (io.engine !== undefined) return work(io.engine);
  const engine = createEngine();
  try {
    return await work(engine);
  } finally {
    // The pool's threads would otherwise keep the process alive until they idle out.
    await engine.close();
  }
}

/** Counts of a batch as it is read. */
export interface BatchCounts {
  /** Documents read and extracted. */
  read: number;
  /** Inputs or records that failed (each reported on one stderr line). */
  failed: number;
}

/** The outcome of reading a batch: the documents that came out and whether any input failed. */
export interface LoadedDocuments {
  documents: ExtractedDocument[];
  failed: number;
}

/** Documents handed to the service at once when the engine has threads: enough to fill them. */
const CHUNK_WITH_THREADS = 32;

/**
 * Reads every input and extracts it through the service, yielding documents in input order as
 * they are ready, so results can be written as they come. On one thread a document at a time;
 * with threads in chunks, the next chunk being read while the last is extracted. A bad input is
 * reported on stderr with its name and skipped; the rest of the batch goes on. `parts`: the
 * parts asked for beside each story (reader comments, header).
 */
export async function* streamDocuments(
  engine: Engine,
  inputs: readonly string[],
  io: Console,
  counts: BatchCounts,
  onProgress?: OnProgress,
  parts: ArticleParts = {},
): AsyncGenerator<ExtractedDocument> {
  const options = {
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
    ...(io.listDirectory === undefined ? {} : { listDirectory: io.listDirectory }),
  };
  const chunkSize = engine.workers > 1 ? CHUNK_WITH_THREADS : 1;
  let chunk: RawDocument[] = [];
  let pending: ReturnType<typeof extractDocuments> | null = null;
  const settle = function* (
    outcome: Awaited<ReturnType<typeof extractDocuments>>,
  ): Generator<ExtractedDocument> {
    for (const failure of outcome.failures) {
      const named = failure.message.startsWith(`${failure.name}: `);
      reportLine(io, named ? failure.message : `${failure.name}: ${failure.message}`);
      counts.failed++;
    }
    for (const document of outcome.documents) {
      counts.read++;
      onProgress?.({ stage: 'read', done: counts.read });
      yield document;
    }
  };
  for await (const item of readInputs(inputs, options)) {
    if (isInputFailure(item)) {
      reportError(io, item.error);
      counts.failed++;
      continue;
    }
    chunk.push(item);
    if (chunk.length < chunkSize) continue;
    const started = extractDocuments(engine, chunk, parts);
    chunk = [];
    if (pending !== null) yield* settle(await pending);
    pending = started;
  }
  if (pending !== null) yield* settle(await pending);
  if (chunk.length > 0) yield* settle(await extractDocuments(engine, chunk, parts));
}

/** Reads and extracts a whole batch (see streamDocuments). */
export async function loadDocuments(
  engine: Engine,
  inputs: readonly string[],
  io: Console,
  onProgress?: OnProgress,
): Promise<LoadedDocuments> {
  const counts: BatchCounts = { read: 0, failed: 0 };
  const documents: ExtractedDocument[] = [];
  for await (const document of streamDocuments(engine, inputs, io, counts, onProgress))
    documents.push(document);
  return { documents, failed: counts.failed };
}

export { type Console, processConsole, reportError } from './console.js';
