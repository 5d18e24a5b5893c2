#!/usr/bin/env node
// Trains the partial-reuse gate on the passages compare finds (with the passage model just
// written by train-pan.mjs, so it runs as its own process after it); writes
// models/partial-reuse.json. Usage: node scripts/train-partial.mjs [--datasets DIR] [--out DIR]
// [--partial-seeds 2012,2013] (seeds of further suites beside the training seed's)
import { join } from 'node:path';
import { trainPartialGate } from '../dist/eval/partial-train.js';

const index = process.argv.indexOf('--datasets');
const datasets = index >= 0 ? process.argv[index + 1] : join('..', 'shared', 'datasets');
const out = process.argv.indexOf('--out');
const seeds = process.argv.indexOf('--partial-seeds');
await trainPartialGate(
  datasets,
  out >= 0 ? process.argv[out + 1] : 'models',
  seeds >= 0 ? process.argv[seeds + 1].split(',').map(Number) : undefined,
);
