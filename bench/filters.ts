import { seededBucketKeys } from '../src/seeded-random.js';
import { bloomFor } from '../src/store/sqlite/bloom.js';
import { fuseFor } from '../src/store/sqlite/fuse-filter.js';
import { keyHashFirst, keyHashSecond } from '../src/store/sqlite/key-hash.js';
import { type RunFilter, readRunFilter, storedRunFilter } from '../src/store/sqlite/run-filter.js';

/**
 * `npm run bench -- filters [--keys N,N,...]`: the bucket runs' filter (binary fuse, 8-bit
 * fingerprints) beside the Bloom filter it replaced (14 bits a key, 9 probes), on the same random
 * keys shaped like bucket keys: bytes per key, false-positive rate on a million keys not in the
 * set, and processor time to build and per lookup (keys asked in ascending order with their
 * hash words computed once, outside, as a lookup over many runs does).
 */

const QUERIES = 1_000_000;

/** Processor time of `work` in milliseconds (the machine may be busy: wall time would mislead). */
function cpuMilliseconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export function runFilterBench(args: readonly string[]): void {
  const at = args.indexOf('--keys');
  const sizes = (at >= 0 ? args[at + 1]! : '80000,800000,8000000').split(',').map(Number);
  const rows: string[][] = [
    [
      'keys',
      'filter',
      'bits/key',
      'false positives',
      'build ns/key',
      'lookup ns (absent)',
      'lookup ns (present)',
    ],
  ];
  for (const size of sizes) {
    const next = seededBucketKeys(size);
    const keys = Float64Array.from({ length: size }, next);
    const others = Float64Array.from({ length: QUERIES }, seededBucketKeys(size + 7)).sort();
    const otherFirst = Uint32Array.from(others, keyHashFirst);
    const otherSecond = Uint32Array.from(others, keyHashSecond);
    const present = keys.slice(0, Math.min(size, QUERIES)).sort();
    const presentFirst = Uint32Array.from(present, keyHashFirst);
    const presentSecond = Uint32Array.from(present, keyHashSecond);

    /** One filter built on the keys, then asked for the absent and the present keys. */
    const measure = (
      name: string,
      build: () => Uint8Array,
      read: (bytes: Uint8Array) => RunFilter,
    ): string[] => {
      let bytes: Uint8Array = new Uint8Array(0);
      const built = cpuMilliseconds(() => {
        bytes = build();
      });
      const asked = read(bytes);
      let falses = 0;
      const absent = cpuMilliseconds(() => {
        for (let i = 0; i < QUERIES; i++)
          if (asked.mayHold(others[i]!, otherFirst[i]!, otherSecond[i]!)) falses++;
      });
      let missed = 0;
      const held = cpuMilliseconds(() => {
        for (let i = 0; i < present.length; i++)
          if (!asked.mayHold(present[i]!, presentFirst[i]!, presentSecond[i]!)) missed++;
      });
      if (missed > 0) throw new Error(`${name} missed ${missed} keys it holds`);
      return [
        size.toLocaleString('en-US'),
        name,
        ((asked.bytes * 8) / size).toFixed(2),
        `${((falses / QUERIES) * 100).toFixed(3)}%`,
        ((built * 1e6) / size).toFixed(0),
        ((absent * 1e6) / QUERIES).toFixed(1),
        ((held * 1e6) / present.length).toFixed(1),
      ];
    };
    rows.push(
      measure(
        'Bloom (14 bits, 9 probes)',
        () => bloomFor(keys),
        (bytes) => readRunFilter(bytes, size),
      ),
    );
    rows.push(
      measure(
        'binary fuse (8-bit)',
        () => fuseFor(keys),
        (bytes) => readRunFilter(storedRunFilter(bytes, size), size),
      ),
    );
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(
    rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n'),
  );
}
