import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import { guessUtf16WithoutBom, isJunk, looksBinary } from './binary-check.js';
import { decodeBytes } from './decode-bytes.js';
import { feedDocuments } from './feed-items.js';
import type { InputFailure } from './input-failure.js';
import type { InputKind } from './input-kind.js';
import { jsonlRecords } from './jsonl-records.js';
import { gunzipLimited, isGzip } from './read-bytes.js';
import { looksLikeFeed, looksLikeHtml, looksLikeJsonl } from './sniff-format.js';

/**
 * Turns the bytes of one input into documents: gunzip, reject binary, decode, then one
 * document (text or HTML), one per JSON Lines record or one per feed item. A feed is never read
 * as one text, whatever its name. Throws WiretraceError for a bad input.
 */
export function* documentsFromBytes(
  raw: Uint8Array,
  input: string,
  kind: InputKind,
  maxBytes: number,
): Generator<RawDocument | InputFailure> {
  if (raw.length === 0) throw new WiretraceError('INPUT_EMPTY', 'empty file', input);
  // Any input may be gzip whatever its name (a page saved with its Content-Encoding): the magic
  // number tells, and it never starts text (0x1f is a control character, 0x8b no UTF-8 lead).
  const gzip = kind.gzip || isGzip(raw);
  const bytes = gzip ? gunzipLimited(raw, input, maxBytes) : raw;
  if (bytes.length === 0) throw new WiretraceError('INPUT_EMPTY', 'empty file', input);
  const hasBom = bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!hasBom && guessUtf16WithoutBom(bytes) === null && looksBinary(bytes)) {
    throw new WiretraceError('INPUT_BINARY', undefined, input);
  }

  const latinHead = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const htmlHint = kind.kind === 'html' || (kind.kind === 'sniff' && looksLikeHtml(latinHead));
  const decoded = decodeBytes(bytes, { html: htmlHint });
  if (hasControlJunk(decoded.text)) throw new WiretraceError('INPUT_BINARY', undefined, input);
  // A stray NUL is damage: browsers leave it out of what they show, and so does the story.
  const text = decoded.text.includes('\0') ? decoded.text.replaceAll('\0', '') : decoded.text;
  const { encoding } = decoded;
  if (text.trim() === '') throw new WiretraceError('INPUT_EMPTY', 'no text', input);

  if (kind.kind === 'warc') throw new WiretraceError('INPUT_MALFORMED', 'not a WARC file', input);
  if (kind.kind !== 'jsonl' && looksLikeFeed(text)) {
    yield* feedDocuments(text, input, encoding);
    return;
  }
  if (kind.kind === 'feed') throw new WiretraceError('INPUT_MALFORMED', 'not an RSS or Atom feed', input);
  let format = kind.kind;
  if (format === 'sniff') format = looksLikeJsonl(text) ? 'jsonl' : looksLikeHtml(text) ? 'html' : 'text';
  if (format === 'jsonl') {
    yield* jsonlRecords(text, input, encoding);
    return;
  }
  yield { input, format, content: text, encoding };
}

/** Decoded UTF-16 can still be junk: more than a few NULs or many control characters. */
function hasControlJunk(text: string): boolean {
  const sample = text.slice(0, 65536);
  let controls = 0;
  let nuls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code === 0) nuls++;
    if ((code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b) || code === 0x7f) controls++;
  }
  return isJunk(controls, nuls, sample.length);
}
