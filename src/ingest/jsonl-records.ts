import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import { boundedLines } from './bounded-lines.js';
import type { InputFailure } from './input-failure.js';
import { NameSet } from './name-set.js';

type Meta = NonNullable<RawDocument['meta']>;
/** Decodes one whole line at a time (never streaming), so one decoder serves every line. */
const UTF8 = new TextDecoder('utf-8');
const META_FIELDS = ['id', 'url', 'title', 'published', 'source'] as const;

/**
 * Names given to a file's records so far: a record keeps its own name ("input", as written by
 * `wiretrace extract --json`) or `file#id`, unless an earlier record took it.
 */
export type SeenNames = NameSet;

/** The names a record may go by: its own (when no earlier record of its file took it), else `file:line`. */
export interface NameClaim {
  own: string | null;
  fallback: string;
}

/** A parsed record, named by its own name when it has one (to be settled with settleName). */
export interface ParsedRecord {
  document: RawDocument;
  claim: NameClaim;
}

/**
 * A JSON Lines record read but not decoded: a pool thread parses its bytes (parseJsonlLine)
 * while the reading thread reads on; its name is settled in the reading thread, in file order.
 */
export interface JsonlLine {
  kind: 'jsonl-line';
  /** The file's name as given. */
  file: string;
  line: number;
  /** UTF-8 bytes of the line, without its "\n". */
  bytes: Uint8Array;
  /** Names the file's earlier records took (stays in the reading thread). */
  seen: SeenNames;
}

export function isJsonlLine(item: object): item is JsonlLine {
  return (item as Partial<JsonlLine>).kind === 'jsonl-line';
}

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
  const parsed = parseJsonlText(line, lineNumber, input, encoding);
  if (parsed === null || 'error' in parsed) return parsed;
  return named(parsed, settleName(parsed.claim, seen));
}

/** The record's name, given the names earlier records of its file took; taken from now on. */
export function settleName(claim: NameClaim, seen: SeenNames): string {
  const name = claim.own !== null && !seen.has(claim.own) ? claim.own : claim.fallback;
  seen.add(name);
  return name;
}

function named(parsed: ParsedRecord, name: string): RawDocument {
  return name === parsed.document.input ? parsed.document : { ...parsed.document, input: name };
}

/** One line of JSON Lines: null when blank, else the record (under its own name, if any) or why it is unusable. */
export function parseJsonlText(
  line: string,
  lineNumber: number,
  input: string,
  encoding: string,
): ParsedRecord | InputFailure | null {
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
  const own =
    typeof ownName === 'string' && ownName !== ''
      ? ownName
      : meta.id !== undefined && meta.id !== ''
        ? `${input}#${meta.id}`
        : null;
  return {
    document: { input: own ?? lineInput, format: parsed.format, content: parsed.content, encoding, meta },
    claim: { own, fallback: lineInput },
  };
}

/** parseJsonlText of a line's UTF-8 bytes (a byte-order mark on the first line is dropped). */
export function parseJsonlLine(
  file: string,
  lineNumber: number,
  bytes: Uint8Array,
): ParsedRecord | InputFailure | null {
  let text = UTF8.decode(bytes);
  if (lineNumber === 1 && text.startsWith('\ufeff')) text = text.slice(1);
  return parseJsonlText(text, lineNumber, file, 'utf-8');
}

/** Splits decoded JSON Lines text into documents; bad lines become failures, the rest still come out. */
export function* jsonlRecords(
  text: string,
  input: string,
  encoding: string,
): Generator<RawDocument | InputFailure> {
  const seen: SeenNames = new NameSet();
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
  for await (const line of streamJsonlLines(chunks, input, maxRecordBytes)) {
    if (!isJsonlLine(line)) {
      yield line;
      continue;
    }
    const parsed = parseJsonlLine(line.file, line.line, line.bytes);
    if (parsed === null) continue;
    yield 'error' in parsed ? parsed : named(parsed, settleName(parsed.claim, line.seen));
  }
}

/**
 * The same, each record as its bytes (a JsonlLine), not decoded: blank lines are skipped, a
 * line over the limit is a failure.
 */
export async function* streamJsonlLines(
  chunks: AsyncIterable<Buffer>,
  input: string,
  maxRecordBytes: number,
): AsyncGenerator<JsonlLine | InputFailure> {
  const seen: SeenNames = new NameSet();
  for await (const line of boundedLines(chunks, maxRecordBytes)) {
    if (line.tooLong) {
      const lineInput = `${input}:${line.number}`;
      const detail = `record larger than the limit of ${maxRecordBytes} bytes`;
      yield { input: lineInput, error: new WiretraceError('INPUT_TOO_LARGE', detail, lineInput) };
      continue;
    }
    if (isBlank(line.bytes)) continue;
    yield { kind: 'jsonl-line', file: input, line: line.number, bytes: line.bytes, seen };
  }
}

/** Whether a line holds only white space (decoded only when it has bytes beyond ASCII). */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte >= 0x80) return UTF8.decode(bytes).trim() === '';
    if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return false;
  }
  return true;
}

interface RecordFields {
  record: Record<string, unknown>;
  format: 'text' | 'html';
  content: string;
}

/** The record on one line, or why it is unusable. */
function parseRecord(line: string): RecordFields | string {
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
