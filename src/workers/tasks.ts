import type { Engine } from '../engine/engine.js';
import type { ArticleParts } from '../extract/index.js';
import type { Article } from '../model/article.js';
import type { DocumentFailure, ExtractedDocument, SourceDocument } from '../model/document.js';
import { type PairResult, type PairVerdict, verdictOf } from '../model/relation.js';
import { type ArticleFingerprint, fingerprintArticle } from '../pipeline/candidates.js';
import { comparePair, orientPair } from '../pipeline/compare.js';

/**
 * The units of work a trace hands out, as plain data: the same handler runs them in this
 * thread (one worker) or in a pool thread, so both give the same results.
 */
export type Task = ExtractTask | FingerprintTask | CompareTask | OrientTask;

export interface ExtractTask {
  kind: 'extract';
  documents: SourceDocument[];
  /** The parts asked for beside each story (reader comments, header). */
  parts?: ArticleParts;
}

export interface FingerprintTask {
  kind: 'fingerprint';
  articles: KeyedArticle[];
}

/** Pairs of `articles` (indices into it) to compare without listing changes. */
export interface CompareTask {
  kind: 'compare';
  now: number;
  articles: KeyedArticle[];
  pairs: Array<[number, number]>;
}

/** Tree edges to orient: a pair's result read with the parent as source, changes listed. */
export interface OrientTask {
  kind: 'orient';
  now: number;
  articles: KeyedArticle[];
  edges: Array<{ first: number; second: number; parentIsFirst: boolean; result: PairVerdict }>;
}

/** An article with its duplicate key: analyses are cached by key in each thread. */
export interface KeyedArticle {
  key: string;
  article: Article;
}

export type TaskOutput<T extends Task> = T extends ExtractTask
  ? Array<ExtractedDocument | DocumentFailure>
  : T extends FingerprintTask
    ? ArticleFingerprint[]
    : T extends CompareTask
      ? PairVerdict[]
      : PairResult[];

/** Runs a task on an engine. */
export function runTask<T extends Task>(engine: Engine, task: T): TaskOutput<T>;
export function runTask(engine: Engine, task: Task): TaskOutput<Task> {
  switch (task.kind) {
    case 'extract':
      return task.documents.map((document) => {
        try {
          return engine.extract(document, task.parts);
        } catch (error) {
          return { name: document.name, message: error instanceof Error ? error.message : String(error) };
        }
      });
    case 'fingerprint':
      return task.articles.map(({ key, article }) =>
        fingerprintArticle(engine.analyseByKey(key, article), engine.lexicon),
      );
    case 'compare': {
      const context = { ...engine.context(), now: task.now };
      const analysed = task.articles.map(({ key, article }) => engine.analyseByKey(key, article));
      // Verdicts only: the alignments stay here (tree edges are aligned again when oriented).
      return task.pairs.map(([a, b]) =>
        verdictOf(comparePair(analysed[a]!, analysed[b]!, context, { changes: false })),
      );
    }
    case 'orient': {
      const context = { ...engine.context(), now: task.now };
      const analysed = task.articles.map(({ key, article }) => engine.analyseKeyed(key, article));
      return task.edges.map((edge) => {
        const first = analysed[edge.first]!;
        const second = analysed[edge.second]!;
        return orientPair(edge.result, first, second, edge.parentIsFirst ? first : second, context);
      });
    }
  }
}
