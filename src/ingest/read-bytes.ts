import { gunzipSync } from 'node:zlib';
import { WiretraceError } from '../errors.js';

/** Default limit for one document: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

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
