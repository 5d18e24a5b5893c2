#!/usr/bin/env node
// Trains the partial-reuse gate on the passages compare finds (with the passage model just
// written by train-pan.mjs, so it runs as its own process after it); writes
// models/partial-reuse.json. Usage: node scripts/train-partial.mjs [--datasets DIR]
import { join } from 'node:path';
import { trainPartialGate } from '../dist/eval/partial-train.js';

const index = process.argv.indexOf('--datasets');
const datasets = index >= 0 ? process.argv[index + 1] : join('..', 'shared', 'datasets');
await trainPartialGate(datasets, 'models');
