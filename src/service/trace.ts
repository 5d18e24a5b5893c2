import { uniqueDocuments } from '../engine/documents.js';
import type { Engine } from '../engine/engine.js';
import { traceOnEngine } from '../engine/parallel-trace.js';
import type { ExtractedDocument } from '../model/document.js';
import type { TraceResult } from '../model/story.js';
import { type TraceJson, traceToJson } from '../report/json.js';
import type { OnProgress } from './progress.js';

export interface TraceOutcome {
  /** Stories, derivation trees and changes, for the terminal and HTML renderers. */
  result: TraceResult;
  /** The result in the JSON shape `wiretrace trace --json` prints. */
  json: TraceJson;
}

/**
 * Traces extracted documents: stories, each with its derivation tree, root and every copy's
 * changes, on the engine's threads (the result is the same with any number). The same input
 * given twice counts once.
 */
export async function traceDocuments(
  engine: Engine,
  documents: readonly ExtractedDocument[],
  options: { onProgress?: OnProgress } = {},
): Promise<TraceOutcome> {
  const articles = uniqueDocuments(documents).map((document) => document.article);
  const result = await traceOnEngine(engine, articles, options.onProgress);
  return { result, json: traceToJson(result) };
}
