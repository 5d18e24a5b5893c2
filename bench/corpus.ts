import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMsrp } from '../eval/datasets.js';
import { openCorpus } from '../src/corpus/index.js';
import { createEngine } from '../src/engine/engine.js';
import { extractArticle } from '../src/extract/index.js';
import type { RawDocument } from '../src/model/article.js';
import { type BenchCorpus, type BenchRecord, buildBenchCorpus, KINDS, type Kind } from './corpus-data.js';
import { Spinner } from './corpus-spin.js';
import { processorSeconds } from './proc-stat.js';

/**
 * `npm run bench -- corpus [--articles N] [--million] [--planted N] [--no-peer] [--datasets DIR]
 * [--write-articles FILE]`
 *
 * Builds a corpus of real article text with planted copies (see corpus-data.ts), adds it with
 * the corpus API from a JSON Lines file as `wiretrace add` does, and prints ingest rate, find
 * latency, memory and disk per article, recall per planted kind and precision of the relations
 * stored; then indexes the same articles with the `minhash` npm package's in-memory LSH, the
 * kind of index datasketch keeps, for comparison in the same run.
 */

const DERIVED = new Set(['identical', 'copy', 'near-copy', 'spun', 'rewrite']);

interface Options {
  datasets: string;
  articles: number;
  planted: number;
  peer: boolean;
  /** Write the articles as JSON Lines to this file and stop: an input to time `wiretrace add` on. */
  writeArticles: string | null;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const articles = args.includes('--million') ? 1_000_000 : Number(value('--articles') ?? 100_000);
  return {
    datasets: value('--datasets') ?? join('..', 'shared', 'datasets'),
    articles,
    planted: Number(value('--planted') ?? 40),
    peer: !args.includes('--no-peer'),
    writeArticles: value('--write-articles') ?? null,
  };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function vocabularyOf(datasets: string): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) words.add(word);
  };
  for (const pair of loadMsrp(join(datasets, 'msrp-train', 'msr_paraphrase_train.txt'))) {
    add(pair.a);
    add(pair.b);
  }
  const truth = JSON.parse(readFileSync(join(datasets, 'aeb-dev', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  for (const page of Object.values(truth)) add(page.articleBody);
  return words;
}

async function writeJsonLines(path: string, records: Iterable<BenchRecord>): Promise<number> {
  const out = createWriteStream(path);
  let words = 0;
  for (const record of records) {
    if (record.text !== undefined) words += record.text.split(/\s+/).length;
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return words;
}

export async function runCorpusBench(args: readonly string[]): Promise<void> {
  const options = parseOptions(args);
  const engine = createEngine();
  const folder = mkdtempSync(join(tmpdir(), 'wiretrace-bench-corpus-'));
  try {
    console.log(`corpus bench: ${options.articles} articles, ${options.planted} planted copies of each kind`);
    const spinner = new Spinner(engine.lexicon, vocabularyOf(options.datasets));
    const bench = buildBenchCorpus({
      datasets: options.datasets,
      articles: options.articles,
      plantedPerKind: options.planted,
      spinner,
      unseen: UNSEEN_TIMED + UNSEEN_WARM_UP,
    });
    const input = options.writeArticles ?? join(folder, 'articles.jsonl');
    const words = await writeJsonLines(input, bench.records());
    console.log(`articles: ${bench.size}, ${Math.round(words / bench.size)} words on average`);
    if (options.writeArticles !== null) {
      console.log(`written to ${options.writeArticles}`);
      return;
    }
    await ingestAndScore(bench, input, folder, engine);
    await htmlRates(bench, folder, engine);
    if (options.peer) peerIndex(bench);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** New-article queries timed, and others run first untimed (see the find latency). */
const UNSEEN_TIMED = 300;
const UNSEEN_WARM_UP = 40;

async function ingestAndScore(
  bench: BenchCorpus,
  input: string,
  folder: string,
  engine: ReturnType<typeof createEngine>,
): Promise<void> {
  const path = join(folder, 'corpus.db');
  const run = await addInChild(path, input);
  const disk = ['', '-wal', '-shm'].reduce((sum, suffix) => {
    try {
      return sum + statSync(`${path}${suffix}`).size;
    } catch {
      return sum;
    }
  }, 0);
  const documents = bench.size;
  console.log(
    '\ningest: wiretrace add --db corpus.db articles.jsonl (streamed, one process: a main thread and a pool of worker threads, batches of 1024)',
  );
  console.log(
    table([
      ['articles', 'wall', 'rate (wall)', 'CPU', 'rate (per CPU second)', 'peak RSS', 'disk/article'],
      [
        String(documents),
        `${run.seconds.toFixed(1)} s`,
        `${Math.round(documents / run.seconds)}/s`,
        `${run.cpuSeconds.toFixed(1)} s`,
        `${Math.round(documents / run.cpuSeconds)}/s`,
        megabytes(run.peakRss),
        `${(disk / documents / 1024).toFixed(2)} KB`,
      ],
    ]),
  );
  console.log(run.summary.split('\n').at(-1));

  scoreRelations(bench, path);

  const reader = await openCorpus(path, { readonly: true, engine });
  // One untimed query first: opening loads the lexicon and each run's Bloom filter once.
  const firstIds = firstRecordIds(bench, 300);
  await reader.find(firstIds[0]!);
  const byId: number[] = [];
  const ids = [...bench.planted.map((pair) => pair.copy), ...firstIds];
  for (const id of ids) {
    const at = performance.now();
    await reader.find(id);
    byId.push(performance.now() - at);
  }
  const asQuery = (record: BenchRecord) => rawDocument(record, 'text', record.text ?? '');
  // Untimed first, other unseen articles: a reader that has run a while has compiled its
  // fingerprint and screen code, while a fresh process's first few dozen new-article queries
  // run it unoptimised (they were the slowest, several times the rest).
  for (const record of bench.unseen.slice(UNSEEN_TIMED)) await reader.find(asQuery(record));
  const unseen: number[] = [];
  for (const record of bench.unseen.slice(0, UNSEEN_TIMED)) {
    const at = performance.now();
    await reader.find(asQuery(record));
    unseen.push(performance.now() - at);
  }
  await reader.close();
  console.log('\nfind latency');
  console.log(
    table([
      ['query', 'queries', 'p50', 'p99'],
      [
        'stored id (relations read back)',
        String(byId.length),
        `${percentile(byId, 0.5).toFixed(2)} ms`,
        `${percentile(byId, 0.99).toFixed(2)} ms`,
      ],
      [
        `new article (fingerprint, buckets, screen; after ${UNSEEN_WARM_UP} untimed)`,
        String(unseen.length),
        `${percentile(unseen, 0.5).toFixed(2)} ms`,
        `${percentile(unseen, 0.99).toFixed(2)} ms`,
      ],
    ]),
  );
}

/** The ids of the corpus's first `count` records. */
function firstRecordIds(bench: BenchCorpus, count: number): string[] {
  const ids: string[] = [];
  for (const record of bench.records()) {
    if (ids.length >= count) break;
    ids.push(record.id);
  }
  return ids;
}

interface ChildRun {
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  summary: string;
}

/**
 * Runs `wiretrace add` in its own process, so its memory is the corpus's alone (not this
 * script's copy of the articles), reading its peak resident memory and CPU time from /proc.
 */
async function addInChild(path: string, input: string): Promise<ChildRun> {
  const binary = new URL('../../bin/wiretrace.js', import.meta.url);
  const started = performance.now();
  const child = spawn(process.execPath, [binary.pathname, 'add', '--db', path, input], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let peakRss = 0;
  let cpuSeconds = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const peak = /VmHWM:\s+(\d+) kB/.exec(status);
      if (peak !== null) peakRss = Math.max(peakRss, Number(peak[1]) * 1024);
      cpuSeconds = processorSeconds(`/proc/${child.pid}/stat`);
    } catch {
      // the process has just ended
    }
  }, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(poll);
  // Exit 1 is bad records reported and skipped; anything else is a failure of the run.
  if (code !== 0 && code !== 1) throw new Error(`wiretrace add failed (${code}): ${stderr}`);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds, peakRss, summary: stderr.trim() };
}

/** Recall of each planted kind (its copy related to its source) and precision of the stored relations. */
function scoreRelations(bench: BenchCorpus, path: string): void {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (
    path: string,
    options: { readonly: boolean },
  ) => { prepare(sql: string): { all(): unknown[] }; close(): void };
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT s.id AS source, c.id AS copy, r.relation AS relation, r.directed AS directed
       FROM relations r JOIN documents s ON s.serial = r.source JOIN documents c ON c.serial = r.copy`,
    )
    .all() as { source: string; copy: string; relation: string; directed: number }[];
  db.close();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const found = new Map(rows.map((row) => [pairKey(row.source, row.copy), row]));
  const lines: string[][] = [
    ['kind', 'planted', 'found (derived)', 'recall', 'direction right', 'relations given'],
  ];
  for (const kind of KINDS) {
    const pairs = bench.planted.filter((pair) => pair.kind === kind);
    let hits = 0;
    let rightWay = 0;
    const given = new Map<string, number>();
    for (const pair of pairs) {
      const row = found.get(pairKey(pair.source, pair.copy));
      const relation = row?.relation ?? 'none';
      given.set(relation, (given.get(relation) ?? 0) + 1);
      if (row === undefined || !DERIVED.has(row.relation)) continue;
      hits++;
      if (row.directed === 1 && row.source === pair.source) rightWay++;
    }
    lines.push([
      kind,
      String(pairs.length),
      String(hits),
      (hits / Math.max(1, pairs.length)).toFixed(3),
      `${rightWay}/${hits}`,
      [...given.entries()].map(([relation, count]) => `${relation} ${count}`).join(', '),
    ]);
  }
  const derived = rows.filter((row) => DERIVED.has(row.relation));
  const correct = derived.filter((row) => bench.familyOf(row.source) === bench.familyOf(row.copy));
  const sameStory = rows.filter((row) => !DERIVED.has(row.relation));
  console.log('\nrecall of planted copies (a derived relation stored between copy and source)');
  console.log(table(lines));
  console.log(
    `precision: ${correct.length}/${derived.length} derived relations join a source and its copy = ` +
      `${(correct.length / Math.max(1, derived.length)).toFixed(4)}; ${sameStory.length} same-story relations besides`,
  );
  const wrong = derived.filter((row) => bench.familyOf(row.source) !== bench.familyOf(row.copy));
  if (wrong.length > 0) {
    const kinds = new Map<string, number>();
    for (const row of wrong) kinds.set(row.relation, (kinds.get(row.relation) ?? 0) + 1);
    console.log(`  false relations by kind: ${[...kinds.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const named = (id: string) => id.replace(/-\d+$/, '');
    const between = new Map<string, number>();
    for (const row of wrong) {
      const key = [named(row.source), named(row.copy)].sort().join(' ~ ');
      between.set(key, (between.get(key) ?? 0) + 1);
    }
    console.log(`  between: ${[...between.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
}

/** A bench record as a document given to the corpus, named by its id as `add` names a record. */
function rawDocument(record: BenchRecord, format: 'text' | 'html', content: string): RawDocument {
  return { input: record.id, format, content, encoding: 'utf-8', meta: { id: record.id } };
}

/** HTML pages: the corpus's ingest rate against extraction alone, on the same pages. */
async function htmlRates(
  bench: BenchCorpus,
  folder: string,
  engine: ReturnType<typeof createEngine>,
): Promise<void> {
  const pages = bench.planted
    .filter((pair) => pair.kind === 'wrapped')
    .map((pair) => bench.plantedRecords.get(pair.copy)!)
    .filter((record) => record.html !== undefined);
  const raws = pages.map((record) => rawDocument(record, 'html', record.html!));
  const rounds = 5;
  let at = performance.now();
  for (let round = 0; round < rounds; round++) for (const raw of raws) extractArticle(raw);
  const extractRate = (raws.length * rounds) / ((performance.now() - at) / 1000);
  const corpus = await openCorpus(join(folder, 'html.db'), { engine });
  at = performance.now();
  for (let round = 0; round < rounds; round++) {
    // A new text each round, so every page is stored rather than skipped as already there.
    await corpus.add(
      raws.map((raw) => ({ ...raw, content: raw.content.replace('Story ', `Story r${round}-`) })),
    );
  }
  const addRate = (raws.length * rounds) / ((performance.now() - at) / 1000);
  await corpus.close();
  console.log(
    `\nHTML pages (${raws.length} wrapped pages × ${rounds}): extraction alone ${Math.round(extractRate)}/s, ` +
      `corpus add ${Math.round(addRate)}/s = ${((addRate / extractRate) * 100).toFixed(0)}% of extraction alone ` +
      '(verification of the copies among them included)',
  );
}

interface PeerMinhash {
  update(value: string): void;
}
interface PeerIndex {
  insert(key: string, minhash: PeerMinhash): void;
  query(minhash: PeerMinhash): string[];
}

/** The `minhash` npm package's MinHash and in-memory LSH over the same articles' word 4-shingles. */
function peerIndex(bench: BenchCorpus): void {
  const peer = createRequire(import.meta.url)('minhash') as {
    Minhash: new (options: { numPerm: number }) => PeerMinhash;
    LshIndex: new (options: { bandSize: number }) => PeerIndex;
  };
  const textOf = (record: BenchRecord) =>
    record.text ??
    extractArticle({ input: record.id, format: 'html', content: record.html!, encoding: 'utf-8' }).text;
  const signature = (text: string) => {
    const minhash = new peer.Minhash({ numPerm: 64 });
    const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + 4 <= tokens.length; i++) minhash.update(tokens.slice(i, i + 4).join(' '));
    return minhash;
  };
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const index = new peer.LshIndex({ bandSize: 2 });
  const signatures = new Map<string, PeerMinhash>();
  const planted = new Set(bench.planted.map((pair) => pair.copy));
  const started = performance.now();
  for (const record of bench.records()) {
    const minhash = signature(textOf(record));
    index.insert(record.id, minhash);
    if (planted.has(record.id)) signatures.set(record.id, minhash);
  }
  const seconds = (performance.now() - started) / 1000;
  const heap = process.memoryUsage().heapUsed - heapBefore - signatures.size * 1000;
  const rss = process.memoryUsage().rss - rssBefore;
  const lines: string[][] = [
    ['kind', 'planted', 'source among candidates', 'candidate recall', 'mean candidates'],
  ];
  for (const kind of KINDS satisfies readonly Kind[]) {
    const pairs = bench.planted.filter((pair) => pair.kind === kind);
    let hits = 0;
    let candidates = 0;
    for (const pair of pairs) {
      const found = index.query(signatures.get(pair.copy)!);
      candidates += found.length;
      if (found.includes(pair.source)) hits++;
    }
    lines.push([
      kind,
      String(pairs.length),
      String(hits),
      (hits / pairs.length).toFixed(3),
      (candidates / pairs.length).toFixed(1),
    ]);
  }
  console.log(
    '\npeer: minhash (npm) MinHash, 64 permutations, in-memory LshIndex with bands of 2, same articles',
  );
  console.log(
    `indexing ${bench.size} articles: ${seconds.toFixed(1)} s (${Math.round(bench.size / seconds)}/s), ` +
      `heap +${megabytes(heap)} (${(heap / bench.size / 1024).toFixed(2)} KB/article), RSS +${megabytes(rss)}; ` +
      'no scores, no relations, no deletion, no persistence',
  );
  console.log(table(lines));
}
