import { toSourceDocument, uniqueDocuments } from '../engine/documents.js';
import type { Engine } from '../engine/engine.js';
import type { RawDocument } from '../model/article.js';
import type { DocumentFailure, ExtractedDocument, SourceDocument } from '../model/document.js';
import { type ExtractTask, isFailure } from '../workers/tasks.js';

export interface ExtractOutcome {
  /** The documents an article was found in, in input order; the same input given twice once. */
  documents: ExtractedDocument[];
  /** The documents that held no article or could not be read, each with one line saying why. */
  failures: DocumentFailure[];
}

/** Documents per extraction task on the pool. */
const DOCUMENTS_PER_TASK = 8;
/** Below this many documents extraction stays in this thread. */
const POOL_MIN_DOCUMENTS = 24;

/**
 * Extracts the article of every document (raw documents as read, or SourceDocuments with their
 * content id), on the engine's threads when there are many. A document that fails is listed in
 * `failures`; the others are kept, in input order.
 */
export async function extractDocuments(
  engine: Engine,
  inputs: Iterable<RawDocument | SourceDocument>,
): Promise<ExtractOutcome> {
  const unique = uniqueDocuments(Array.from(inputs, asSourceDocument));
  const size = engine.workers > 1 && unique.length >= POOL_MIN_DOCUMENTS ? DOCUMENTS_PER_TASK : unique.length;
  const tasks: ExtractTask[] = [];
  for (let start = 0; start < unique.length; start += size) {
    tasks.push({ kind: 'extract', documents: unique.slice(start, start + size) });
  }
  const runOn = size === unique.length ? oneThread(engine) : engine;
  const documents: ExtractedDocument[] = [];
  const failures: DocumentFailure[] = [];
  for (const item of (await runOn.run(tasks)).flat()) {
    if (isFailure(item)) failures.push(item);
    else documents.push(item);
  }
  return { documents, failures };
}

/** The engine's run, forced into this thread (a handful of documents). */
function oneThread(engine: Engine): Pick<Engine, 'run'> {
  return {
    async run(tasks) {
      const { runTask } = await import('../workers/tasks.js');
      return tasks.map((task) => runTask(engine, task));
    },
  };
}

function asSourceDocument(input: RawDocument | SourceDocument): SourceDocument {
  return 'version' in input ? input : toSourceDocument(input);
}
