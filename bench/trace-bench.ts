import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LshIndex, Minhash } from 'minhash';
import { shareVocabulary } from '../src/align/vocabulary.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import { lshCandidatePairs } from '../src/fingerprint/lsh.js';
import { SHINGLE_WORDS } from '../src/fingerprint/minhash.js';
import type { Article } from '../src/model/article.js';
import {
  type ArticleFingerprint,
  CANDIDATE_OVERLAP,
  fingerprintArticle,
  vocabularyCandidates,
} from '../src/pipeline/candidates.js';
import { extractDocuments, traceDocuments } from '../src/service/index.js';
import { articleFromText } from '../src/text/plain-article.js';
import type { RunReport } from './trace-run.js';
import { buildTraceSet, type TraceSet, writeTraceSet } from './trace-set.js';

/** The commit before the engine: the baseline the trace bench runs beside this version. */
const BASELINE_COMMIT = 'ecfe5e5';
const ROOT = new URL('../../', import.meta.url).pathname;
const execFileAsync = promisify(execFile);

export interface TraceBenchOptions {
  size?: number;
  baseline?: boolean;
}

/**
 * Trace at scale, printed as tables: the benchmark set (built from the development data) traced
 * with one worker, with every core, and by the code before the engine; candidate pairs beside a
 * MinHash LSH library; duplicates; compare of two long articles; the command's --help.
 */
export async function runTraceBench(datasets: string, options: TraceBenchOptions = {}): Promise<void> {
  const size = options.size ?? 1600;
  const set = buildTraceSet(datasets, size);
  const work = mkdtempSync(join(tmpdir(), 'wiretrace-bench-'));
  try {
    const directory = join(work, 'set');
    writeTraceSet(set, directory);
    const cores = availableParallelism();
    console.log(
      `\nTrace of ${set.documents.length} articles (mean ${meanWords(set)} words, ${set.planted.length} planted copies), ${cores} cores`,
    );
    const runs: Array<[string, RunReport | null]> = [];
    const single = child(directory, '--workers', '1');
    runs.push(['this version, 1 worker', single]);
    runs.push([`this version, ${cores} workers`, child(directory, '--workers', String(cores))]);
    // The same two with V8's collector confined to the threads that trace: how the threads
    // themselves scale, without the collector's helper threads taking the idle cores.
    const singleOwnGc = child(directory, '--workers', '1', [OWN_THREAD_GC]);
    const allOwnGc = child(directory, '--workers', String(cores), [OWN_THREAD_GC]);
    runs.push([`1 worker, ${OWN_THREAD_GC}`, singleOwnGc]);
    runs.push([`${cores} workers, ${OWN_THREAD_GC}`, allOwnGc]);
    if (options.baseline !== false) {
      const old = buildBaseline(work);
      runs.push([
        `before the engine (${BASELINE_COMMIT})`,
        old === null ? null : child(directory, '--old', old),
      ]);
    }
    printRuns(runs, set);
    printHelperThreads(single, cores);
    printOwnThreadScaling(singleOwnGc, allOwnGc, cores);
    await candidateTable(set);
    await smallerCases(set, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function meanWords(set: TraceSet): number {
  const total = set.documents.reduce((sum, document) => sum + document.text.split(/\s+/).length, 0);
  return Math.round(total / set.documents.length);
}

/** V8's flag that runs each heap's collection in the heap's own thread, with no helper threads. */
const OWN_THREAD_GC = '--single-threaded-gc';

/** A trace in a child process, so that its peak memory is its own. */
function child(directory: string, mode: string, value: string, nodeFlags: string[] = []): RunReport | null {
  const result = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=4096',
      ...nodeFlags,
      join(ROOT, 'dist', 'bench', 'trace-run.js'),
      directory,
      mode,
      value,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (result.status !== 0) {
    console.log(`  run ${mode} ${value} failed: ${(result.stderr ?? '').split('\n')[0]}`);
    return null;
  }
  return JSON.parse(result.stdout) as RunReport;
}

/** The baseline commit extracted and built in a temporary folder; null when git cannot. */
function buildBaseline(work: string): string | null {
  const folder = join(work, 'baseline');
  try {
    execFileSync(
      'sh',
      ['-c', `mkdir -p "${folder}" && git archive ${BASELINE_COMMIT} | tar -x -C "${folder}"`],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'));
    symlinkSync(join(ROOT, 'lexicon'), join(folder, 'lexicon'));
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: folder, stdio: 'ignore' });
    return join(folder, 'dist', 'src');
  } catch {
    console.log(`  (baseline ${BASELINE_COMMIT} could not be built from git here)`);
    return null;
  }
}

/** Share of planted (original, copy) pairs that ended in the same story. */
function plantedTogether(set: TraceSet, stories: readonly string[][]): number {
  const storyOf = new Map<string, number>();
  stories.forEach((documents, index) => {
    for (const name of documents) storyOf.set(name.split('/').pop()!, index);
  });
  let together = 0;
  for (const [source, copy] of set.planted) {
    const a = storyOf.get(set.documents[source]!.name);
    if (a !== undefined && a === storyOf.get(set.documents[copy]!.name)) together++;
  }
  return together / set.planted.length;
}

function printRuns(runs: ReadonlyArray<[string, RunReport | null]>, set: TraceSet): void {
  const single = runs[0]?.[1];
  const rows = runs.map(([label, run]): string[] => {
    if (run === null) return [label, '-', '-', '-', '-', '-', '-', '-', '-'];
    const total = run.extractMs + run.traceMs;
    const singleTotal = single === null || single === undefined ? total : single.extractMs + single.traceMs;
    return [
      label,
      seconds(run.extractMs),
      seconds(run.traceMs),
      seconds(total),
      `${(singleTotal / total).toFixed(2)}x`,
      seconds(run.cpuMs),
      `${run.peakMb.toFixed(0)} MB`,
      String(run.stories.length),
      percent(plantedTogether(set, run.stories)),
    ];
  });
  printTable(
    ['run', 'extract', 'trace', 'total', 'vs 1 worker', 'cpu time', 'peak memory', 'stories', 'copies found'],
    rows,
  );
}

/**
 * How much of the machine one worker already uses: besides the thread that traces, V8's own
 * threads collect garbage and compile alongside it, on the other cores. All cores can then be at
 * most cores / (cores one worker keeps busy) times as fast as one worker.
 */
function printHelperThreads(single: RunReport | null, cores: number): void {
  if (single === null || single.mainThreadCpuMs === null) return;
  const busy = single.cpuMs / (single.extractMs + single.traceMs);
  console.log(
    `1 worker: ${seconds(single.mainThreadCpuMs)} of processor time in the thread that traces, ` +
      `${seconds(single.cpuMs - single.mainThreadCpuMs)} in V8's collector and compiler threads beside it: ` +
      `${busy.toFixed(2)} cores busy, so ${cores} cores give at most ${(cores / busy).toFixed(2)}x one worker`,
  );
}

/**
 * With the collector in the tracing threads only, one worker uses one core: the ratio of the two
 * runs is how the trace's threads scale, apart from what the helper threads add to one worker.
 */
function printOwnThreadScaling(single: RunReport | null, all: RunReport | null, cores: number): void {
  if (single === null || all === null) return;
  const ratio = (single.extractMs + single.traceMs) / (all.extractMs + all.traceMs);
  console.log(
    `with ${OWN_THREAD_GC} on both sides: ${cores} workers ${ratio.toFixed(2)}x 1 worker ` +
      `(the threads' own scaling; the rows above compare against 1 worker with the helper threads)`,
  );
}

/** Candidate pairs of the set: the index and LSH this version uses beside a MinHash LSH library. */
async function candidateTable(set: TraceSet): Promise<void> {
  const engine = createEngine({ workers: 1 });
  const articles = set.documents.map((document) => articleFromText(document.name, document.text));
  const fingerprints = articles.map((article) => fingerprintArticle(engine.analyse(article), engine.lexicon));
  const rows: string[][] = [];
  const planted = new Set(set.planted.map(([a, b]) => pairCode(a, b, articles.length)));
  const row = (label: string, milliseconds: number, pairs: ReadonlyArray<readonly [number, number]>) => {
    let found = 0;
    for (const [a, b] of pairs) if (planted.has(pairCode(a, b, articles.length))) found++;
    rows.push([label, seconds(milliseconds), String(pairs.length), percent(found / planted.size)]);
  };
  const timed = (label: string, find: () => ReadonlyArray<readonly [number, number]>) => {
    const started = performance.now();
    const pairs = find();
    row(label, performance.now() - started, pairs);
  };
  timed(`vocabulary prefilter, all pairs (>= ${CANDIDATE_OVERLAP})`, () =>
    bruteForceCandidates(fingerprints),
  );
  timed('vocabulary prefilter, inverted index', () => vocabularyCandidates(fingerprints));
  timed('near duplicates, MinHash LSH (this version)', () =>
    lshCandidatePairs(fingerprints.map((fingerprint) => fingerprint.signature)),
  );
  timed('MinHash LSH library (npm minhash), signatures and index', () => libraryCandidates(articles, engine));
  console.log(`\nCandidate pairs of the ${articles.length} articles (fingerprints computed beforehand)`);
  printTable(['method', 'time', 'pairs', 'planted copies among them'], rows);
}

function pairCode(a: number, b: number, count: number): number {
  return Math.min(a, b) * count + Math.max(a, b);
}

function bruteForceCandidates(fingerprints: readonly ArticleFingerprint[]): Array<[number, number]> {
  const maps = fingerprints.map(
    (fingerprint) => new Map(fingerprint.stems.map((stem, index) => [stem, fingerprint.weights[index]!])),
  );
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < maps.length; i++) {
    for (let j = i + 1; j < maps.length; j++) {
      if (shareVocabulary(maps[i]!, maps[j]!) >= CANDIDATE_OVERLAP) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** The library's MinHash of the same word shingles, its LSH index with default bands. */
function libraryCandidates(articles: readonly Article[], engine: Engine): Array<[number, number]> {
  const index = new LshIndex();
  const signatures = articles.map((article, document) => {
    const norms = engine.analyse(article).tokens.map((token) => token.norm);
    const minhash = new Minhash();
    for (let start = 0; start + SHINGLE_WORDS <= norms.length; start++) {
      minhash.update(norms.slice(start, start + SHINGLE_WORDS).join(' '));
    }
    index.insert(String(document), minhash);
    return minhash;
  });
  const pairs: Array<[number, number]> = [];
  signatures.forEach((minhash, document) => {
    for (const match of index.query(minhash)) {
      const other = Number(match);
      if (other > document) pairs.push([document, other]);
    }
  });
  return pairs;
}

/** Duplicates, the 200-article trace, compare of two long articles, and --help. */
async function smallerCases(set: TraceSet, work: string): Promise<void> {
  const rows: string[][] = [];
  const engine = createEngine();
  // The article closest to 5 KB (the first of equals), whatever the set's size.
  const article = set.documents.reduce((best, document) =>
    Math.abs(document.text.length - 5000) < Math.abs(best.text.length - 5000) ? document : best,
  );
  const copies = Array.from({ length: 200 }, (_, index) => ({
    input: `copy-${index}.txt`,
    format: 'text' as const,
    content: article.text,
    encoding: 'utf-8',
  }));
  let started = performance.now();
  const extracted = await extractDocuments(engine, copies);
  const traced = await traceDocuments(engine, extracted.documents);
  rows.push([
    `trace 200 identical copies of a ${(article.text.length / 1000).toFixed(1)} KB article`,
    seconds(performance.now() - started),
    `target < 5 s; ${traced.json.stories.length} story`,
  ]);
  await engine.close();

  const small = join(work, 'set-200');
  writeTraceSet({ documents: set.documents.slice(0, 200), planted: [] }, small);
  // A small trace with one worker beside all cores: each pool thread analyses its articles and
  // looks up their word pairs afresh, which a small trace does not earn back.
  const one = child(small, '--workers', '1');
  const two = child(small, '--workers', String(availableParallelism()));
  if (one !== null)
    rows.push(['trace 200 articles of the set (1 worker)', seconds(one.extractMs + one.traceMs), '']);
  if (two !== null) {
    const ratio =
      one === null
        ? ''
        : `${((one.extractMs + one.traceMs) / (two.extractMs + two.traceMs)).toFixed(2)}x 1 worker`;
    rows.push(['trace 200 articles of the set (all cores)', seconds(two.extractMs + two.traceMs), ratio]);
  }

  const [compare] = await compareTimes(set, work, 1);
  rows.push([
    `compare two ~1,000-word articles, median of ${COMPARE_RUNS}`,
    `${compare!.median.toFixed(1)} ms`,
    `target <= 15 ms; after ${COMPARE_WARMUP} warm-up comparisons; the first (cold) took ${compare!.first.toFixed(0)} ms`,
  ]);
  // What two cores give this work with nothing shared: single-threaded processes at once. Each
  // process's own V8 threads (collector, compiler) use part of the other core even when it runs
  // alone, so this stays below `cores` on a machine whose cores scale fully.
  const cores = availableParallelism();
  const side = await compareTimes(set, work, cores);
  const sideMedian = side.reduce((sum, run) => sum + run.median, 0) / side.length;
  rows.push([
    `the same in ${cores} separate processes at once, mean of their medians`,
    `${sideMedian.toFixed(1)} ms`,
    `${cores} processes do ${((cores * compare!.median) / sideMedian).toFixed(2)}x the comparisons of one`,
  ]);
  const loop = await busyLoopScaling(cores);
  rows.push([
    `a busy loop with no allocation, ${cores} processes at once against one`,
    `${loop.toFixed(2)}x`,
    "the machine's cores alone: V8 has nothing to collect or compile beside the loop",
  ]);

  const help: number[] = [];
  for (let run = 0; run < 5; run++) {
    started = performance.now();
    spawnSync(process.execPath, [join(ROOT, 'bin', 'wiretrace.js'), '--help'], { stdio: 'ignore' });
    help.push(performance.now() - started);
  }
  const bare: number[] = [];
  for (let run = 0; run < 5; run++) {
    started = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    bare.push(performance.now() - started);
  }
  rows.push([
    'wiretrace --help, median of 5',
    seconds(middle(help)),
    `target < 0.3 s; node -e 0 takes ${seconds(middle(bare))}`,
  ]);
  console.log('\nSmaller cases');
  printTable(['case', 'time', 'note'], rows);
}

/**
 * Comparisons timed (enough for a steady median on a machine whose timings vary by 10-15%), and
 * run before them so that the engine's code is compiled (V8 tiers up hot code).
 */
const COMPARE_RUNS = 100;
const COMPARE_WARMUP = 20;

/**
 * Two ~1,000-word articles from the set (an original and a copy of it, each with a neighbour),
 * compared in `processes` processes of their own at once (bench/compare-run.ts): the first
 * comparison, cold, and the median of COMPARE_RUNS after COMPARE_WARMUP more, as a long-running
 * process sees it; one figure per process.
 */
async function compareTimes(
  set: TraceSet,
  work: string,
  processes: number,
): Promise<Array<{ first: number; median: number }>> {
  const [source, copy] = set.planted.find(([, copyIndex]) =>
    set.documents[copyIndex]!.name.includes('trimmed'),
  )!;
  const long = (index: number, extra: number) =>
    `${set.documents[index]!.text}\n\n${set.documents[set.documents.length - 1 - extra]!.text}`;
  const [pathA, pathB] = [join(work, 'compare-a.txt'), join(work, 'compare-b.txt')];
  writeFileSync(pathA, long(source, 0));
  writeFileSync(pathB, long(copy, 1));
  const script = join(ROOT, 'dist', 'bench', 'compare-run.js');
  const runs = Array.from({ length: processes }, async () => {
    const { stdout } = await execFileAsync(process.execPath, [
      script,
      pathA,
      pathB,
      String(COMPARE_WARMUP),
      String(COMPARE_RUNS),
    ]);
    return JSON.parse(stdout) as { first: number; median: number };
  });
  return Promise.all(runs);
}

/** Work done per second by `processes` copies of a busy loop at once, against one copy alone. */
async function busyLoopScaling(processes: number): Promise<number> {
  const loop =
    '(() => { let x = 0; for (let i = 0; i < 1e9; i++) x = (x * 1664525 + 1013904223) | 0; if (x === 1) console.log(x); })()';
  const timed = async (copies: number): Promise<number> => {
    const started = performance.now();
    await Promise.all(Array.from({ length: copies }, () => execFileAsync(process.execPath, ['-e', loop])));
    return performance.now() - started;
  };
  const alone = await timed(1);
  const together = await timed(processes);
  return (processes * alone) / together;
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function printTable(header: readonly string[], body: readonly string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(format(row));
}
