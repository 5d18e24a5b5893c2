import { parseArgs } from 'node:util';
import { contentId } from '../engine/content-id.js';
import type { Engine } from '../engine/engine.js';
import { WiretraceError } from '../errors.js';
import type { Article } from '../model/article.js';
import { DOCUMENT_VERSION, type ExtractedDocument } from '../model/document.js';
import type { PairResult } from '../model/relation.js';
import { compareCsv, pairsCsvHeader, pairsCsvRow } from '../report/csv.js';
import { renderCompareHtml } from '../report/html.js';
import type { CompareJson } from '../report/json.js';
import { renderCompareTerminal } from '../report/terminal.js';
import { safeName, stringifyJson } from '../report/terminal-safe.js';
import { compareDocuments } from '../service/index.js';
import { type Console, loadDocuments, reportError, withEngine } from './io.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS } from './options.js';
import { type Output, type OutputFormat, Outputs, outputFormat } from './output.js';
import { readPairsFile } from './pairs-file.js';
import { progressLine } from './progress.js';
import { asUsageError, EXIT } from './usage.js';

export const COMPARE_HELP = `Usage: wiretrace compare A B [--format text|json|jsonl|csv] [-o FILE] [--html FILE]
       wiretrace compare --pairs FILE [--format text|json|jsonl|csv] [-o FILE]

Compares two versions of a story: their relation (identical, copy, near-copy, spun,
rewrite, same-story, unrelated) with a score, which one is the source and how sure that
is, the passages reused and how, and what the copy changed.

A and B are text or HTML files, or - for standard input (for one of them).

Options:
  --format FORMAT text (default); json: one object {"a", "b", "relation", "score",
                  "direction", "confidence", "signals", "passages", "changes", "stats",
                  "partial", "sourceShare", "copyShare"} with offsets into each decoded
                  input (jsonl: the same on one line);
                  csv: a header and one row: a, b, relation, score, direction,
                  confidence, passages, changes (the numbers of passages and changes)
  --json          the same as --format json
  --html FILE     also write a self-contained HTML report with the texts side by side
  --pairs FILE    compare many pairs in one process: FILE is JSON Lines of
                  {"id", "a", "b"} where a and b are story texts or {"text"} / {"html"}
                  objects (- reads stdin). Results are written as each pair is done:
                  text: id, relation, score, direction, confidence separated by tabs;
                  jsonl (or --json): one object per line with the same "id" (and
                  {"id", "error"} for a bad line); json: those objects in one array;
                  csv: id, relation, score, direction, confidence, changes, error
${OUTPUT_HELP}
`;

export async function runCompare(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: { ...OUTPUT_OPTIONS, html: { type: 'string' }, pairs: { type: 'string' } },
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
    const format = outputFormat(values.format, values.json, 'jsonl');
    const outputs = new Outputs(io, values.output);
    const pairs = values.pairs;
    return outputs.run(() =>
      withEngine(io, (engine) =>
        comparePairsFile(engine, pairs, format, outputs.main, io, values.quiet === true),
      ),
    );
  }
  const format = outputFormat(values.format, values.json, 'json');
  if (positionals.length !== 2)
    throw new WiretraceError('USAGE', 'compare needs exactly two inputs, A and B');
  const outputs = new Outputs(io, values.output);
  const html = values.html === undefined ? null : outputs.file(values.html);
  return outputs.run(() =>
    withEngine(io, async (engine) => {
      const { documents, failed } = await loadDocuments(engine, positionals, io);
      if (failed > 0) return EXIT.badInput;
      if (documents.length !== 2) {
        const detail = `compare needs exactly two documents, the inputs hold ${documents.length}`;
        throw new WiretraceError('USAGE', detail);
      }
      const [a, b] = documents as [ExtractedDocument, ExtractedDocument];
      const { result, json } = await compareDocuments(engine, a, b);
      writeCompare(outputs.main, format, a.article, b.article, result, json);
      if (html !== null) html.write(renderCompareHtml(a.article, b.article, result));
      return EXIT.ok;
    }),
  );
}

function writeCompare(
  output: Output,
  format: OutputFormat,
  a: Article,
  b: Article,
  result: PairResult,
  json: CompareJson,
): void {
  if (format === 'text') {
    output.write(renderCompareTerminal(a, b, result, { color: output.toTerminal }));
    return;
  }
  output.write(format === 'csv' ? compareCsv(json) : `${stringifyJson(json)}\n`);
}

async function comparePairsFile(
  engine: Engine,
  path: string,
  format: OutputFormat,
  output: Output,
  io: Console,
  quiet: boolean,
): Promise<number> {
  const progress = progressLine(io, quiet);
  let failed = 0;
  let done = 0;
  let first = true;
  // Each result is written as soon as its pair is compared.
  const emit = (id: string | null, json: object | null, error?: string): void => {
    const value = json === null ? { id, error } : { id, ...json };
    if (format === 'json') output.write(`${first ? '[' : ','}\n${stringifyJson(value)}`);
    else if (format === 'jsonl') output.write(`${stringifyJson(value)}\n`);
    first = false;
  };
  if (format === 'csv') output.write(pairsCsvHeader());
  for await (const pair of readPairsFile(path, io.stdin)) {
    if ('error' in pair) {
      failed++;
      reportError(io, pair.error);
      if (format === 'csv') output.write(pairsCsvRow(pair.id, null, pair.error.message));
      else emit(pair.id, null, pair.error.message);
      continue;
    }
    const { result, json } = await compareDocuments(engine, asDocument(pair.a), asDocument(pair.b));
    const { a: _a, b: _b, ...rest } = json;
    if (format === 'csv') output.write(pairsCsvRow(pair.id, rest));
    else if (format === 'text') {
      const direction = result.direction.direction ?? 'undirected';
      const id = output.toTerminal ? safeName(pair.id) : pair.id;
      output.write(
        `${id}\t${result.relation}\t${result.score.toFixed(3)}\t${direction}\t${result.direction.confidence}\n`,
      );
    } else emit(pair.id, rest);
    done++;
    progress.onProgress({ stage: 'compare', done });
  }
  progress.finish();
  if (format === 'json') output.write(first ? '[]\n' : '\n]\n');
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}

/** A --pairs side (already an article) as the service's extracted document. */
function asDocument(article: Article): ExtractedDocument {
  return { version: DOCUMENT_VERSION, id: contentId(article.content), name: article.input, article };
}
