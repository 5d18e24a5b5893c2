import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { WiretraceError } from '../errors.js';
import { fileSystemError } from './input-failure.js';

/** Default limit for one document: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Reads a whole file, refusing (without reading it) a file over `maxBytes`. */
export async function readFileLimited(path: string, input: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileSystemError(input, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new WiretraceError('INPUT_NOT_FOUND', 'is a directory', input);
    if (stats.size > maxBytes) throw tooLarge(input, maxBytes);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof WiretraceError) throw error;
    throw fileSystemError(input, error);
  } finally {
    await handle.close();
  }
}

/** Reads a stream to its end, failing as soon as it grows over `maxBytes`. */
export async function readStreamLimited(
  stream: NodeJS.ReadableStream,
  input: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += buffer.length;
    if (total > maxBytes) throw tooLarge(input, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes, keeping the output under `maxBytes`. */
export function gunzipLimited(bytes: Uint8Array, input: string, maxBytes: number): Uint8Array {
  if (!isGzip(bytes)) throw new WiretraceError('INPUT_DECODE', 'not a gzip stream', input);
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(input, maxBytes);
    const reason = error instanceof Error ? error.message : String(error);
    throw new WiretraceError('INPUT_DECODE', `bad gzip stream (${reason})`, input);
  }
}

function tooLarge(input: string, maxBytes: number): WiretraceError {
  return new WiretraceError('INPUT_TOO_LARGE', `larger than the limit of ${maxBytes} bytes`, input);
}
