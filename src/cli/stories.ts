import { parseArgs } from 'node:util';
import { type CorpusStory, openCorpus } from '../corpus/index.js';
import { WiretraceError } from '../errors.js';
import { normaliseDate } from '../extract/dates.js';
import { renderTraceHtml } from '../report/html.js';
import { traceToJson } from '../report/json.js';
import { renderTraceTerminal } from '../report/terminal.js';
import type { Console } from './io.js';
import { Outputs } from './output.js';
import { asUsageError, EXIT } from './usage.js';

export const STORIES_HELP = `Usage: wiretrace stories [--db PATH] [--since DATE] [--format text|jsonl|csv]

Lists the corpus's stories (documents that tell the same story, grouped by the relations found
as they were added), oldest first, each with its original (root) and members. A story's id
stays the same whatever order its documents arrived in; "wiretrace trace --db PATH STORY_ID"
prints its full trace.

Options:
  --db PATH       the corpus file (default ./wiretrace.db)
  --since DATE    only stories with a member published (or added) on or after DATE
  --format F      text (default), jsonl ({"id", "members", "root", "first", "last",
                  "documents": [{"id", "version", "published", "url", "title"}]} per line)
                  or csv (one row per member: story,root,id,version,published,url,title)
  -h, --help      show this help
`;

const FORMATS = ['text', 'jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export async function runStories(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        since: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(STORIES_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new WiretraceError('USAGE', 'stories takes no INPUT (see --help)');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format))
    throw new WiretraceError('USAGE', `--format is text, jsonl or csv, not "${format}"`);
  const since = values.since === undefined ? undefined : (normaliseDate(values.since) ?? undefined);
  if (values.since !== undefined && since === undefined) {
    throw new WiretraceError('USAGE', `--since needs a date, not "${values.since}"`);
  }
  const corpus = await openCorpus(values.db, { readonly: true });
  try {
    const stories = await corpus.stories(since === undefined ? {} : { since });
    if (format === 'jsonl') for (const story of stories) io.out(`${JSON.stringify(story)}\n`);
    else if (format === 'csv') io.out(storiesCsv(stories));
    else io.out(storiesText(stories));
  } finally {
    await corpus.close();
  }
  return EXIT.ok;
}

function storiesText(stories: readonly CorpusStory[]): string {
  if (stories.length === 0) return 'no stories yet\n';
  const lines: string[] = [];
  for (const story of stories) {
    lines.push(
      `■ ${story.id} · ${story.members} documents · ${story.first.slice(0, 10)} … ${story.last.slice(0, 10)}`,
    );
    for (const member of story.documents) {
      const mark = member.id === story.root ? 'original' : '        ';
      const title = member.title === null ? '' : `  “${member.title}”`;
      lines.push(
        `  ${mark}  ${member.id}${member.version > 1 ? ` (version ${member.version})` : ''}${title}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function storiesCsv(stories: readonly CorpusStory[]): string {
  const rows = [['story', 'root', 'id', 'version', 'published', 'url', 'title']];
  for (const story of stories) {
    for (const member of story.documents) {
      rows.push([
        story.id,
        member.id === story.root ? 'true' : 'false',
        member.id,
        String(member.version),
        member.published ?? '',
        member.url ?? '',
        member.title ?? '',
      ]);
    }
  }
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const TRACE_STORED_HELP = `Usage: wiretrace trace --db PATH STORY_ID [--json] [--html FILE]

Prints the full trace of a story stored in the corpus (see wiretrace stories): its family
tree, original, how each copy was made and what it changed. The options are those of
wiretrace trace.
`;

/** `trace --db PATH STORY_ID`: the trace report of a stored story. */
export async function runTraceStored(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        html: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(TRACE_STORED_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new WiretraceError('USAGE', 'trace --db PATH needs one STORY_ID');
  const storyId = positionals[0]!;
  // The report file is opened before the corpus is read: an unwritable path fails at once.
  const outputs = new Outputs(io, undefined);
  const html = values.html === undefined ? null : outputs.file(values.html);
  const corpus = await openCorpus(values.db, { readonly: true });
  try {
    return await outputs.run(async () => {
      const result = await corpus.trace(storyId);
      if (result === null)
        throw new WiretraceError('INPUT_NOT_FOUND', 'no such story in the corpus', storyId);
      if (values.json) io.out(`${JSON.stringify(traceToJson(result))}\n`);
      else io.out(renderTraceTerminal(result, { color: io.isTTY }));
      html?.write(renderTraceHtml(result));
      return EXIT.ok;
    });
  } finally {
    await corpus.close();
  }
}
