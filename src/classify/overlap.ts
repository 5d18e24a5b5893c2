/**
 * Plain lexical overlap measures over word sequences (stems or surface forms), the classic
 * text-reuse and MT-evaluation figures: n-gram containment (Broder; Clough & Stevenson),
 * clipped n-gram precision (BLEU), longest common subsequence and greedy string tiling (Wise).
 */

/** Share of x's distinct n-grams found in y (0 when x has none). */
export function ngramContainment(x: readonly string[], y: readonly string[], n: number): number {
  const own = ngramSet(x, n);
  return own.size === 0 ? 0 : setContainment(own, ngramSet(y, n));
}

/** Share of `own`'s members found in `theirs` (0 when own is empty). */
export function setContainment<T>(own: ReadonlySet<T>, theirs: ReadonlySet<T>): number {
  if (own.size === 0) return 0;
  let shared = 0;
  for (const member of own) if (theirs.has(member)) shared++;
  return shared / own.size;
}

/**
 * Clipped n-gram precision of a candidate against a reference, as BLEU counts it: each of the
 * candidate's n-grams counts at most as often as the reference has it.
 */
export function clippedPrecision(
  candidate: readonly string[],
  reference: readonly string[],
  n: number,
): number {
  const own = ngramCounts(candidate, n);
  const theirs = ngramCounts(reference, n);
  let total = 0;
  let matched = 0;
  for (const [gram, count] of own) {
    total += count;
    matched += Math.min(count, theirs.get(gram) ?? 0);
  }
  return total > 0 ? matched / total : 0;
}

/** Length of the longest common subsequence, two rows of dynamic programming. */
export function longestCommonSubsequence(x: readonly string[], y: readonly string[]): number {
  if (x.length === 0 || y.length === 0) return 0;
  const ids = internAll(x, y);
  return bitParallelLcs(ids.x, ids.y);
}

const WORD_BITS = 32;
const WORD_RANGE = 2 ** 32;

/**
 * Length of the longest common subsequence, bit-parallel (Allison & Dix 1986, Hyyrö 2004): one
 * bit per word of x, 32 to a machine word, so a pair costs |y|·|x|/32 steps instead of |y|·|x|
 * and long documents can afford it. V's zero bits count the LCS; for each word of y, with U the
 * bits of V where x has that word, V becomes (V + U) | (V − U).
 */
function bitParallelLcs(xs: Int32Array, ys: Int32Array): number {
  const words = Math.ceil(xs.length / WORD_BITS);
  const inY = new Set(ys);
  const masks = new Map<number, Uint32Array>();
  xs.forEach((symbol, index) => {
    if (!inY.has(symbol)) return;
    let mask = masks.get(symbol);
    if (mask === undefined) {
      mask = new Uint32Array(words);
      masks.set(symbol, mask);
    }
    mask[index >>> 5]! |= 1 << (index & 31);
  });
  const v = new Uint32Array(words).fill(0xffffffff);
  for (const symbol of ys) {
    const mask = masks.get(symbol);
    if (mask === undefined) continue;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const vk = v[k]!;
      const u = (vk & mask[k]!) >>> 0;
      const sum = vk + u + carry;
      carry = sum >= WORD_RANGE ? 1 : 0;
      v[k] = (sum >>> 0) | (vk & ~u);
    }
  }
  let ones = 0;
  for (let index = 0; index < xs.length; index++) if ((v[index >>> 5]! >>> (index & 31)) & 1) ones++;
  return xs.length - ones;
}

/** Shortest tile greedy string tiling keeps (Clough & Stevenson use 3 words). */
export const MIN_TILE = 3;

/** A run of words common to both sequences: x[x..x+length) equals y[y..y+length). */
export interface Tile {
  x: number;
  y: number;
  length: number;
}

/**
 * Greedy string tiling: repeatedly takes the longest runs common to both sequences that no
 * earlier tile covers, down to MIN_TILE words. Returns the number of x's words inside tiles.
 */
export function greedyStringTiling(x: readonly string[], y: readonly string[], minTile = MIN_TILE): number {
  const ids = internAll(x, y);
  return tiledWords(ids.x, ids.y, minTile);
}

/**
 * greedyStringTiling over words given as numbers (equal words, equal numbers), e.g. interned
 * ids or an article's cached word keys.
 */
export function tiledWords(xs: ArrayLike<number>, ys: ArrayLike<number>, minTile = MIN_TILE): number {
  return wordTiles(xs, ys, minTile).reduce((sum, tile) => sum + tile.length, 0);
}

/** The tiles of greedy string tiling, in x's order. */
export function stringTiles(x: readonly string[], y: readonly string[], minTile = MIN_TILE): Tile[] {
  const ids = internAll(x, y);
  return wordTiles(ids.x, ids.y, minTile);
}

/** The tiles of greedy string tiling over words given as numbers, in x's order. */
export function wordTiles(xs: ArrayLike<number>, ys: ArrayLike<number>, minTile = MIN_TILE): Tile[] {
  const markedX = new Uint8Array(xs.length);
  const markedY = new Uint8Array(ys.length);
  // A tile starting at (i, j) has the same first minTile words on both sides, so only the
  // places in y where x's minTile-gram at i occurs are tried (not every place of its first word:
  // "the" occurs everywhere). Keys are hashes; a collision only adds a start that fails to extend.
  const positionsInY = new Map<number, number[]>();
  for (let j = 0; j + minTile <= ys.length; j++) {
    const key = gramKey(ys, j, minTile);
    const list = positionsInY.get(key);
    if (list === undefined) positionsInY.set(key, [j]);
    else list.push(j);
  }
  const startsInY = Array.from({ length: xs.length }, (_, i) =>
    i + minTile <= xs.length ? positionsInY.get(gramKey(xs, i, minTile)) : undefined,
  );
  const tiles: Tile[] = [];
  let longest: number;
  do {
    longest = minTile;
    let matches: Array<[number, number]> = [];
    for (let i = 0; i < xs.length; i++) {
      if (markedX[i] === 1) continue;
      for (const j of startsInY[i] ?? []) {
        if (markedY[j] === 1) continue;
        // A run that (i - 1, j - 1) extends is that run's tail, a word shorter: never the
        // longest. Skipping it keeps a long copied run from being walked once per word.
        if (i > 0 && j > 0 && xs[i - 1] === ys[j - 1] && markedX[i - 1] === 0 && markedY[j - 1] === 0)
          continue;
        let length = 0;
        while (
          i + length < xs.length &&
          j + length < ys.length &&
          xs[i + length] === ys[j + length] &&
          markedX[i + length] === 0 &&
          markedY[j + length] === 0
        ) {
          length++;
        }
        if (length > longest) {
          longest = length;
          matches = [[i, j]];
        } else if (length === longest) {
          matches.push([i, j]);
        }
      }
    }
    for (const [i, j] of matches) {
      if (markedX.subarray(i, i + longest).some((mark) => mark === 1)) continue;
      if (markedY.subarray(j, j + longest).some((mark) => mark === 1)) continue;
      markedX.fill(1, i, i + longest);
      markedY.fill(1, j, j + longest);
      tiles.push({ x: i, y: j, length: longest });
    }
  } while (longest > minTile);
  return tiles.sort((first, second) => first.x - second.x);
}

/** Widest gap, on either side, between two tiles that still reads as a local edit. */
export const MAX_EDIT_GAP = 3;

/**
 * How the reused part was changed: of the tiles taken in x's order, each next one that goes on
 * in y where the previous left off, after a gap of at most MAX_EDIT_GAP words on either side,
 * marks a local edit (a word or two swapped, dropped or added inside copied text); per 100 words
 * inside tiles. A pasted text has none however much it copies, a lightly edited one many.
 */
export function editsPerHundredReused(tiles: readonly Tile[]): number {
  let edits = 0;
  let reused = 0;
  tiles.forEach((tile, index) => {
    reused += tile.length;
    const next = tiles[index + 1];
    if (next === undefined) return;
    const gapX = next.x - (tile.x + tile.length);
    const gapY = next.y - (tile.y + tile.length);
    if (gapX >= 0 && gapY >= 0 && gapX + gapY > 0 && gapX <= MAX_EDIT_GAP && gapY <= MAX_EDIT_GAP) edits++;
  });
  return reused > 0 ? (edits * 100) / reused : 0;
}

/** The distinct n-grams of a word sequence, each as its words joined by a space. */
export function ngramSet(words: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  for (let index = 0; index + n <= words.length; index++) grams.add(words.slice(index, index + n).join(' '));
  return grams;
}

function ngramCounts(words: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + n <= words.length; index++) {
    const gram = words.slice(index, index + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** A 32-bit key of the `length` words from `start` (from each word's low 32 bits). */
function gramKey(words: ArrayLike<number>, start: number, length: number): number {
  let key = 0x9747b28c;
  for (let k = start; k < start + length; k++) key = Math.imul(key ^ words[k]!, 0x5bd1e995) ^ (key >>> 15);
  return key | 0;
}

/** Words as small integers, so the inner loops compare numbers. */
function internAll(x: readonly string[], y: readonly string[]): { x: Int32Array; y: Int32Array } {
  const ids = new Map<string, number>();
  const intern = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    return id;
  };
  const internEach = (words: readonly string[]): Int32Array => {
    const numbered = new Int32Array(words.length);
    for (let index = 0; index < words.length; index++) numbered[index] = intern(words[index]!);
    return numbered;
  };
  return { x: internEach(x), y: internEach(y) };
}
