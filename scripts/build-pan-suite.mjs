#!/usr/bin/env node
// Builds the PAN-format passage suite from the development data and writes it in PAN's layout
// (susp/, src/, 01-truth/*.xml, pairs). Usage: npm run build:pan -- [OUT] [--datasets DIR] [--seed N]
import { join } from 'node:path';
import { writePanSuite } from '../dist/eval/pan.js';
import { buildPanSuite, DEFAULT_SEED } from '../dist/eval/pan-suite.js';

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

const positional = process.argv
  .slice(2)
  .filter((value, index, all) => !value.startsWith('--') && !all[index - 1]?.startsWith('--'));
const out = positional[0] ?? 'pan-suite';
const datasets = option('--datasets', join('..', 'shared', 'datasets'));
const seed = Number(option('--seed', String(DEFAULT_SEED)));
const pairs = buildPanSuite(datasets, { seed });
writePanSuite(pairs, out);
const cases = pairs.reduce((sum, pair) => sum + pair.cases.length, 0);
console.log(`wrote ${pairs.length} pairs (${cases} planted passages) to ${out}/ (seed ${seed})`);
