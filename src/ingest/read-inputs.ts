import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import { collectLimited, gunzipStream, peekStream } from './byte-stream.js';
import { documentsFromBytes } from './documents-from-bytes.js';
import { fileSystemError, type InputFailure, toInputFailure } from './input-failure.js';
import { type InputKind, inputKindFromName } from './input-kind.js';
import { type JsonlLine, streamJsonlLines, streamJsonlRecords } from './jsonl-records.js';
import { DEFAULT_MAX_BYTES, isGzip } from './read-bytes.js';
import { assertRegularFile } from './regular-file.js';
import { looksLikeArc, looksLikeJsonl, looksLikeWarc } from './sniff-format.js';
import { type ListDirectory, listFilesRecursively } from './walk-directory.js';
import { warcRecords } from './warc-records.js';

export interface ReadInputsOptions {
  /**
   * Largest accepted document in bytes (decompressed), default 50 MB: a whole file, one JSON
   * Lines record or one WARC record. JSON Lines and WARC files themselves have no limit.
   */
  maxBytes?: number;
  /** The stream read for the input "-"; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** How directories are listed (tests inject failures). */
  listDirectory?: ListDirectory;
  /** Called with the size of each chunk of file bytes read (before decompression): for progress. */
  onBytes?: (count: number) => void;
  /**
   * JSON Lines records as their bytes (JsonlLine), for a pool thread to parse, instead of
   * documents parsed here.
   */
  jsonlLines?: boolean;
}

/** What the readers yield: documents, records still to parse (with `jsonlLines`) and failures. */
type Item = RawDocument | JsonlLine | InputFailure;

/** The name standard input goes by. */
export const STDIN_INPUT = '-';

/**
 * Bytes read from a large file at a time: a consumer that works in long synchronous steps (the
 * corpus commits) gets to the event loop seldom, and each turn should then bring in a batch's
 * worth of records rather than 64 KB. A smaller file is read in one chunk of its own size, at
 * least Node's usual 64 KB: each read allocates a whole chunk, and 4 MB for every small page made
 * reading a directory of pages slower.
 */
const LARGE_READ_BYTES = 4 * 1024 * 1024;
const SMALL_READ_BYTES = 64 * 1024;
/** Bytes looked at to tell a WARC, a JSON Lines stream or a single document apart. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Reads documents from files, directories (recursively, sorted by path, dotfiles skipped),
 * JSON Lines files, WARC files, RSS/Atom feeds and standard input ("-"), in the order given.
 * JSON Lines and WARC stream through, record by record. A bad input yields an InputFailure and
 * the batch goes on; FIFOs, devices and sockets are refused without being opened.
 */
export function readInputs(
  inputs: readonly string[],
  options: ReadInputsOptions & { jsonlLines: true },
): AsyncGenerator<Item>;
export function readInputs(
  inputs: readonly string[],
  options?: ReadInputsOptions & { jsonlLines?: false },
): AsyncGenerator<RawDocument | InputFailure>;
export async function* readInputs(
  inputs: readonly string[],
  options: ReadInputsOptions = {},
): AsyncGenerator<Item> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const lines = options.jsonlLines === true;
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      const stdin = options.stdin ?? process.stdin;
      yield* readStream(stdin, STDIN_INPUT, { gzip: false, kind: 'sniff' }, maxBytes, lines);
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
    if (isDirectory) yield* readDirectory(input, maxBytes, lines, options.listDirectory, options.onBytes);
    else yield* readFile(input, input, maxBytes, lines, options.onBytes);
  }
}

async function* readDirectory(
  directory: string,
  maxBytes: number,
  lines: boolean,
  list: ListDirectory | undefined,
  onBytes: ((count: number) => void) | undefined,
): AsyncGenerator<Item> {
  let entries: Awaited<ReturnType<typeof listFilesRecursively>>;
  try {
    entries = await listFilesRecursively(directory, list);
  } catch (error) {
    yield toInputFailure(directory, error);
    return;
  }
  // Names keep the directory exactly as the user typed it ("./docs/a.txt", not "docs/a.txt").
  const prefix = /[\\/]$/.test(directory) ? directory : `${directory}/`;
  for (const entry of entries) {
    const input = `${prefix}${entry.relative}`;
    if (entry.error !== undefined) yield toInputFailure(input, entry.error);
    else yield* readFile(join(directory, entry.relative), input, maxBytes, lines, onBytes);
  }
}

async function* readFile(
  path: string,
  input: string,
  maxBytes: number,
  lines: boolean,
  onBytes?: (count: number) => void,
): AsyncGenerator<Item> {
  let size: number;
  try {
    size = await assertRegularFile(path, input);
  } catch (error) {
    yield toInputFailure(input, error);
    return;
  }
  const chunk = Math.min(LARGE_READ_BYTES, Math.max(SMALL_READ_BYTES, size));
  const bytes = createReadStream(path, { highWaterMark: chunk });
  yield* readStream(
    onBytes === undefined ? bytes : counted(bytes, onBytes),
    input,
    inputKindFromName(path),
    maxBytes,
    lines,
  );
}

async function* counted(
  chunks: AsyncIterable<Buffer>,
  onBytes: (count: number) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/**
 * Reads one input's bytes: gunzip when they are gzip (whatever the name says), then route by
 * content: a WARC or a JSON Lines stream record by record, anything else as one document.
 */
async function* readStream(
  stream: AsyncIterable<unknown>,
  input: string,
  kind: InputKind,
  maxBytes: number,
  lines: boolean,
): AsyncGenerator<Item> {
  try {
    const raw = await peekStream(stream, 2);
    if (raw.head.length === 0) throw new WiretraceError('INPUT_EMPTY', 'empty file', input);
    const gzip = isGzip(raw.head);
    if (kind.gzip && !gzip) throw new WiretraceError('INPUT_DECODE', 'not a gzip stream', input);
    const { head, chunks } = await peekStream(
      gzip ? gunzipStream(raw.chunks, input) : raw.chunks,
      SNIFF_BYTES,
    );
    if (looksLikeArc(head)) {
      throw new WiretraceError(
        'INPUT_UNSUPPORTED',
        'ARC web archives are not read; convert it to WARC',
        input,
      );
    }
    if (kind.kind === 'warc' || looksLikeWarc(head)) {
      if (!looksLikeWarc(head)) throw new WiretraceError('INPUT_MALFORMED', 'not a WARC file', input);
      yield* warcRecords(chunks, input, maxBytes);
      return;
    }
    if (kind.kind === 'jsonl' || (kind.kind === 'sniff' && startsJsonl(head))) {
      yield* lines ? streamJsonlLines(chunks, input, maxBytes) : streamJsonlRecords(chunks, input, maxBytes);
      return;
    }
    const bytes = await collectLimited(chunks, input, maxBytes);
    yield* documentsFromBytes(bytes, input, { gzip: false, kind: kind.kind }, maxBytes);
  } catch (error) {
    yield toInputFailure(input, error);
  }
}

/**
 * UTF-8 JSON Lines by its first bytes: a first line that is a record with text or html, or an
 * object too long to end within the sniffed bytes (no single story starts that way).
 */
function startsJsonl(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const start = text.trimStart();
  if (!start.startsWith('{')) return false;
  return start.includes('\n') ? looksLikeJsonl(start) : head.length >= SNIFF_BYTES;
}
