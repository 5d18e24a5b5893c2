import { parseArgs } from 'node:util';
import { WiretraceError } from '../errors.js';
import type { Article } from '../model/article.js';
import { extractToJson } from '../report/json.js';
import { type Console, loadArticles } from './io.js';
import { asUsageError, EXIT } from './usage.js';

export const EXTRACT_HELP = `Usage: wiretrace extract INPUT... [--json] [--comments]

Prints the article extracted from each input: title, date, byline, site name, URL and the
story text, without the page chrome (menus, other headlines, teasers, share prompts, footers).

INPUT is a text or HTML file (.html, .htm, .html.gz), a directory (read recursively),
a JSON Lines file (.jsonl, .jsonl.gz) or - for standard input.

Options:
  --json       one JSON object per line: {"input", "title", "text", "published",
               "publishedFrom", "publishedConfidence", "modified", "byline", "siteName",
               "language", "url", "canonicalUrl", "encoding", "paragraphs", "boilerplate"};
               publishedFrom is where the date was read (jsonl, json-ld, meta, time, url or
               dateline) and publishedConfidence how sure it is (0-1); offsets are into the
               decoded input
  --comments   also the page's reader comments, apart from the story text (JSON:
               "comments": [{"text", "start", "end"}])
  -h, --help   show this help
`;

export async function runExtract(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        json: { type: 'boolean' },
        comments: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(EXTRACT_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new WiretraceError('USAGE', 'extract needs at least one INPUT');
  const { articles, failed } = await loadArticles(positionals, io, { comments: values.comments === true });
  for (const article of articles) {
    io.out(values.json ? `${JSON.stringify(extractToJson(article))}\n` : articleText(article));
  }
  return failed > 0 ? EXIT.badInput : EXIT.ok;
}

function articleText(article: Article): string {
  const facts = [article.published, article.byline, article.siteName, article.language].filter(
    (value) => value !== null,
  );
  const lines = [`== ${article.input}`];
  if (article.title !== null) lines.push(article.title);
  if (facts.length > 0) lines.push(`(${facts.join(' · ')})`);
  if (article.url !== null) lines.push(article.url);
  lines.push('', article.text, '');
  if (article.comments !== undefined && article.comments.length > 0) {
    lines.push('-- reader comments', ...article.comments.map((comment) => comment.text), '');
  }
  return `${lines.join('\n')}\n`;
}
