/**
 * One timed trace of a folder of text files, run in a child process of the trace bench so that
 * its peak memory is its own. Prints one JSON line.
 *
 *   node dist/bench/trace-run.js DIR --workers N        this version, through the service
 *   node dist/bench/trace-run.js DIR --old DIST_SRC     an older build's library API
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processorSeconds } from './proc-stat.js';

/** What one traced run prints on its last line, read back by trace-bench. */
export interface RunReport {
  documents: number;
  extractMs: number;
  traceMs: number;
  peakMb: number;
  /** Processor time of the whole process, every thread, in ms. */
  cpuMs: number;
  /** Of it, the main thread's (null where /proc is not there to tell). */
  mainThreadCpuMs: number | null;
  stories: string[][];
}

interface OldApi {
  extractArticle(raw: { input: string; format: 'text'; content: string; encoding: string }): unknown;
  trace(articles: unknown[]): { stories: Array<{ documents: string[] }> };
}

const [directory, mode, value] = process.argv.slice(2) as [string, string, string];
const names = readdirSync(directory)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const raws = names.map((name) => ({
  input: name,
  format: 'text' as const,
  content: readFileSync(join(directory, name), 'utf8'),
  encoding: 'utf-8',
}));

async function runCurrent(workers: number): Promise<RunReport> {
  const { createEngine } = await import('../src/engine/engine.js');
  const { extractDocuments, traceDocuments } = await import('../src/service/index.js');
  const engine = createEngine({ workers });
  const started = performance.now();
  const { documents } = await extractDocuments(engine, raws);
  const extracted = performance.now();
  const { result } = await traceDocuments(engine, documents);
  const finished = performance.now();
  await engine.close();
  return report(documents.length, started, extracted, finished, result.stories);
}

async function runOld(distSrc: string): Promise<RunReport> {
  const api = (await import(join(distSrc, 'index.js'))) as OldApi;
  const started = performance.now();
  const articles: unknown[] = [];
  for (const raw of raws) {
    try {
      articles.push(api.extractArticle(raw));
    } catch {
      // a document without an article: skipped, as the command does
    }
  }
  const extracted = performance.now();
  const result = api.trace(articles);
  const finished = performance.now();
  return report(articles.length, started, extracted, finished, result.stories);
}

function report(
  documents: number,
  started: number,
  extracted: number,
  finished: number,
  stories: ReadonlyArray<{ documents: string[] }>,
): RunReport {
  return {
    documents,
    extractMs: extracted - started,
    traceMs: finished - extracted,
    peakMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    mainThreadCpuMs: mainThreadCpuMs(),
    stories: stories.map((story) => story.documents),
  };
}

/** The main thread's processor time from Linux's /proc (its thread id is the process id). */
function mainThreadCpuMs(): number | null {
  try {
    return processorSeconds(`/proc/self/task/${process.pid}/stat`) * 1000;
  } catch {
    return null;
  }
}

const result = mode === '--old' ? await runOld(value) : await runCurrent(Number(value));
process.stdout.write(`${JSON.stringify(result)}\n`);
