/**
 * Working arrays a fingerprint reuses from one document to the next. A fresh set per article
 * (tens of kilobytes, zeroed, then collected) costs more than the hashing they serve. One
 * owner at a time (a task preparing its documents in turn): what it lends holds until the next
 * fingerprint.
 */
export class FingerprintScratch {
  #norm = new Uint32Array(0);
  #stem = new Uint32Array(0);
  #flags = new Uint8Array(0);
  /** All zero between uses: distinctCount clears what it filled. */
  #table = new Float64Array(0);

  /** Arrays of at least `capacity` slots for word hashes (their contents are left over: write before reading). */
  wordArrays(capacity: number): { norm: Uint32Array; stem: Uint32Array; flags: Uint8Array } {
    if (this.#norm.length < capacity) {
      const size = Math.max(capacity, this.#norm.length * 2);
      this.#norm = new Uint32Array(size);
      this.#stem = new Uint32Array(size);
      this.#flags = new Uint8Array(size);
    }
    return { norm: this.#norm, stem: this.#stem, flags: this.#flags };
  }

  /** A zeroed table of at least `capacity` slots; the borrower zeroes what it wrote before the next call. */
  zeroedTable(capacity: number): Float64Array {
    if (this.#table.length < capacity) this.#table = new Float64Array(capacity);
    return this.#table;
  }
}
