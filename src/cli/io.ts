import { WiretraceError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import { isInputFailure, readInputs } from '../ingest/index.js';
import type { ListDirectory } from '../ingest/walk-directory.js';
import type { Article, RawDocument } from '../model/article.js';
import { safeLine } from '../report/terminal-safe.js';
import type { OutputFileSystem } from './atomic-file.js';
import type { OnProgress } from './progress.js';

/** Where a command reads and writes: injectable so tests run commands in-process. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Standard output is a terminal (colour allowed, text cleaned of control characters). */
  isTTY: boolean;
  /** Standard error is a terminal (progress is shown). */
  errIsTTY?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** File operations for output files (tests inject a failing one). */
  fileSystem?: OutputFileSystem;
  /** How directories are listed (tests inject an unreadable subdirectory). */
  listDirectory?: ListDirectory;
}

export const processConsole: Console = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  errIsTTY: process.stderr.isTTY === true,
};

/** Counts of a batch as it is read. */
export interface BatchCounts {
  /** Documents read and extracted. */
  read: number;
  /** Inputs or records that failed (each reported on one stderr line). */
  failed: number;
}

/** The outcome of reading a batch: the articles that came out and whether any input failed. */
export interface LoadedArticles {
  articles: Article[];
  failed: number;
}

/** Extraction of one raw document: the one place the CLI turns a read document into an article. */
function articleOf(document: RawDocument): Article {
  return extractArticle(document);
}

/**
 * Reads and extracts every input, one document at a time, so results can be written as they
 * come. A bad input is reported on stderr with its name and skipped; the rest of the batch goes on.
 */
export async function* streamArticles(
  inputs: readonly string[],
  io: Console,
  counts: BatchCounts,
  onProgress?: OnProgress,
): AsyncGenerator<Article> {
  const options = {
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
    ...(io.listDirectory === undefined ? {} : { listDirectory: io.listDirectory }),
  };
  for await (const item of readInputs(inputs, options)) {
    if (isInputFailure(item)) {
      reportError(io, item.error);
      counts.failed++;
      continue;
    }
    let article: Article;
    try {
      article = articleOf(item);
    } catch (error) {
      reportError(io, error, item.input);
      counts.failed++;
      continue;
    }
    counts.read++;
    onProgress?.({ stage: 'read', done: counts.read });
    yield article;
  }
}

/** Reads and extracts a whole batch (see streamArticles). */
export async function loadArticles(
  inputs: readonly string[],
  io: Console,
  onProgress?: OnProgress,
): Promise<LoadedArticles> {
  const counts: BatchCounts = { read: 0, failed: 0 };
  const articles: Article[] = [];
  for await (const article of streamArticles(inputs, io, counts, onProgress)) articles.push(article);
  return { articles, failed: counts.failed };
}

/**
 * One line on stderr: "wiretrace: <input>: <what went wrong>". Control characters (a newline or
 * an escape sequence in a file name) are shown as escapes, so a message is always one line.
 */
export function reportError(io: Console, error: unknown, input?: string): void {
  // On a terminal, clear a progress line first so the message starts at the left margin.
  const clear = io.errIsTTY === true ? '\r\u001b[K' : '';
  if (error instanceof WiretraceError) {
    io.err(`${clear}wiretrace: ${safeLine(error.message)}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`${clear}wiretrace: ${safeLine(`${input === undefined ? '' : `${input}: `}${message}`)}\n`);
}
