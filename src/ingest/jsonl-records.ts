import { TextDecoder } from 'node:util';
import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import { type BoundedLine, boundedLines } from './bounded-lines.js';
import type { InputFailure } from './input-failure.js';

type Meta = NonNullable<RawDocument['meta']>;
const META_FIELDS = ['id', 'url', 'title', 'published', 'source'] as const;

/**
 * Names given to a file's records so far: a record keeps its own name ("input", as written by
 * `wiretrace extract --json`) or `file#id`, unless an earlier record took it.
 */
export type SeenNames = Set<string>;

/**
 * One JSON Lines record `{"input","id","url","title","text" or "html","published","source"}` as a
 * document, or a failure naming the file and line. A record's name is its "input" field (so
 * `extract --json` output traces under the original names), else `file#id`, else `file:line`
 * (also for a name an earlier record of the file already took).
 */
export function jsonlRecord(
  line: string,
  lineNumber: number,
  input: string,
  encoding: string,
  seen: SeenNames,
): RawDocument | InputFailure | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const lineInput = `${input}:${lineNumber}`;
  const parsed = parseRecord(trimmed);
  if (typeof parsed === 'string') {
    // "file.jsonl:3: not valid JSON" names the file and the line, compiler style.
    return { input: lineInput, error: new WiretraceError('INPUT_MALFORMED', parsed, lineInput) };
  }
  const meta = recordMeta(parsed.record);
  const ownName = parsed.record.input;
  const named =
    typeof ownName === 'string' && ownName !== ''
      ? ownName
      : meta.id !== undefined && meta.id !== ''
        ? `${input}#${meta.id}`
        : null;
  const recordInput = named !== null && !seen.has(named) ? named : lineInput;
  seen.add(recordInput);
  return { input: recordInput, format: parsed.format, content: parsed.content, encoding, meta };
}

/** Splits decoded JSON Lines text into documents; bad lines become failures, the rest still come out. */
export function* jsonlRecords(
  text: string,
  input: string,
  encoding: string,
): Generator<RawDocument | InputFailure> {
  const seen: SeenNames = new Set();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const item = jsonlRecord(lines[index]!, index + 1, input, encoding, seen);
    if (item !== null) yield item;
  }
}

/**
 * Reads JSON Lines (UTF-8) from a byte stream one record at a time: no limit on the file, each
 * record at most `maxRecordBytes`.
 */
export async function* streamJsonlRecords(
  chunks: AsyncIterable<Buffer>,
  input: string,
  maxRecordBytes: number,
): AsyncGenerator<RawDocument | InputFailure> {
  const seen: SeenNames = new Set();
  const decoder = new TextDecoder('utf-8');
  for await (const line of boundedLines(chunks, maxRecordBytes)) {
    const item = lineRecord(line, decoder, input, maxRecordBytes, seen);
    if (item !== null) yield item;
  }
}

function lineRecord(
  line: BoundedLine,
  decoder: TextDecoder,
  input: string,
  maxRecordBytes: number,
  seen: SeenNames,
): RawDocument | InputFailure | null {
  if (line.tooLong) {
    const lineInput = `${input}:${line.number}`;
    const detail = `record larger than the limit of ${maxRecordBytes} bytes`;
    return { input: lineInput, error: new WiretraceError('INPUT_TOO_LARGE', detail, lineInput) };
  }
  let text = decoder.decode(line.bytes);
  if (line.number === 1 && text.startsWith('\ufeff')) text = text.slice(1);
  return jsonlRecord(text, line.number, input, 'utf-8', seen);
}

interface ParsedRecord {
  record: Record<string, unknown>;
  format: 'text' | 'html';
  content: string;
}

/** The record on one line, or why it is unusable. */
function parseRecord(line: string): ParsedRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  // Explicit article text is preferred: it is what the record's author wants compared.
  if (typeof record.text === 'string' && record.text.trim() !== '') {
    return { record, format: 'text', content: record.text };
  }
  if (typeof record.html === 'string' && record.html.trim() !== '') {
    return { record, format: 'html', content: record.html };
  }
  return 'no "text" or "html" field with content';
}

function recordMeta(record: Record<string, unknown>): Meta {
  const meta: Meta = {};
  for (const field of META_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') meta[field] = String(value);
  }
  return meta;
}
