import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import { documentsFromBytes } from './documents-from-bytes.js';
import { fileSystemError, type InputFailure, toInputFailure } from './input-failure.js';
import { inputKindFromName } from './input-kind.js';
import { DEFAULT_MAX_BYTES, readFileLimited, readStreamLimited } from './read-bytes.js';
import { listFilesRecursively } from './walk-directory.js';

export interface ReadInputsOptions {
  /** Largest accepted document in bytes (compressed and decompressed); default 50 MB. */
  maxBytes?: number;
  /** The stream read for the input "-"; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

/** The name standard input goes by. */
export const STDIN_INPUT = '-';

/**
 * Reads documents from files, directories (recursively, sorted by path, dotfiles skipped),
 * JSON Lines files and standard input ("-"), in the order given. A bad input yields an
 * InputFailure and the batch goes on.
 */
export async function* readInputs(
  inputs: readonly string[],
  options: ReadInputsOptions = {},
): AsyncGenerator<RawDocument | InputFailure> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      yield* readStdin(options.stdin ?? process.stdin, maxBytes);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (error) {
      // Pages are never fetched: crawling is the caller's job, and a run must not depend on the network.
      const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
      const failure = isUrl
        ? new WiretraceError(
            'INPUT_NOT_FOUND',
            'URLs are not fetched; save the page and give its file',
            input,
          )
        : fileSystemError(input, error);
      yield { input, error: failure };
      continue;
    }
    if (isDirectory) yield* readDirectory(input, maxBytes);
    else yield* readFile(input, input, maxBytes);
  }
}

async function* readDirectory(
  directory: string,
  maxBytes: number,
): AsyncGenerator<RawDocument | InputFailure> {
  let files: string[];
  try {
    files = await listFilesRecursively(directory);
  } catch (error) {
    yield toInputFailure(directory, error);
    return;
  }
  // Names keep the directory exactly as the user typed it ("./docs/a.txt", not "docs/a.txt").
  const prefix = /[\\/]$/.test(directory) ? directory : `${directory}/`;
  for (const relative of files) {
    yield* readFile(join(directory, relative), `${prefix}${relative}`, maxBytes);
  }
}

async function* readFile(
  path: string,
  input: string,
  maxBytes: number,
): AsyncGenerator<RawDocument | InputFailure> {
  try {
    const bytes = await readFileLimited(path, input, maxBytes);
    yield* documentsFromBytes(bytes, input, inputKindFromName(path), maxBytes);
  } catch (error) {
    yield toInputFailure(input, error);
  }
}

async function* readStdin(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
): AsyncGenerator<RawDocument | InputFailure> {
  try {
    const bytes = await readStreamLimited(stream, STDIN_INPUT, maxBytes);
    yield* documentsFromBytes(bytes, STDIN_INPUT, { gzip: false, kind: 'sniff' }, maxBytes);
  } catch (error) {
    yield toInputFailure(STDIN_INPUT, error);
  }
}
