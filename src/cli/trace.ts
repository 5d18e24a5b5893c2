import { parseArgs } from 'node:util';
import { WiretraceError } from '../errors.js';
import type { TraceResult } from '../model/story.js';
import { traceChangesCsv, traceEdgesCsv } from '../report/csv.js';
import { renderTraceHtml } from '../report/html.js';
import type { TraceJson } from '../report/json.js';
import { renderTraceTerminal } from '../report/terminal.js';
import { stringifyJson } from '../report/terminal-safe.js';
import { traceDocuments } from '../service/index.js';
import { type Console, loadDocuments, withEngine } from './io.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS } from './options.js';
import { type Output, type OutputFormat, Outputs, outputFormat } from './output.js';
import { progressLine } from './progress.js';
import { runTraceStored } from './stories.js';
import { asUsageError, EXIT } from './usage.js';

export const TRACE_HELP = `Usage: wiretrace trace INPUT... [--format text|json|jsonl|csv] [-o FILE]
                              [--html FILE] [--changes-csv FILE] [--quiet]

Traces a story through its copies: groups the documents into stories, builds each story's
family tree (which copy was made from which) and names its original, says how each copy
was made (verbatim copy, near-copy, spun, rewrite) and lists what it changed.

INPUT is a text or HTML file, a directory (read recursively), a JSON Lines file
(.jsonl, .jsonl.gz: {"input" or "id", "url", "title", "text" or "html", "published",
"source"}; the output of "wiretrace extract --json" traces under the same names), a WARC
file (.warc, .warc.gz: each HTML response is a document named by its URL), an RSS or Atom
feed (each item with content is a document) or - for standard input. A bad input is
reported and skipped; the exit code is then 1.

Options:
  --format FORMAT    text (default): the family trees and each copy's changes;
                     json: {"stories": [{"id", "documents", "root", "rootConfidence",
                     "edges": [{"source", "copy", "relation", "score", "confidence",
                     "evidence", "changes"}]}], "unrelated": [input...], "documents": [...]};
                     jsonl: one line per story ({"type": "story", ...}) then one per
                     document ({"type": "document", "story", ...});
                     csv: one row per edge: story, source, copy, relation, score,
                     confidence, changes (the number of changes)
  --json             the same as --format json
  --changes-csv FILE also write every change as CSV, one row per change: story, source,
                     copy, type, sourceText, sourceStart, sourceEnd, copyText, copyStart,
                     copyEnd, note (offsets into each document's decoded input)
  --html FILE        also write a self-contained HTML report: the family tree and each
                     copy side by side with its source
${OUTPUT_HELP}
`;

export async function runTrace(args: readonly string[], io: Console): Promise<number> {
  if (args.some((arg) => arg === '--db' || arg.startsWith('--db='))) return runTraceStored(args, io);
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: { ...OUTPUT_OPTIONS, html: { type: 'string' }, 'changes-csv': { type: 'string' } },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(TRACE_HELP);
    return EXIT.ok;
  }
  const format = outputFormat(values.format, values.json, 'json');
  if (positionals.length === 0) throw new WiretraceError('USAGE', 'trace needs at least one INPUT');
  // Every output is opened before any input is read: an unwritable path fails at once.
  const outputs = new Outputs(io, values.output);
  const html = values.html === undefined ? null : outputs.file(values.html);
  const changes = values['changes-csv'] === undefined ? null : outputs.file(values['changes-csv']);
  return outputs.run(() =>
    withEngine(io, async (engine) => {
      const progress = progressLine(io, values.quiet === true);
      const { documents, failed } = await loadDocuments(engine, positionals, io, progress.onProgress);
      const { result, json } = await traceDocuments(engine, documents, { onProgress: progress.onProgress });
      progress.finish();
      writeTrace(outputs.main, format, result, json);
      if (changes !== null) changes.write(traceChangesCsv(json));
      if (html !== null) html.write(renderTraceHtml(result));
      return failed > 0 ? EXIT.badInput : EXIT.ok;
    }),
  );
}

function writeTrace(output: Output, format: OutputFormat, result: TraceResult, json: TraceJson): void {
  if (format === 'text') {
    output.write(renderTraceTerminal(result, { color: output.toTerminal }));
    return;
  }
  if (format === 'json') output.write(`${stringifyJson(json)}\n`);
  else if (format === 'csv') output.write(traceEdgesCsv(json));
  else {
    const storyOf = new Map<string, string>();
    for (const story of json.stories) {
      for (const document of story.documents) storyOf.set(document, story.id);
      output.write(`${stringifyJson({ type: 'story', ...story })}\n`);
    }
    for (const document of json.documents) {
      const story = storyOf.get(document.input) ?? null;
      output.write(`${stringifyJson({ type: 'document', story, ...document })}\n`);
    }
  }
}
