import { parseArgs } from 'node:util';
import { createEngine } from '../engine/engine.js';
import { WiretraceError } from '../errors.js';
import { renderTraceHtml } from '../report/html.js';
import { traceToJson } from '../report/json.js';
import { renderTraceTerminal } from '../report/terminal.js';
import { type Console, loadArticles, writeReport } from './io.js';
import { runTraceStored } from './stories.js';
import { asUsageError, EXIT } from './usage.js';

export const TRACE_HELP = `Usage: wiretrace trace INPUT... [--json] [--html FILE]

Traces a story through its copies: groups the documents into stories, builds each story's
family tree (which copy was made from which) and names its original, says how each copy
was made (verbatim copy, near-copy, spun, rewrite) and lists what it changed.

INPUT is a text or HTML file, a directory (read recursively), a JSON Lines file
(.jsonl, .jsonl.gz: {"id", "url", "title", "text" or "html", "published", "source"})
or - for standard input. A bad input is reported and skipped; the exit code is then 1.

Options:
  --json          print {"stories": [{"id", "documents", "root", "rootConfidence",
                  "edges": [{"source", "copy", "relation", "score", "confidence",
                  "evidence", "changes"}]}], "unrelated": [input...],
                  "documents": [...]}
  --html FILE     also write a self-contained HTML report: the family tree and each copy
                  side by side with its source
  -h, --help      show this help
`;

export async function runTrace(args: readonly string[], io: Console): Promise<number> {
  if (args.some((arg) => arg === '--db' || arg.startsWith('--db='))) return runTraceStored(args, io);
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, html: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(TRACE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new WiretraceError('USAGE', 'trace needs at least one INPUT');
  const { articles, failed } = await loadArticles(positionals, io);
  const result = createEngine().trace(articles);
  if (values.json) io.out(`${JSON.stringify(traceToJson(result))}\n`);
  else io.out(renderTraceTerminal(result, { color: io.isTTY }));
  if (values.html !== undefined) await writeReport(values.html, renderTraceHtml(result));
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}
