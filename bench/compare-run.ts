/**
 * Times `compare` of two texts in a process of its own (run by the trace bench), so that what
 * the bench did before (traces, a set of 1,600 articles in memory) does not weigh on its garbage
 * collector. Prints one JSON line: the first comparison (cold) and the median of the timed runs
 * after the warm-up ones, each on new articles (analysis included).
 *
 *   node dist/bench/compare-run.js A.txt B.txt WARMUP RUNS
 */
import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine/engine.js';
import { articleFromText } from '../src/text/plain-article.js';

const [pathA, pathB, warmup, runs] = process.argv.slice(2) as [string, string, string, string];
const textA = readFileSync(pathA, 'utf8');
const textB = readFileSync(pathB, 'utf8');
const engine = createEngine({ workers: 1 });
void engine.lexicon; // loaded before the first comparison, which is timed cold
const timed = (): number => {
  const a = articleFromText('a', textA);
  const b = articleFromText('b', textB);
  const started = performance.now();
  engine.compare(a, b);
  return performance.now() - started;
};
const first = timed();
for (let run = 0; run < Number(warmup); run++) timed();
const times = Array.from({ length: Number(runs) }, timed).sort((x, y) => x - y);
await engine.close();
console.log(JSON.stringify({ first, median: times[Math.floor(times.length / 2)]! }));
