#!/usr/bin/env node
// Trains the passage-reuse and insertion-direction models on the PAN-format suite built from the
// development data; writes models/passage-reuse.json and models/direction.json.
// Usage: npm run train:pan -- [--datasets DIR] [--dump-directions FILE.json] [--direction-seeds 2012,2013]
import { join } from 'node:path';
import { trainPanModels } from '../dist/eval/pan-train.js';

const index = process.argv.indexOf('--datasets');
const datasets = index >= 0 ? process.argv[index + 1] : join('..', 'shared', 'datasets');
const dump = process.argv.indexOf('--dump-directions');
const seeds = process.argv.indexOf('--direction-seeds');
await trainPanModels(
  datasets,
  'models',
  dump >= 0 ? process.argv[dump + 1] : '',
  seeds >= 0 ? process.argv[seeds + 1].split(',').map(Number) : undefined,
);
