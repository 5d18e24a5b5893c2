// Chooses the story model's threshold on the aeb-dev pages labelled by event and writes
// src/provenance/story-model.json. Usage: npm run train:stories [-- DATASET_DIR]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  averageLinkage,
  chooseThreshold,
  MIXING_RISK,
  mixingTail,
  pairEvidence,
  precisionRecallF1,
  scoreGrouping,
  subsetOf,
  TAIL_PAIRS,
} from '../dist/eval/story-fit.js';
import { loadDocuments } from '../dist/src/cli/io.js';
import { createEngine } from '../dist/src/engine/engine.js';

const directory = process.argv[2] ?? join('..', 'shared', 'datasets', 'aeb-dev');
const labels = JSON.parse(readFileSync(join(directory, 'events.json'), 'utf8'));
const files = readdirSync(join(directory, 'text'))
  .filter((name) => name.endsWith('.txt') && labels[name.slice(0, -4)] !== undefined)
  .sort()
  .map((name) => join(directory, 'text', name));
const io = { out: () => {}, err: (text) => process.stderr.write(text), isTTY: false };
const engine = createEngine();
const { documents } = await loadDocuments(engine, files, io);
const articles = documents.map((document) => document.article);
const events = articles.map((article) => labels[basename(article.input).slice(0, -4)]);
const evidence = pairEvidence(articles, engine.context());
const all = articles.map((_, page) => page);
const subset = subsetOf(evidence, all);
const group = averageLinkage(all.length, subset);
const tail = mixingTail(subset, events);
const threshold = chooseThreshold(group, events, tail.floor);
const score = scoreGrouping(group(threshold), events);
const [precision, recall, f1] = precisionRecallF1(score);
const round = (value) => Math.round(value * 1000) / 1000;
const model = {
  threshold,
  similarity: 'TF-IDF cosine over the traced set: (1 + ln tf) × (1 + ln((1 + N) / (1 + df))), unit length',
  linkage: 'derived families, then average linkage while the average cross-pair similarity ≥ threshold',
  objective:
    'at or above the least threshold the cross-event tail allows, fewest stories mixing events, then best pairwise F1 over same-event pairs; middle of ties',
  mixingTail: {
    pairs: TAIL_PAIRS,
    start: round(tail.start),
    scale: round(tail.scale),
    risk: MIXING_RISK,
    floor: round(tail.floor),
    rule: 'floor = start + scale × ln(pairs / risk): expected cross-event pairs above it in a new set of this size, by an exponential tail fitted to the highest ones',
  },
  trainedOn: `${basename(directory)}: ${articles.length} flattened pages, ${new Set(events).size} events (events.json)`,
  resubstitution: {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    mixedStories: score.mixedStories,
  },
  crossValidated: 'npm run eval -- stories',
};
writeFileSync(
  new URL('../src/provenance/story-model.json', import.meta.url),
  `${JSON.stringify(model, null, 2)}\n`,
);
console.log(JSON.stringify(model, null, 2));
