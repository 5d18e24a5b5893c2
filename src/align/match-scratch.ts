import type { WordMatch } from './word-match.js';

/** Up to this many candidates an insertion sort beats the built-in sort and its comparator calls. */
const INSERTION_SORT_MAX = 48;

/**
 * The working arrays of softMatch's greedy matching, kept by a thread's WordMatcher and reused
 * by every call: a trace scores millions of sentence pairs, and arrays made afresh for each
 * cost more in garbage collection than the matching itself.
 */
export class MatchScratch {
  /** Per candidate word pair: its left and right positions, score, weighted value and match. */
  lefts = new Int32Array(64);
  rights = new Int32Array(64);
  scores = new Float64Array(64);
  values = new Float64Array(64);
  readonly matches: Array<WordMatch | undefined> = [];
  /** Candidates in the order the greedy pass takes them. */
  order = new Int32Array(64);
  /** Per word of each side: taken by a link already. Zero between calls. */
  leftUsed = new Uint8Array(64);
  rightUsed = new Uint8Array(64);

  /** Makes room for sides of these lengths. */
  reserve(leftLength: number, rightLength: number): this {
    if (leftLength > this.leftUsed.length) this.leftUsed = new Uint8Array(capacityFor(leftLength));
    if (rightLength > this.rightUsed.length) this.rightUsed = new Uint8Array(capacityFor(rightLength));
    return this;
  }

  add(index: number, left: number, right: number, match: WordMatch, value: number): void {
    if (index === this.lefts.length) this.#grow();
    this.lefts[index] = left;
    this.rights[index] = right;
    this.scores[index] = match.score;
    this.values[index] = value;
    this.matches[index] = match;
  }

  /**
   * The first `count` candidates, best first: higher score, then higher value, then the order
   * they were added in (left position, then right), so the order is total and the same in any
   * sort.
   */
  sortedOrder(count: number): Int32Array {
    const { order, scores, values } = this;
    for (let index = 0; index < count; index++) order[index] = index;
    const before = (x: number, y: number) => scores[y]! - scores[x]! || values[y]! - values[x]! || x - y;
    if (count > INSERTION_SORT_MAX) {
      order.subarray(0, count).sort(before);
      return order;
    }
    for (let next = 1; next < count; next++) {
      const candidate = order[next]!;
      let slot = next;
      while (slot > 0 && before(candidate, order[slot - 1]!) < 0) {
        order[slot] = order[slot - 1]!;
        slot--;
      }
      order[slot] = candidate;
    }
    return order;
  }

  /** Clears what the next call reads as empty, and drops the matches it no longer needs. */
  release(count: number, leftLength: number, rightLength: number): void {
    this.matches.fill(undefined, 0, count);
    this.leftUsed.fill(0, 0, leftLength);
    this.rightUsed.fill(0, 0, rightLength);
  }

  #grow(): void {
    const size = this.lefts.length * 2;
    this.lefts = grown(this.lefts, new Int32Array(size));
    this.rights = grown(this.rights, new Int32Array(size));
    this.scores = grown(this.scores, new Float64Array(size));
    this.values = grown(this.values, new Float64Array(size));
    this.order = new Int32Array(size);
  }
}

function grown<T extends Int32Array | Float64Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

function capacityFor(length: number): number {
  let capacity = 64;
  while (capacity < length) capacity *= 2;
  return capacity;
}
