import { parseArgs } from 'node:util';
import { openCorpus } from '../corpus/index.js';
import { WiretraceError } from '../errors.js';
import { normaliseDate } from '../extract/dates.js';
import type { RemoveSelector } from '../store/store.js';
import type { Console } from './io.js';
import { asUsageError, EXIT } from './usage.js';

export const REMOVE_HELP = `Usage: wiretrace remove [ID...] [--source NAME] [--before DATE] [--db PATH]

Removes documents from the corpus with their relations and index entries: every version of
each ID given, the documents of a source, or those published (or, undated, added) before a
date. Several conditions together remove the documents that meet all of them. Stories that
lose a member are grouped again.

Options:
  --db PATH        the corpus file (default ./wiretrace.db)
  --source NAME    documents whose record named this source
  --before DATE    documents published before DATE
  -h, --help       show this help
`;

export async function runRemove(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        source: { type: 'string' },
        before: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(REMOVE_HELP);
    return EXIT.ok;
  }
  const selector: RemoveSelector = {};
  if (positionals.length > 0) selector.ids = positionals;
  if (values.source !== undefined) selector.source = values.source;
  if (values.before !== undefined) {
    const before = normaliseDate(values.before);
    if (before === null) throw new WiretraceError('USAGE', `--before needs a date, not "${values.before}"`);
    selector.before = before;
  }
  if (Object.keys(selector).length === 0) {
    throw new WiretraceError('USAGE', 'remove needs an ID, --source or --before');
  }
  const corpus = await openCorpus(values.db);
  try {
    const removed = await corpus.remove(selector);
    io.err(`wiretrace: removed ${removed} documents\n`);
  } finally {
    await corpus.close();
  }
  return EXIT.ok;
}
