import type { Engine } from '../engine/engine.js';
import { FingerprintScratch } from '../fingerprint/scratch.js';
import type { RawDocument } from '../model/article.js';
import type { PairResult, RelationKind } from '../model/relation.js';
import { comparePair } from '../pipeline/compare.js';
import type { StoredPassage } from '../store/store.js';
import { type Prepared, prepareLine, prepareOrFailure, storedArticle } from './prepare.js';

/**
 * The units of work of an ingest, as plain data: the same handler runs them in the calling
 * thread or in a pool thread (ingest-worker.ts), so both give the same results.
 */
export type IngestTask = PrepareTask | VerifyTask;

export interface PrepareTask {
  kind: 'prepare';
  documents: PrepareItem[];
  /** The bytes of the task's JSON Lines records, one after another (moved to the thread, not copied). */
  lineBytes: Uint8Array;
}

/** A document, or a JSON Lines record as the span of the task's lineBytes it takes. */
export type PrepareItem = RawDocument | LineSpan;

export interface LineSpan {
  kind: 'jsonl-line';
  file: string;
  line: number;
  start: number;
  end: number;
}

/** Pairs to compare in full; each side rebuilt from its story text, as it is stored. */
export interface VerifyTask {
  kind: 'verify';
  pairs: VerifyPair[];
}

/** One side of a pair: what the store keeps of a document. */
export interface VerifySide {
  name: string;
  contentId: string;
  text: string;
  title: string | null;
  published: string | null;
}

export interface VerifyPair {
  earlier: VerifySide;
  later: VerifySide;
}

/** The full comparison's answer, reduced to what the corpus stores (passages: side a is the source, else `earlier`). */
export interface Verdict {
  relation: RelationKind;
  score: number;
  direction: 'earlier->later' | 'later->earlier' | null;
  confidence: number;
  /** The relation model's class probabilities (empty when none decided it). */
  probabilities: Record<string, number>;
  passages: StoredPassage[];
}

export type IngestOutput<T extends IngestTask> = T extends PrepareTask ? Prepared[] : Verdict[];

export function runIngestTask<T extends IngestTask>(engine: Engine, task: T): IngestOutput<T>;
export function runIngestTask(engine: Engine, task: IngestTask): IngestOutput<IngestTask> {
  if (task.kind === 'prepare') {
    const { lineBytes } = task;
    const scratch = new FingerprintScratch(); // the task's documents are fingerprinted in turn
    return task.documents.map((item) =>
      'start' in item
        ? prepareLine(item.file, item.line, lineBytes.subarray(item.start, item.end), scratch)
        : prepareOrFailure(item, scratch),
    );
  }
  const context = engine.context();
  const analysed = (side: VerifySide) =>
    // Keyed by content: a document compared with several candidates is analysed once per thread.
    engine.analyseKeyed(side.contentId, storedArticle(side.name, side.text, side.title, side.published));
  return task.pairs.map(({ earlier, later }) =>
    verdictOf(comparePair(analysed(earlier), analysed(later), context, { changes: false })),
  );
}

function verdictOf(result: PairResult): Verdict {
  const direction = result.direction.direction;
  return {
    relation: result.relation,
    score: result.score,
    direction: direction === 'a->b' ? 'earlier->later' : direction === 'b->a' ? 'later->earlier' : null,
    confidence: direction === null ? 0 : Math.round(result.direction.confidence * 1000) / 1000,
    probabilities: result.evidence?.probabilities ?? {},
    passages: result.alignment.passages
      .filter((passage) => passage.a !== null && passage.b !== null)
      .map((passage) => ({
        kind: passage.kind,
        source: passage.a === null ? null : [passage.a.start, passage.a.end],
        copy: passage.b === null ? null : [passage.b.start, passage.b.end],
        similarity: Math.round(passage.similarity * 1000) / 1000,
      })),
  };
}
