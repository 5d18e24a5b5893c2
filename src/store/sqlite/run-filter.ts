import { WiretraceError } from '../../errors.js';
import { bloomBytes, bloomHasHashed } from './bloom.js';
import { type FuseFilter, fuseBlockHas, fuseBlockOf, fuseBytes, readFuse } from './fuse-filter.js';

/**
 * A bucket run's filter, as stored in `bucket_runs.bloom`: a binary fuse filter (fuse-filter.ts)
 * since store schema 4; a Bloom filter (bloom.ts) in runs written by schema 3, which are still
 * read. A Bloom BLOB's length follows from the run's entry count alone (bloomBytes), so a run
 * whose BLOB has that length is a Bloom filter, and a fuse filter of that very length is written
 * with one byte of padding: the two are told apart for certain, not by a chance byte pattern.
 */
export interface RunFilter {
  /** Whether the run may hold `key`, whose hash words are `first` and `second` (key-hash.ts). */
  mayHold(key: number, first: number, second: number): boolean;
  /** Bytes held in memory. */
  readonly bytes: number;
}

/** The BLOB to store for a run of `entries` entries whose fuse filter is `fuse`. */
export function storedRunFilter(fuse: Uint8Array, entries: number): Uint8Array {
  if (fuse.length !== bloomBytes(entries)) return fuse;
  const padded = new Uint8Array(fuse.length + 1);
  padded.set(fuse);
  return padded;
}

/** Reads a run's stored filter; a BLOB that is neither kind is refused as a damaged corpus. */
export function readRunFilter(stored: Uint8Array, entries: number): RunFilter {
  if (stored.length === bloomBytes(entries)) return new BloomRunFilter(new Uint8Array(stored));
  const fuse = readFuse(stored);
  if (fuse === null) {
    throw new WiretraceError(
      'STORE_INCOMPATIBLE',
      'a bucket run holds a filter of an unknown kind (damaged?)',
    );
  }
  return new FuseRunFilter(fuse);
}

class FuseRunFilter implements RunFilter {
  readonly #filter: FuseFilter;
  readonly bytes: number;
  /** The block of the last key asked about: a lookup asks for keys in ascending order. */
  #block = -1;

  constructor(filter: FuseFilter) {
    this.#filter = filter;
    this.bytes = fuseBytes(filter);
  }

  mayHold(key: number, first: number, second: number): boolean {
    const firstKeys = this.#filter.firstKeys;
    let block = this.#block;
    const inBlock =
      block >= 0 &&
      firstKeys[block]! <= key &&
      (block + 1 === firstKeys.length || key < firstKeys[block + 1]!);
    if (!inBlock) {
      block = fuseBlockOf(this.#filter, key);
      if (block < 0) return false;
      this.#block = block;
    }
    return fuseBlockHas(this.#filter, block, first, second);
  }
}

class BloomRunFilter implements RunFilter {
  readonly #bits: Uint8Array;
  readonly bytes: number;

  constructor(bits: Uint8Array) {
    this.#bits = bits;
    this.bytes = bits.length;
  }

  mayHold(_key: number, first: number, second: number): boolean {
    // The Bloom filter's probe step is the second word made odd (bloomHashes).
    return bloomHasHashed(this.#bits, first, second | 1);
  }
}
