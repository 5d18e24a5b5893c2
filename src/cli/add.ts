import { parseArgs } from 'node:util';
import { type AddSummary, openCorpus, readCorpusInputs } from '../corpus/index.js';
import type { ReadProgress } from '../corpus/read-documents.js';
import { WiretraceError } from '../errors.js';
import { type Console, reportError } from './io.js';
import { asUsageError, EXIT } from './usage.js';

export const ADD_HELP = `Usage: wiretrace add INPUT... [--db PATH] [--workers N] [--keep-days N]

Adds articles to the corpus: each is extracted, fingerprinted, checked against the corpus for
what it copies (verbatim, trimmed, wrapped in another page, spun, reworded) and stored with the
relations found; stories are kept up to date as articles arrive. Adding the same article again
stores nothing; the same id or URL with new text is stored as a new version.

INPUT is a text or HTML file, a directory (read recursively), a JSON Lines file
(.jsonl, .jsonl.gz, streamed: {"id", "url", "title", "text" or "html", "published",
"source"}; "text" is taken as story text, "html" is extracted) or - for standard input.
A bad input or record is reported and skipped; the exit code is then 1.

Options:
  --db PATH       the corpus file (created when missing; default ./wiretrace.db)
  --batch N       documents committed together (default 1024): an interrupted run keeps every
                  batch committed before it, and running it again adds only the rest
  --workers N     threads that extract, fingerprint and compare (default: the machine's
                  cores; 1 runs everything in one thread)
  --keep-days N   afterwards, remove documents published more than N days ago
  -h, --help      show this help
`;

export async function runAdd(args: readonly string[], io: Console): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        batch: { type: 'string' },
        workers: { type: 'string' },
        'keep-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.out(ADD_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new WiretraceError('USAGE', 'add needs at least one INPUT');
  const batchSize = positiveInteger(values.batch, '--batch') ?? undefined;
  const keepDays = positiveInteger(values['keep-days'], '--keep-days');
  const workers = positiveInteger(values.workers, '--workers');
  const corpus = await openCorpus(values.db, workers === null || workers === 0 ? {} : { workers });
  const progress: ReadProgress = { bytesRead: 0, bytesTotal: 0 };
  const started = performance.now();
  try {
    const summary = await corpus.add(readCorpusInputs(positionals, progress), {
      ...(batchSize === undefined ? {} : { batchSize }),
      onProblem: (failure) => {
        if (io.isTTY) io.err('\r\x1b[K');
        reportError(io, failure.error, failure.input);
      },
      onBatch: (running) => {
        if (io.isTTY) io.err(`\r\x1b[K${progressLine(running, progress, started)}`);
      },
    });
    if (io.isTTY) io.err('\r\x1b[K');
    io.err(`${summaryLine(summary, started)}\n`);
    if (keepDays !== null) {
      const removed = await corpus.prune(keepDays);
      io.err(`wiretrace: removed ${removed} documents older than ${keepDays} days\n`);
    }
    return summary.failed > 0 ? EXIT.badInput : EXIT.ok;
  } finally {
    await corpus.close();
  }
}

export function positiveInteger(value: string | undefined, option: string): number | null {
  if (value === undefined) return null;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new WiretraceError('USAGE', `${option} needs a whole number, not "${value}"`);
  }
  return parsed;
}

function rate(summary: AddSummary, started: number): number {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? summary.read / seconds : 0;
}

function progressLine(summary: AddSummary, progress: ReadProgress, started: number): string {
  const parts = [`${summary.read} read`, `${summary.added} added`, `${Math.round(rate(summary, started))}/s`];
  if (progress.bytesTotal > 0 && progress.bytesRead > 0) {
    const done = Math.min(1, progress.bytesRead / progress.bytesTotal);
    const elapsed = (performance.now() - started) / 1000;
    parts.push(`${Math.round(done * 100)}%`, `${formatDuration((elapsed / done) * (1 - done))} left`);
  }
  return `wiretrace: ${parts.join(' · ')}`;
}

function summaryLine(summary: AddSummary, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  return (
    `wiretrace: ${summary.read} read, ${summary.added} added (${summary.versions} new versions), ` +
    `${summary.duplicates} already stored, ${summary.failed} bad, ${summary.relations} relations ` +
    `in ${seconds.toFixed(1)} s (${Math.round(rate(summary, started))}/s)`
  );
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}
