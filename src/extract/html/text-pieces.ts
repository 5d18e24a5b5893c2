import { parseDocument } from 'htmlparser2';

/** A run of decoded text and the markup range it came from. */
export interface MarkupRun {
  text: string;
  start: number;
  end: number;
}

const ENTITY = /&(?:#\d+;?|#[xX][\da-fA-F]+;?|[A-Za-z][A-Za-z\d]*;?)/g;
const decodedEntities = new Map<string, string>();

/**
 * Splits a text node into runs aligned with the markup: literal text maps character for
 * character, each character reference maps to its own source range. Falls back to one run for
 * the whole node when the pieces do not add up to the parser's decoded text.
 */
export function markupRuns(content: string, start: number, end: number, decoded: string): MarkupRun[] {
  const raw = content.slice(start, end);
  if (raw === decoded) return [{ text: raw, start, end }];
  const runs: MarkupRun[] = [];
  let cursor = 0;
  for (const match of raw.matchAll(ENTITY)) {
    if (match.index > cursor) {
      runs.push({ text: raw.slice(cursor, match.index), start: start + cursor, end: start + match.index });
    }
    runs.push({
      text: decodeEntity(match[0]),
      start: start + match.index,
      end: start + match.index + match[0].length,
    });
    cursor = match.index + match[0].length;
  }
  if (cursor < raw.length) runs.push({ text: raw.slice(cursor), start: start + cursor, end });
  return runs.map((run) => run.text).join('') === decoded ? runs : [{ text: decoded, start, end }];
}

/** Decodes one character reference the way the parser does in text. */
function decodeEntity(entity: string): string {
  let decoded = decodedEntities.get(entity);
  if (decoded === undefined) {
    const node = parseDocument(entity).children[0];
    decoded = node && 'data' in node ? node.data : entity;
    if (decodedEntities.size < 10_000) decodedEntities.set(entity, decoded);
  }
  return decoded;
}
