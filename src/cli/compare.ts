import { parseArgs } from 'node:util';
import { WiretraceError } from '../errors.js';
import type { Article } from '../model/article.js';
import { comparePair } from '../pipeline/compare.js';
import { renderCompareHtml } from '../report/html.js';
import { compareToJson } from '../report/json.js';
import { renderCompareTerminal } from '../report/terminal.js';
import { analyseArticle } from '../text/analyse.js';
import { getLexicon } from '../text/lexicon.js';
import { type Console, loadArticles, reportError, writeReport } from './io.js';
import { readPairsFile } from './pairs-file.js';
import { asUsageError, EXIT } from './usage.js';

export const COMPARE_HELP = `Usage: wiretrace compare A B [--json] [--html FILE]
       wiretrace compare --pairs FILE [--json]

Compares two versions of a story: their relation (identical, copy, near-copy, spun,
rewrite, same-story, unrelated) with a score, which one is the source and how sure that
is, the passages reused and how, and what the copy changed.

A and B are text or HTML files, or - for standard input (for one of them).

Options:
  --json          print one JSON object: {"a", "b", "relation", "score", "direction",
                  "confidence", "signals", "passages", "changes", "stats", "partial",
                  "sourceShare", "copyShare"}; offsets are
                  into each decoded input
  --html FILE     also write a self-contained HTML report with the texts side by side
  --pairs FILE    compare many pairs in one process: FILE is JSON Lines of
                  {"id", "a", "b"} where a and b are story texts or {"text"} / {"html"}
                  objects; prints one result per line with the same "id" (- reads stdin)
  -h, --help      show this help
`;

export async function runCompare(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        json: { type: 'boolean' },
        html: { type: 'string' },
        pairs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(COMPARE_HELP);
    return EXIT.ok;
  }
  if (values.pairs !== undefined) {
    if (positionals.length > 0) throw new WiretraceError('USAGE', '--pairs takes no other inputs');
    if (values.html !== undefined) throw new WiretraceError('USAGE', '--html cannot be used with --pairs');
    return comparePairsFile(values.pairs, values.json === true, io);
  }
  if (positionals.length !== 2)
    throw new WiretraceError('USAGE', 'compare needs exactly two inputs, A and B');
  const { articles, failed } = await loadArticles(positionals, io);
  if (failed > 0) return EXIT.badInput;
  if (articles.length !== 2) {
    throw new WiretraceError(
      'USAGE',
      `compare needs exactly two documents, the inputs hold ${articles.length}`,
    );
  }
  const [a, b] = articles as [Article, Article];
  const result = comparePair(analyseArticle(a), analyseArticle(b), getLexicon());
  if (values.json) io.out(`${JSON.stringify(compareToJson(a, b, result))}\n`);
  else io.out(renderCompareTerminal(a, b, result, { color: io.isTTY }));
  if (values.html !== undefined) await writeReport(values.html, renderCompareHtml(a, b, result));
  return EXIT.ok;
}

async function comparePairsFile(path: string, json: boolean, io: Console): Promise<number> {
  const lexicon = getLexicon();
  let failed = 0;
  for await (const pair of readPairsFile(path, io.stdin)) {
    if ('error' in pair) {
      failed++;
      reportError(io, pair.error);
      if (json) io.out(`${JSON.stringify({ id: pair.id, error: pair.error.message })}\n`);
      continue;
    }
    const result = comparePair(analyseArticle(pair.a), analyseArticle(pair.b), lexicon);
    if (json) {
      const { a: _a, b: _b, ...rest } = compareToJson(pair.a, pair.b, result);
      io.out(`${JSON.stringify({ id: pair.id, ...rest })}\n`);
    } else {
      const direction = result.direction.direction ?? 'undirected';
      io.out(
        `${pair.id}\t${result.relation}\t${result.score.toFixed(3)}\t${direction}\t${result.direction.confidence}\n`,
      );
    }
  }
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}
