import { writeFile } from 'node:fs/promises';
import { WiretraceError } from '../errors.js';
import { type ExtractOptions, extractArticle } from '../extract/index.js';
import { isInputFailure, readInputs } from '../ingest/index.js';
import type { Article } from '../model/article.js';

/** Where a command writes: injectable so tests can run commands in-process. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Standard output is a terminal (colour allowed). */
  isTTY: boolean;
  stdin?: NodeJS.ReadableStream;
}

export const processConsole: Console = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
};

/** The outcome of reading a batch: the articles that came out and whether any input failed. */
export interface LoadedArticles {
  articles: Article[];
  failed: number;
}

/**
 * Reads and extracts every input. A bad input is reported on stderr with its name and skipped;
 * the rest of the batch goes on.
 */
export async function loadArticles(
  inputs: readonly string[],
  io: Console,
  extractOptions: ExtractOptions = {},
): Promise<LoadedArticles> {
  const articles: Article[] = [];
  let failed = 0;
  const options = io.stdin === undefined ? {} : { stdin: io.stdin };
  for await (const item of readInputs(inputs, options)) {
    if (isInputFailure(item)) {
      reportError(io, item.error);
      failed++;
      continue;
    }
    try {
      articles.push(extractArticle(item, extractOptions));
    } catch (error) {
      reportError(io, error, item.input);
      failed++;
    }
  }
  return { articles, failed };
}

/** One line on stderr: "wiretrace: <input>: <what went wrong>". */
export function reportError(io: Console, error: unknown, input?: string): void {
  if (error instanceof WiretraceError) {
    io.err(`wiretrace: ${error.message}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`wiretrace: ${input === undefined ? '' : `${input}: `}${message}\n`);
}

export async function writeReport(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'cannot write';
    throw new WiretraceError('USAGE', `cannot write the report (${reason})`, path);
  }
}
