import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import type { InputFailure } from './input-failure.js';

type Meta = NonNullable<RawDocument['meta']>;
const META_FIELDS = ['id', 'url', 'title', 'published', 'source'] as const;

/**
 * Splits decoded JSON Lines into documents, one per line `{"id","url","title","text" or "html",
 * "published","source"}`. A bad line becomes a failure naming the file and line; the other lines
 * still come out. A record's input is `file#id`, or `file:line` without an id (or a repeated id).
 */
export function* jsonlRecords(
  text: string,
  input: string,
  encoding: string,
): Generator<RawDocument | InputFailure> {
  const seenIds = new Set<string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const lineNumber = index + 1;
    const lineInput = `${input}:${lineNumber}`;
    const parsed = parseRecord(line);
    if (typeof parsed === 'string') {
      yield {
        input: lineInput,
        // "file.jsonl:3: not valid JSON" names the file and the line, compiler style.
        error: new WiretraceError('INPUT_MALFORMED', parsed, lineInput),
      };
      continue;
    }
    const meta = recordMeta(parsed.record);
    const id = meta.id;
    const recordInput = id !== undefined && id !== '' && !seenIds.has(id) ? `${input}#${id}` : lineInput;
    if (id !== undefined) seenIds.add(id);
    yield { input: recordInput, format: parsed.format, content: parsed.content, encoding, meta };
  }
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
