import type { Lexicon } from '../src/text/lexicon.js';
import { isStopword } from '../src/text/stopwords.js';

/**
 * A synonym spinner like a content farm's, built on the project's lexicon: lower-case content
 * words are swapped, with the given probability, for the nearest word of the corpus vocabulary
 * (by embedding) that the lexicon calls a synonym. Deterministic for a given random source.
 */
export class Spinner {
  readonly #lexicon: Lexicon;
  readonly #vocabulary: string[];
  readonly #vectors: Float32Array[];
  readonly #chosen = new Map<string, string | null>();

  /** `vocabulary`: the words a replacement may be drawn from (the corpus's own words). */
  constructor(lexicon: Lexicon, vocabulary: Iterable<string>) {
    this.#lexicon = lexicon;
    this.#vocabulary = [];
    this.#vectors = [];
    for (const word of vocabulary) {
      if (word.length < 3 || isStopword(word) || !/^[a-z]+$/.test(word)) continue;
      const vector = lexicon.vector(word);
      if (vector === null) continue;
      this.#vocabulary.push(word);
      this.#vectors.push(vector);
    }
  }

  /** The synonym a spinner would put for `word`, or null when there is none. */
  synonym(word: string): string | null {
    const cached = this.#chosen.get(word);
    if (cached !== undefined) return cached;
    const vector = this.#lexicon.vector(word);
    let best: string | null = null;
    if (vector !== null) {
      const scored: [number, number][] = [];
      this.#vectors.forEach((other, index) => {
        let dot = 0;
        for (let d = 0; d < vector.length; d++) dot += vector[d]! * other[d]!;
        if (dot > 0.45) scored.push([dot, index]);
      });
      scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const lemma = this.#lexicon.lemma(word);
      for (const [, index] of scored.slice(0, 30)) {
        const candidate = this.#vocabulary[index]!;
        if (candidate === word || this.#lexicon.lemma(candidate) === lemma) continue;
        if (this.#lexicon.relation(word, candidate) === 'synonym') {
          best = candidate;
          break;
        }
      }
    }
    this.#chosen.set(word, best);
    return best;
  }

  /** The text with about `share` of its swappable words swapped. */
  spin(text: string, share: number, random: () => number): string {
    return text.replace(/\b[a-z]{4,}\b/g, (word) => {
      if (isStopword(word) || random() >= share) return word;
      return this.synonym(word) ?? word;
    });
  }
}
