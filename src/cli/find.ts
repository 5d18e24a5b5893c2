import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Corpus, type CorpusMatch, openCorpus } from '../corpus/index.js';
import { isWiretraceError, WiretraceError } from '../errors.js';
import { isInputFailure } from '../ingest/input-failure.js';
import { readInputs } from '../ingest/read-inputs.js';
import { type Console, reportError } from './io.js';
import { asUsageError, EXIT } from './usage.js';

export const FIND_HELP = `Usage: wiretrace find INPUT|ID... [--db PATH] [--json]

Lists the stored copies and sources of an article: each related document with its relation
(identical, copy, near-copy, spun, rewrite, same-story), score, direction and the passages it
shares. ID is a stored document's id (a JSON Lines record's id, else its URL, else the name of
the file it came from); any other INPUT (file, directory, JSON Lines, -) is compared against
the corpus without being stored.

Options:
  --db PATH    the corpus file (default ./wiretrace.db)
  --json       one match per line: {"query", "id", "version", "relation", "score",
               "direction", "confidence", "url", "title", "published", "story", "passages":
               [{"kind", "query": [start, end], "match": [start, end], "similarity"}]};
               direction is what the match is to the query ("source" or "copy", null when
               undecided); offsets are into each document's stored story text
  -h, --help   show this help
`;

export async function runFind(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(FIND_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new WiretraceError('USAGE', 'find needs an INPUT or ID');
  const corpus = await openCorpus(values.db, { readonly: true });
  let failed = 0;
  const print = (query: string, matches: readonly CorpusMatch[]) =>
    io.out(values.json === true ? jsonLines(query, matches) : matchText(query, matches));
  try {
    for (const query of positionals) {
      try {
        failed += await findOne(corpus, query, print, io);
      } catch (error) {
        if (!isWiretraceError(error)) throw error;
        reportError(io, error, query);
        failed++;
      }
    }
  } finally {
    await corpus.close();
  }
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}

/** Finds one query (a stored id, or documents to read); returns how many inputs failed. */
async function findOne(
  corpus: Corpus,
  query: string,
  print: (query: string, matches: readonly CorpusMatch[]) => void,
  io: Console,
): Promise<number> {
  const stored = await corpus.has(query);
  if (stored || (query !== '-' && !existsSync(query))) {
    print(query, await corpus.find(query));
    return 0;
  }
  let failed = 0;
  for await (const item of readInputs([query])) {
    if (isInputFailure(item)) {
      reportError(io, item.error, item.input);
      failed++;
      continue;
    }
    try {
      print(item.meta?.id ?? item.input, await corpus.find(item));
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
      reportError(io, error, item.input);
      failed++;
    }
  }
  return failed;
}

function jsonLines(query: string, matches: readonly CorpusMatch[]): string {
  return matches.map((match) => `${JSON.stringify({ query, ...match })}\n`).join('');
}

function matchText(query: string, matches: readonly CorpusMatch[]): string {
  if (matches.length === 0) return `${query}: no copies or sources in the corpus\n`;
  const lines = [`${query}:`];
  for (const match of matches) {
    const role = match.direction === null ? 'related' : match.direction === 'source' ? 'source' : 'copy';
    const sure = match.direction === null ? '' : ` (${Math.round(match.confidence * 100)}% sure)`;
    const title = match.title === null ? '' : ` “${match.title}”`;
    lines.push(`  ${role}${sure}  ${match.relation} ${match.score.toFixed(3)}  ${match.id}${title}`);
  }
  return `${lines.join('\n')}\n`;
}
