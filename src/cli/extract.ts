import { parseArgs } from 'node:util';
import { WiretraceError } from '../errors.js';
import type { Article } from '../model/article.js';
import { extractCsvHeader, extractCsvRow } from '../report/csv.js';
import { extractToJson } from '../report/json.js';
import { safeName, stringifyJson, stripControls } from '../report/terminal-safe.js';
import { type BatchCounts, type Console, streamDocuments, withEngine } from './io.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS } from './options.js';
import { type Output, type OutputFormat, Outputs, outputFormat } from './output.js';
import { progressLine } from './progress.js';
import { asUsageError, EXIT } from './usage.js';

export const EXTRACT_HELP = `Usage: wiretrace extract INPUT... [--format text|json|jsonl|csv] [-o FILE] [--comments] [--header]

Prints the article extracted from each input: title, date, byline, site name, URL and the
story text, without the page chrome (menus, other headlines, teasers, share prompts, footers).
Each article is written as soon as it is extracted.

INPUT is a text or HTML file (.html, .htm, .html.gz), a directory (read recursively),
a JSON Lines file (.jsonl, .jsonl.gz), a WARC file (.warc, .warc.gz), an RSS or Atom
feed, or - for standard input.

Options:
  --format FORMAT  text (default); jsonl: one JSON object per line: {"input", "title",
                   "text", "published", "publishedFrom", "publishedConfidence",
                   "modified", "byline", "siteName", "language", "url",
                   "canonicalUrl", "encoding", "paragraphs", "boilerplate"};
                   publishedFrom is where the date was read (jsonl, json-ld, meta, time,
                   url or dateline) and publishedConfidence how sure it is (0-1); offsets
                   are into the decoded input. "wiretrace trace" reads these lines back
                   under the same "input" names (wiretrace extract … --json | wiretrace
                   trace -). json: the same objects in one JSON array; csv: one row per
                   document: input, title, published, byline, siteName, language, url,
                   encoding, text
  --json           the same as --format jsonl
  --comments       also the page's reader comments, apart from the story text (JSON:
                   "comments": [{"text", "start", "end"}], offsets into the decoded input)
  --header         also the article's header, the page's lines from its headline down to
                   the story (kicker, standfirst, byline, dateline), apart from the story
                   text (JSON: "header": [{"kind", "text", "start", "end"}], kind headline,
                   byline, dateline or other; empty when no headline sits above the story)
${OUTPUT_HELP}
`;

export async function runExtract(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: { ...OUTPUT_OPTIONS, comments: { type: 'boolean' }, header: { type: 'boolean' } },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(EXTRACT_HELP);
    return EXIT.ok;
  }
  const format = outputFormat(values.format, values.json, 'jsonl');
  if (positionals.length === 0) throw new WiretraceError('USAGE', 'extract needs at least one INPUT');
  const outputs = new Outputs(io, values.output);
  return outputs.run(async () => {
    const progress = progressLine(io, values.quiet === true);
    const counts: BatchCounts = { read: 0, failed: 0 };
    const writer = articleWriter(outputs.main, format);
    await withEngine(io, async (engine) => {
      const parts = { comments: values.comments === true, header: values.header === true };
      for await (const document of streamDocuments(
        engine,
        positionals,
        io,
        counts,
        progress.onProgress,
        parts,
      )) {
        progress.finish();
        writer.write(document.article);
      }
    });
    progress.finish();
    writer.end();
    return counts.failed > 0 ? EXIT.badInput : EXIT.ok;
  });
}

interface ArticleWriter {
  write(article: Article): void;
  end(): void;
}

/** Writes each article as it comes, in the chosen format. */
function articleWriter(output: Output, format: OutputFormat): ArticleWriter {
  let count = 0;
  return {
    write(article) {
      if (format === 'text') output.write(articleText(article));
      else if (format === 'jsonl') output.write(`${stringifyJson(extractToJson(article))}\n`);
      else if (format === 'json')
        output.write(`${count === 0 ? '[' : ','}\n${stringifyJson(extractToJson(article))}`);
      else output.write(`${count === 0 ? extractCsvHeader() : ''}${extractCsvRow(extractToJson(article))}`);
      count++;
    },
    end() {
      if (format === 'json') output.write(count === 0 ? '[]\n' : '\n]\n');
      if (format === 'csv' && count === 0) output.write(extractCsvHeader());
    },
  };
}

/** The human-readable form; document text never drives the terminal. */
function articleText(article: Article): string {
  const facts = [article.published, article.byline, article.siteName, article.language].filter(
    (value) => value !== null,
  );
  const lines = [`== ${safeName(article.input)}`];
  if (article.title !== null) lines.push(stripControls(article.title).replace(/\s+/g, ' '));
  if (facts.length > 0) lines.push(stripControls(`(${facts.join(' · ')})`));
  if (article.url !== null) lines.push(safeName(article.url));
  if (article.header !== undefined && article.header.length > 0) {
    lines.push('', '-- header', ...article.header.map((line) => stripControls(`${line.kind}: ${line.text}`)));
  }
  lines.push('', stripControls(article.text), '');
  if (article.comments !== undefined && article.comments.length > 0) {
    lines.push('-- reader comments', ...article.comments.map((comment) => stripControls(comment.text)), '');
  }
  return `${lines.join('\n')}\n`;
}
