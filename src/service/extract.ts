import { toSourceDocument, uniqueDocuments } from '../engine/documents.js';
import type { Engine } from '../engine/engine.js';
import type { ArticleParts } from '../extract/index.js';
import type { RawDocument } from '../model/article.js';
import type { DocumentFailure, ExtractedDocument, SourceDocument } from '../model/document.js';
import type { ExtractTask } from '../workers/tasks.js';

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
 * content id), on the engine's threads when there are many, with the `parts` asked for beside
 * each story (reader comments, header). A document that fails is listed in `failures`; the others
 * are kept, in input order.
 */
export async function extractDocuments(
  engine: Engine,
  inputs: Iterable<RawDocument | SourceDocument>,
  parts: ArticleParts = {},
): Promise<ExtractOutcome> {
  const unique = uniqueDocuments(Array.from(inputs, asSourceDocument));
  // The same content (and metadata) under several names is extracted once.
  const firstOf = new Map<string, number>();
  const source = unique.map((document, index) => {
    const key = extractionKey(document);
    const first = firstOf.get(key);
    if (first !== undefined) return first;
    firstOf.set(key, index);
    return index;
  });
  const distinct = unique.filter((_, index) => source[index] === index);
  const size =
    engine.workers > 1 && distinct.length >= POOL_MIN_DOCUMENTS ? DOCUMENTS_PER_TASK : distinct.length;
  const tasks: ExtractTask[] = [];
  for (let start = 0; start < distinct.length; start += size) {
    tasks.push({ kind: 'extract', documents: distinct.slice(start, start + size), parts });
  }
  const runOn = size === distinct.length ? oneThread(engine) : engine;
  const outputs = (await runOn.run(tasks)).flat();
  const outputOf = new Map(distinct.map((document, index) => [document, outputs[index]!]));
  const documents: ExtractedDocument[] = [];
  const failures: DocumentFailure[] = [];
  unique.forEach((document, index) => {
    const item = outputOf.get(unique[source[index]!]!)!;
    if (isFailure(item)) failures.push(renamedFailure(item, document.name));
    else documents.push(renamed(item, document.name));
  });
  return { documents, failures };
}

/** A failure under another name: the message names the input it is about. */
function renamedFailure(failure: DocumentFailure, name: string): DocumentFailure {
  if (failure.name === name) return failure;
  const prefix = `${failure.name}: `;
  const message = failure.message.startsWith(prefix)
    ? `${name}: ${failure.message.slice(prefix.length)}`
    : failure.message;
  return { name, message };
}

function extractionKey(document: SourceDocument): string {
  return JSON.stringify([document.id, document.format, document.encoding, document.meta ?? null]);
}

/** An extracted document under another name (extraction never reads the name). */
function renamed(document: ExtractedDocument, name: string): ExtractedDocument {
  return document.name === name
    ? document
    : { ...document, name, article: { ...document.article, input: name } };
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

function isFailure(item: ExtractedDocument | DocumentFailure): item is DocumentFailure {
  return !('article' in item);
}

function asSourceDocument(input: RawDocument | SourceDocument): SourceDocument {
  return 'version' in input ? input : toSourceDocument(input);
}
