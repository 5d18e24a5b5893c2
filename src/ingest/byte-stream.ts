import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WiretraceError } from '../errors.js';

/** A byte stream whose first bytes have been looked at; `chunks` still yields them first. */
export interface PeekedStream {
  head: Buffer;
  chunks: AsyncIterable<Buffer>;
}

function toBuffer(chunk: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('stream yielded neither bytes nor text');
}

/** Reads chunks until at least `bytes` are seen (or the stream ends), without losing any. */
export async function peekStream(stream: AsyncIterable<unknown>, bytes: number): Promise<PeekedStream> {
  const iterator = stream[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let total = 0;
  let done = false;
  while (total < bytes) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const buffer = toBuffer(next.value);
    seen.push(buffer);
    total += buffer.length;
  }
  const head = Buffer.concat(seen);
  async function* chunks(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      yield toBuffer(next.value);
    }
  }
  return { head, chunks: chunks() };
}

/** True when the bytes start with the gzip magic number. */
export function startsWithGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses a gzip stream as it is read; a bad stream fails with INPUT_DECODE naming the input. */
export async function* gunzipStream(chunks: AsyncIterable<Buffer>, input: string): AsyncGenerator<Buffer> {
  const gunzip = Readable.from(chunks).pipe(createGunzip());
  try {
    for await (const chunk of gunzip) yield toBuffer(chunk);
  } catch (error) {
    if (error instanceof WiretraceError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WiretraceError('INPUT_DECODE', `bad gzip stream (${reason})`, input);
  } finally {
    gunzip.destroy();
  }
}

/** Reads what is left of a stream, failing as soon as it grows over `maxBytes`. */
export async function collectLimited(
  chunks: AsyncIterable<Buffer>,
  input: string,
  maxBytes: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new WiretraceError('INPUT_TOO_LARGE', `larger than the limit of ${maxBytes} bytes`, input);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}
