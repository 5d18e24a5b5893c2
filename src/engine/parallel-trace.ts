import { paragraphBlocks } from '../align/paragraph-blocks.js';
import type { Article } from '../model/article.js';
import type { PairResult, PairVerdict } from '../model/relation.js';
import type { TraceResult } from '../model/story.js';
import {
  articleSimilarities,
  assembleTrace,
  canonicalArticles,
  duplicateClasses,
  expandResults,
  orderedKey,
  planComparisons,
  planStories,
} from '../pipeline/trace.js';
import type { PairSimilarity } from '../provenance/stories.js';
import type { OnProgress } from '../service/progress.js';
import { emptyOffsetMap } from '../text/offsets.js';
import type { CompareTask, FingerprintTask, KeyedArticle, OrientTask } from '../workers/tasks.js';
import type { Engine } from './engine.js';

/** Below this many distinct documents a pool costs more to start than it saves. */
const POOL_MIN_DOCUMENTS = 24;
/**
 * Each task takes this share of the work left, per thread (see shrinkingChunks): large enough
 * that a task covers a run of neighbouring documents (pairs are sorted), so a thread analyses
 * each document once, small enough to even out uneven tasks.
 */
const TASKS_PER_THREAD = 4;

/**
 * Traces articles on the engine's threads: fingerprints, pair comparisons and tree edges run
 * as tasks, the plan and the assembly here; the steps are those of traceArticles, so the result
 * is the same as in one thread.
 */
export async function traceOnEngine(
  engine: Engine,
  given: readonly Article[],
  onProgress?: OnProgress,
): Promise<TraceResult> {
  if (engine.workers === 1 || given.length < POOL_MIN_DOCUMENTS) return engine.trace(given);
  const { articles, keys } = canonicalArticles(given);
  const classOf = duplicateClasses(keys);
  const classes = [...new Set(classOf)];
  // Duplicates are compared once: what counts is the distinct articles.
  if (classes.length < POOL_MIN_DOCUMENTS) return engine.trace(given);
  const now = engine.now();
  const keyed = (index: number): KeyedArticle => ({ key: keys[index]!, article: articles[index]! });
  // Comparing without changes reads neither the input nor the offsets: leave them out of messages.
  const lean = (index: number): KeyedArticle => ({
    key: keys[index]!,
    article: {
      ...articles[index]!,
      content: '',
      boilerplate: [],
      origin: emptyOffsetMap(),
      paragraphBlocks: paragraphBlocks(articles[index]!),
    },
  });

  const fingerprintTasks = shrinkingChunks(classes, engine.workers, MIN_DOCUMENTS_PER_TASK).map(
    (chunk): FingerprintTask => ({ kind: 'fingerprint', articles: chunk.map(lean) }),
  );
  const fingerprints = (await engine.run(fingerprintTasks)).flat();
  const plan = planComparisons(keys, classOf, classes, fingerprints);

  const comparePairs = shrinkingChunks(plan.pairs, engine.workers, MIN_PAIRS_PER_TASK);
  const compareTasks = comparePairs.map((pairs): CompareTask => {
    const local = localIndices(pairs.flat());
    return {
      kind: 'compare',
      now,
      articles: [...local.keys()].map(lean),
      pairs: pairs.map(([first, second]) => [local.get(first)!, local.get(second)!]),
    };
  });
  const compared = new Map<string, PairVerdict>();
  // One run per task, so progress can count pairs as each task comes back.
  let done = 0;
  onProgress?.({ stage: 'compare', done, total: plan.pairs.length });
  const comparing = Promise.all(
    compareTasks.map(async (task, index) => {
      const [results] = await engine.run([task]);
      done += comparePairs[index]!.length;
      onProgress?.({ stage: 'compare', done, total: plan.pairs.length });
      return results!;
    }),
  );
  // Awaited below, after the similarities: a task failing meanwhile is not an unhandled rejection.
  comparing.catch(() => {});
  // The story similarities need only the fingerprints: this thread works them out while the
  // pool's threads compare (it joins the comparing when done), instead of all threads waiting.
  const similarities = await new Promise<PairSimilarity[]>((resolve) =>
    setImmediate(() => resolve(articleSimilarities(classOf, classes, fingerprints))),
  );
  const compareResults = await comparing;
  compareResults.forEach((results, task) => {
    results.forEach((result, index) => {
      const [first, second] = comparePairs[task]![index]!;
      compared.set(orderedKey(first, second), result);
    });
  });

  const planned = planStories(articles, classOf, expandResults(plan, compared), similarities);
  const edgeChunks = shrinkingChunks(planned.orientations, engine.workers, MIN_EDGES_PER_TASK);
  const orientTasks = edgeChunks.map((edges): OrientTask => {
    const local = localIndices(edges.flatMap((edge) => [edge.first, edge.second]));
    return {
      kind: 'orient',
      now,
      articles: [...local.keys()].map(keyed),
      edges: edges.map((edge) => ({
        first: local.get(edge.first)!,
        second: local.get(edge.second)!,
        parentIsFirst: edge.parentIsFirst,
        result: edge.result,
      })),
    };
  });
  const oriented = new Map<string, PairResult>();
  (await engine.run(orientTasks)).forEach((results, task) => {
    results.forEach((result, index) => {
      oriented.set(edgeChunks[task]![index]!.key, result);
    });
  });
  return assembleTrace(articles, planned, oriented);
}

/** Positions of distinct article indices in a task's own article list, in first-seen order. */
function localIndices(indices: readonly number[]): Map<number, number> {
  const local = new Map<number, number>();
  for (const index of indices) if (!local.has(index)) local.set(index, local.size);
  return local;
}

/** The smallest tasks, each a few hundred milliseconds of work at most: worth a message. */
const MIN_DOCUMENTS_PER_TASK = 16;
const MIN_PAIRS_PER_TASK = 64;
/** A tree edge's orientation lists the changes too: it weighs several pair comparisons. */
const MIN_EDGES_PER_TASK = 4;

/**
 * Consecutive chunks whose sizes shrink as the work left shrinks (guided scheduling): each is a
 * share of what remains, so early tasks are long (few messages, each thread analyses each
 * document once) and the last are short, and no thread is left running a long task alone
 * while the others have finished.
 */
function shrinkingChunks<T>(items: readonly T[], threads: number, minimum: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; ) {
    const remaining = items.length - start;
    const size = Math.max(minimum, Math.ceil(remaining / (threads * TASKS_PER_THREAD)));
    result.push(items.slice(start, start + size));
    start += size;
  }
  return result;
}
