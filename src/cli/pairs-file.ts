import { constants, createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { WiretraceError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import type { Article } from '../model/article.js';
import { articleFromText } from '../text/plain-article.js';

/** One line of a --pairs file, or the reason it could not be read. */
export type PairLine =
  | { line: number; id: string; a: Article; b: Article }
  | { line: number; id: string | null; error: WiretraceError };

/**
 * Reads a JSON Lines file of {"id", "a", "b"} where a and b are texts (already story text) or
 * {"text"} / {"html"} objects (html goes through extraction). Bad lines come out as errors;
 * the rest of the file goes on.
 */
export async function* readPairsFile(path: string, stdin?: NodeJS.ReadableStream): AsyncGenerator<PairLine> {
  if (path !== '-') await assertReadableFile(path);
  const stream = path === '-' ? (stdin ?? process.stdin) : createReadStream(path, { encoding: 'utf8' });
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    yield parsePairLine(path, line, text);
  }
}

async function assertReadableFile(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
    if ((await stat(path)).isDirectory())
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new WiretraceError('INPUT_NOT_FOUND', `cannot read pairs file (${code})`, path);
  }
}

function parsePairLine(path: string, line: number, text: string): PairLine {
  const where = `${path}:${line}`;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { line, id: null, error: new WiretraceError('INPUT_MALFORMED', 'not valid JSON', where) };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { line, id: null, error: new WiretraceError('INPUT_MALFORMED', 'expected a JSON object', where) };
  }
  const fields = record as Record<string, unknown>;
  const id = fields.id === undefined ? String(line) : String(fields.id);
  try {
    return {
      line,
      id,
      a: sideArticle(fields.a, `${id}:a`, where),
      b: sideArticle(fields.b, `${id}:b`, where),
    };
  } catch (error) {
    const wrapped =
      error instanceof WiretraceError ? error : new WiretraceError('INPUT_MALFORMED', String(error), where);
    return { line, id, error: wrapped };
  }
}

function sideArticle(value: unknown, input: string, where: string): Article {
  if (typeof value === 'string') return textArticle(input, value, where);
  if (typeof value === 'object' && value !== null) {
    const side = value as Record<string, unknown>;
    if (typeof side.text === 'string') return textArticle(input, side.text, where);
    if (typeof side.html === 'string') {
      return extractArticle({ input, format: 'html', content: side.html, encoding: 'utf-8' });
    }
  }
  throw new WiretraceError(
    'INPUT_MALFORMED',
    `"${input.slice(-1)}" must be a text or a {"text"} or {"html"} object`,
    where,
  );
}

function textArticle(input: string, text: string, where: string): Article {
  if (text.trim() === '') throw new WiretraceError('INPUT_EMPTY', `"${input.slice(-1)}" is empty`, where);
  return articleFromText(input, text);
}
