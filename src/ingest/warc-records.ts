import { WARCParser, type WARCRecord } from 'warcio';
import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import { collectLimited } from './byte-stream.js';
import { decodeBytes } from './decode-bytes.js';
import type { InputFailure } from './input-failure.js';

/** Payload media types read as pages; everything else in an archive (images, scripts) is skipped. */
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;
/** Where a record starts: "WARC/1.0" or "WARC/1.1" at the start of a line. */
const RECORD_START = Buffer.from('\nWARC/1.');

/**
 * Reads the pages of a WARC file (already decompressed, or gzip per record) as documents: each
 * successful HTML response (or HTML resource record) becomes a document named by its target URI
 * (a repeated URI is named `file#record-N`). A malformed or truncated record is reported and
 * skipped, and reading goes on at the next record header.
 */
export async function* warcRecords(
  chunks: AsyncIterable<Buffer>,
  input: string,
  maxBytes: number,
): AsyncGenerator<RawDocument | InputFailure> {
  const seen = new Set<string>();
  let source: AsyncIterable<Buffer> | Buffer[] = chunks;
  let number = 0;
  while (true) {
    const parser = new WARCParser(source);
    let resumeFrom: Buffer | null = null;
    try {
      for await (const record of parser) {
        number++;
        const where = `${input}#record-${number}`;
        const problem = malformation(record);
        if (problem !== null) {
          yield { input: where, error: new WiretraceError('INPUT_MALFORMED', problem, where) };
          // The parser cannot know where this record ends: look for the next header in what follows.
          resumeFrom = nextRecord(await collectLimited(readerOf(record), where, maxBytes * 4));
          break;
        }
        const item = await documentOf(record, where, seen, maxBytes);
        if (item !== null) yield item;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const where = `${input}#record-${number + 1}`;
      const detail = `unreadable WARC record (${reason}); the rest of the file is skipped`;
      yield { input: where, error: new WiretraceError('INPUT_MALFORMED', detail, where) };
      return;
    }
    if (resumeFrom === null) return;
    source = [resumeFrom];
  }
}

/** Why a record's header cannot be trusted, or null. */
function malformation(record: WARCRecord): string | null {
  if (!Number.isFinite(record.warcContentLength) || record.warcContentLength < 0) {
    const stated = record.warcHeader('Content-Length') ?? 'none';
    return `malformed WARC record: bad Content-Length "${stated}"`;
  }
  if (!record.warcType) return 'malformed WARC record: no WARC-Type';
  return null;
}

/** The remaining bytes of a record, as a stream. */
async function* readerOf(record: WARCRecord): AsyncGenerator<Buffer> {
  for await (const chunk of record.reader) yield Buffer.from(chunk);
}

/** The bytes from the next record header on, or null when there is none. */
function nextRecord(rest: Buffer): Buffer | null {
  if (rest.subarray(0, RECORD_START.length - 1).equals(RECORD_START.subarray(1))) return rest;
  const at = rest.indexOf(RECORD_START);
  return at === -1 ? null : rest.subarray(at + 1);
}

function payloadType(record: WARCRecord): string {
  if (record.warcType === 'response') return record.httpHeaders?.headers.get('content-type') ?? '';
  return record.warcHeader('Content-Type') ?? '';
}

async function documentOf(
  record: WARCRecord,
  where: string,
  seen: Set<string>,
  maxBytes: number,
): Promise<RawDocument | InputFailure | null> {
  if (record.warcType !== 'response' && record.warcType !== 'resource') return null;
  if (record.warcType === 'response') {
    const status = Number(record.httpHeaders?.statusCode);
    if (!(status >= 200 && status < 300)) return null;
  }
  if (!HTML_TYPE.test(payloadType(record))) return null;
  const uri = record.warcTargetURI ?? '';
  if (uri === '') {
    return {
      input: where,
      error: new WiretraceError('INPUT_MALFORMED', 'WARC record without a target URI', where),
    };
  }
  if (record.warcContentLength > maxBytes) {
    const detail = `${uri}: larger than the limit of ${maxBytes} bytes`;
    return { input: where, error: new WiretraceError('INPUT_TOO_LARGE', detail, where) };
  }
  const payload = await record.readFully(true);
  const name = seen.has(uri) ? where : uri;
  seen.add(name);
  if (payload.length === 0)
    return { input: name, error: new WiretraceError('INPUT_EMPTY', 'empty page', name) };
  const { text, encoding } = decodeBytes(payload, { html: true });
  return { input: name, format: 'html', content: text, encoding, meta: { url: uri } };
}
