import { parseArgs } from 'node:util';
import { openCorpus } from '../corpus/index.js';
import { WiretraceError } from '../errors.js';
import { positiveInteger } from './add.js';
import type { Console } from './io.js';
import { asUsageError, EXIT } from './usage.js';

export const PRUNE_HELP = `Usage: wiretrace prune --keep-days N [--db PATH]

Retention: removes the documents published (or, undated, added) more than N days ago, with
their relations and index entries.

Options:
  --db PATH        the corpus file (default ./wiretrace.db)
  --keep-days N    days of documents to keep
  -h, --help       show this help
`;

export async function runPrune(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        'keep-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(PRUNE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new WiretraceError('USAGE', 'prune takes no INPUT (see --help)');
  const keepDays = positiveInteger(values['keep-days'], '--keep-days');
  if (keepDays === null) throw new WiretraceError('USAGE', 'prune needs --keep-days N');
  const corpus = await openCorpus(values.db);
  try {
    const removed = await corpus.prune(keepDays);
    io.err(`wiretrace: removed ${removed} documents older than ${keepDays} days\n`);
  } finally {
    await corpus.close();
  }
  return EXIT.ok;
}
