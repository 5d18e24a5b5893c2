/**
 * The CLI's console: where a command reads and writes, and its one-line error messages. Kept
 * apart from the pipeline so that --help and --version load nothing else.
 */
import type { Engine } from '../engine/engine.js';
import { WiretraceError } from '../errors.js';
import type { ListDirectory } from '../ingest/walk-directory.js';
import { safeLine } from '../report/terminal-safe.js';
import type { OutputFileSystem } from './atomic-file.js';

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
  /** An engine to run on, left open (tests share one); default a new one per command, closed after. */
  engine?: Engine;
}

export const processConsole: Console = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  errIsTTY: process.stderr.isTTY === true,
};

/**
 * One line on stderr: "wiretrace: <input>: <what went wrong>". Control characters (a newline or
 * an escape sequence in a file name) are shown as escapes, so a message is always one line.
 */
export function reportError(io: Console, error: unknown, input?: string): void {
  if (error instanceof WiretraceError) {
    reportLine(io, error.message);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  reportLine(io, `${input === undefined ? '' : `${input}: `}${message}`);
}

/** Writes "wiretrace: <message>" as one stderr line, whatever the message holds. */
export function reportLine(io: Console, message: string): void {
  // On a terminal, clear a progress line first so the message starts at the left margin.
  const clear = io.errIsTTY === true ? '\r\u001b[K' : '';
  io.err(`${clear}wiretrace: ${safeLine(message)}\n`);
}
