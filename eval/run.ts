import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteModule } from './suite.js';

/**
 * `npm run eval [-- SUITE] [--datasets DIR] [--verbose] [--pan-seeds 3001,3002]`: each suite is one module, run on every
 * dataset folder whose name starts with its prefix (so a held-out part stored beside the
 * development part runs the same way). Adding a suite is one line here.
 */
const SUITES: Array<{ name: string; prefix: string; load: () => Promise<SuiteModule> }> = [
  { name: 'clough', prefix: 'clough', load: () => import('./clough.js') },
  { name: 'msrp', prefix: 'msrp', load: () => import('./msrp.js') },
  { name: 'pan', prefix: 'aeb', load: async () => panSuite(await import('./pan.js')) },
  { name: 'stories', prefix: 'aeb', load: () => import('./stories.js') },
];

/** The PAN-format suite plants passages from the aeb bodies and MSRP pairs, so it reads the whole datasets folder. */
function panSuite(module: typeof import('./pan.js')): SuiteModule {
  const seeds = listArgument('--pan-seeds').map(Number);
  return { evaluateSuite: (directory) => module.evaluatePan(directory, datasets, seeds) };
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

/** A comma-separated option's values (`--sets aeb,dragnet`), none when absent. */
function listArgument(name: string, fallback = ''): string[] {
  return argument(name, fallback)
    .split(',')
    .filter((value) => value !== '');
}

const datasets = argument('--datasets', join('..', 'shared', 'datasets'));
const names = [
  'extraction',
  'extraction-errors',
  'extraction-kinds',
  'extraction-loss',
  'extraction-conventions',
  'extraction-header',
  'extraction-skipped-boxes',
  'extraction-worst',
  'extraction-lead-boxes',
  'direction-errors',
  'partial-errors',
  'body-lines',
  ...SUITES.map((suite) => suite.name),
];
// `npm run eval -- extraction` works as well as `-- --only extraction`.
const only = argument('--only', process.argv.slice(2).find((value) => names.includes(value)) ?? 'all');
const options = { verbose: process.argv.includes('--verbose') };

/** Dataset folders by name prefix. */
function datasetFolders(prefix: string): string[] {
  if (!existsSync(datasets)) return [];
  return readdirSync(datasets, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => join(datasets, entry.name))
    .sort();
}

// Extraction scores every page set in the folder (four benchmarks, each with its own metric) at once.
if (only === 'all' || only === 'extraction') {
  const { evaluateExtractionSuite } = await import('./extraction-suite.js');
  await evaluateExtractionSuite(datasets, {
    jobs: Number(argument('--jobs', '1')),
    dumpPath: argument('--dump-pages', ''),
    sets: listArgument('--sets'),
  });
}
// Where extraction's errors lie, by kind: only when asked for (it reads every page again).
if (only === 'extraction-errors') {
  const { evaluateExtractionErrors } = await import('./extraction-errors.js');
  await evaluateExtractionErrors(datasets, listArgument('--sets'));
}
// The same errors in each benchmark's own units (segments, shares of a page's words), by kind.
if (only === 'extraction-kinds') {
  const { evaluateExtractionKinds } = await import('./extraction-error-kinds.js');
  await evaluateExtractionKinds(datasets, listArgument('--sets'), process.argv.includes('--detail'));
}
// Where each set's loss lies: precision against recall, and by block kind and place.
if (only === 'extraction-loss') {
  const { evaluateExtractionLoss } = await import('./extraction-loss.js');
  await evaluateExtractionLoss(datasets, listArgument('--sets'));
}
// Which chrome labels the benchmarks' truths agree on, and which are conventions they part on
// (`--styles`: the labels left after every step, by styling against the story's blocks;
// `--trailing-headings`, `--described`: what those steps read).
if (only === 'extraction-conventions') {
  const { evaluateExtractionConventions } = await import('./extraction-conventions.js');
  const mode = process.argv.includes('--trailing-headings')
    ? 'trailing-headings'
    : process.argv.includes('--described')
      ? 'described'
      : process.argv.includes('--styles')
        ? 'styles'
        : 'labels';
  await evaluateExtractionConventions(datasets, listArgument('--sets'), mode);
}
// The article header's settings, each data set held out in turn (L3S-GN1 and Dragnet, which
// annotate the lines above the story as main content).
if (only === 'extraction-header') {
  const { evaluateExtractionHeader } = await import('./extraction-header.js');
  await evaluateExtractionHeader(datasets, listArgument('--sets'));
}
// The blocks of boxes skipped for their class, by kind, against each set's truth.
if (only === 'extraction-skipped-boxes') {
  const { evaluateSkippedBoxes } = await import('./extraction-skipped-boxes.js');
  await evaluateSkippedBoxes(datasets, listArgument('--sets'));
}
// The pages below F1 0.5 on each set, by what happened to them (`--below F1`).
if (only === 'extraction-worst') {
  const { evaluateExtractionWorst } = await import('./extraction-worst.js');
  await evaluateExtractionWorst(datasets, listArgument('--sets'), Number(argument('--below', '0.5')));
}
// The blocks before and after the story with their features and truth, one record a line.
if (only === 'extraction-lead-boxes') {
  const { dumpLeadBoxes } = await import('./extraction-lead-boxes.js');
  await dumpLeadBoxes(datasets, listArgument('--sets'), argument('--out', 'lead-boxes.jsonl'));
}
// Where direction goes wrong, by kind of derived pair: only when asked for.
if (only === 'direction-errors') {
  const { evaluateDirectionErrors } = await import('./direction-errors.js');
  await evaluateDirectionErrors(
    datasets,
    join(datasets, 'aeb-dev'),
    listArgument('--pan-seeds', '3001,3002,3003,3004').map(Number),
    argument('--dump', ''),
  );
}
// Why pairs sharing a planted passage are not called derived, by stage and kind: only when asked for.
if (only === 'partial-errors') {
  const { evaluatePartialErrors } = await import('./partial-errors.js');
  await evaluatePartialErrors(
    datasets,
    join(datasets, 'aeb-dev'),
    listArgument('--pan-seeds', '3001,3002,3003,3004').map(Number),
    argument('--dump', ''),
  );
}
// The aeb bodies as clean plain texts: which of their lines the plain-text extractor drops.
if (only === 'body-lines') {
  const { evaluateBodyLines } = await import('./dropped-lines.js');
  for (const folder of datasetFolders('aeb')) evaluateBodyLines(folder);
}
for (const suite of SUITES) {
  if (only !== 'all' && only !== suite.name) continue;
  const folders = datasetFolders(suite.prefix);
  if (folders.length === 0) {
    console.log(`skipped ${suite.name}: no ${suite.prefix}* folder in ${datasets}`);
    continue;
  }
  const module = await suite.load();
  for (const folder of folders) await module.evaluateSuite(folder, options);
}
