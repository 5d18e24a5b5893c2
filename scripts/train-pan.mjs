#!/usr/bin/env node
// Trains the passage-reuse and insertion-direction models on the PAN-format suite built from the
// development data; writes models/passage-reuse.json and models/direction-insertion.json.
// Usage: npm run train:pan -- [--datasets DIR]
import { join } from 'node:path';
import { trainPanModels } from '../dist/eval/pan-train.js';

const index = process.argv.indexOf('--datasets');
const datasets = index >= 0 ? process.argv[index + 1] : join('..', 'shared', 'datasets');
await trainPanModels(datasets, 'models');
