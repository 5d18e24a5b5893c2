import type { Engine } from '../engine/engine.js';
import type { ExtractedDocument } from '../model/document.js';
import type { PairResult } from '../model/relation.js';
import type { CompareOptions } from '../pipeline/compare.js';
import { type CompareJson, compareToJson } from '../report/json.js';

export interface CompareOutcome {
  /** The pair's result, for the terminal and HTML renderers. */
  result: PairResult;
  /** The result in the JSON shape `wiretrace compare --json` prints. */
  json: CompareJson;
}

/** Compares two extracted documents: relation, score, direction, passages and changes. */
export async function compareDocuments(
  engine: Engine,
  a: ExtractedDocument,
  b: ExtractedDocument,
  options: CompareOptions = {},
): Promise<CompareOutcome> {
  const result = engine.compare(a.article, b.article, options);
  return { result, json: compareToJson(a.article, b.article, result) };
}
