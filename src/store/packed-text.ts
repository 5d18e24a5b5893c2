import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A story text as raw DEFLATE at level 1: news text shrinks to under half, quickly. Smaller
 * windows and hash tables were slower, and Huffman-only coding faster but far larger. Documents
 * reach a store packed (a pool thread packs each as it prepares it), so the thread that writes
 * them never holds their texts whole.
 */
export function packText(text: string): Uint8Array {
  const packed = deflateRawSync(text, { level: 1 });
  // zlib gives a view on its 16 KB output chunk: a copy of just the packed bytes is what crosses
  // to the storing thread (a view would carry the whole chunk) and what stays in memory there.
  return packed.byteLength === packed.buffer.byteLength ? packed : new Uint8Array(packed);
}

export function unpackText(packed: Uint8Array): string {
  return inflateRawSync(packed).toString('utf8');
}
