import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { WiretraceError } from '../errors.js';
import { type InputFailure, readInputs, STDIN_INPUT } from '../ingest/index.js';
import { fileSystemError } from '../ingest/input-failure.js';
import { listFilesRecursively } from '../ingest/walk-directory.js';
import type { RawDocument } from '../model/article.js';

/**
 * Documents for the corpus from files, directories and standard input. JSON Lines (also
 * gzipped) are streamed record by record, so a crawl of any size is read in constant memory;
 * every other input goes through the ingest readers. A bad record is a failure naming the file
 * and line; the records after it still come.
 */

/** Bytes of the named inputs read so far, out of their total: enough for a rate and a time left. */
export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
}

const JSONL_NAME = /\.(jsonl|ndjson)(\.gz)?$/i;
const META_FIELDS = ['id', 'url', 'title', 'published', 'source'] as const;

export async function* readCorpusInputs(
  inputs: readonly string[],
  progress: ReadProgress = { bytesRead: 0, bytesTotal: 0 },
): AsyncGenerator<RawDocument | InputFailure> {
  const files: { path: string; name: string }[] = [];
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      files.push({ path: input, name: input });
      continue;
    }
    try {
      if ((await stat(input)).isDirectory()) {
        const prefix = /[\\/]$/.test(input) ? input : `${input}/`;
        for (const entry of await listFilesRecursively(input)) {
          const name = `${prefix}${entry.relative}`;
          if (entry.error === undefined) files.push({ path: join(input, entry.relative), name });
          else yield { input: name, error: fileSystemError(name, entry.error) };
        }
      } else {
        files.push({ path: input, name: input });
      }
    } catch (error) {
      yield { input, error: fileSystemError(input, error) };
    }
  }
  for (const file of files) {
    if (file.path !== STDIN_INPUT) progress.bytesTotal += await sizeOf(file.path);
  }
  for (const file of files) {
    if (JSONL_NAME.test(file.path)) {
      yield* streamJsonLines(file.path, file.name, progress);
      continue;
    }
    yield* readInputs([file.path]);
    if (file.path !== STDIN_INPUT) progress.bytesRead += await sizeOf(file.path);
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Records of a JSON Lines file, read line by line (gzip recognised by its bytes). */
export async function* streamJsonLines(
  path: string,
  name: string,
  progress: ReadProgress,
): AsyncGenerator<RawDocument | InputFailure> {
  let gzip: boolean;
  try {
    gzip = await isGzip(path);
  } catch (error) {
    yield { input: name, error: fileSystemError(name, error) };
    return;
  }
  const file = createReadStream(path);
  let counted = 0;
  file.on('data', (chunk) => {
    counted += chunk.length;
    progress.bytesRead += chunk.length;
  });
  const text = gzip ? file.pipe(createGunzip()) : file;
  const seenIds = new Set<string>();
  let lineNumber = 0;
  try {
    for await (const line of createInterface({ input: text, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (line.trim() === '') continue;
      yield jsonRecord(line, name, lineNumber, seenIds);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    yield {
      input: `${name}:${lineNumber + 1}`,
      error: new WiretraceError('INPUT_DECODE', `cannot read on (${reason})`, `${name}:${lineNumber + 1}`),
    };
  } finally {
    file.destroy();
    progress.bytesRead += Math.max(0, (await sizeOf(path)) - counted);
  }
}

/** One JSON Lines record as a document, or a failure naming the file and line. */
export function jsonRecord(
  line: string,
  name: string,
  lineNumber: number,
  seenIds: Set<string>,
): RawDocument | InputFailure {
  const lineInput = `${name}:${lineNumber}`;
  const fail = (reason: string): InputFailure => ({
    input: lineInput,
    error: new WiretraceError('INPUT_MALFORMED', reason, lineInput),
  });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not a JSON object');
  const record = value as Record<string, unknown>;
  const meta: NonNullable<RawDocument['meta']> = {};
  for (const field of META_FIELDS) {
    const fieldValue = record[field];
    if (typeof fieldValue === 'string' || typeof fieldValue === 'number') meta[field] = String(fieldValue);
  }
  const id = meta.id;
  const input = id !== undefined && id !== '' && !seenIds.has(id) ? `${name}#${id}` : lineInput;
  if (id !== undefined) seenIds.add(id);
  if (typeof record.text === 'string' && record.text.trim() !== '') {
    return { input, format: 'text', content: record.text, encoding: 'utf-8', meta };
  }
  if (typeof record.html === 'string' && record.html.trim() !== '') {
    return { input, format: 'html', content: record.html, encoding: 'utf-8', meta };
  }
  return fail('no "text" or "html" field with content');
}
