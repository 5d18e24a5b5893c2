import { normalisedKey, normalisedWords } from './normalise-words.js';

/** Shortest sentence (in words) that counts as evidence of a repeat. */
const MIN_SENTENCE_WORDS = 3;
const MIN_BLOCK_WORDS = 5;
/**
 * How far (in blocks) the repeated copy may be: standfirsts sit right before the lede and pull
 * quotes next to their source, while far-apart repeats are parallel lists or tables.
 */
export const MAX_DISTANCE = 6;

/**
 * Indices (into `texts`) of blocks whose every sentence recurs in a nearby block that is kept:
 * a standfirst repeating the lede, a pull quote repeating a sentence of the body. Of two equal
 * blocks the earlier is marked, so the body copy stays.
 */
export function repeatedBlocks(texts: readonly string[]): Set<number> {
  const keys = texts.map(normalisedKey);
  const repeated = new Set<number>();
  for (let index = 0; index < texts.length; index++) {
    if (normalisedWords(texts[index]!).length < MIN_BLOCK_WORDS) continue;
    const others: string[] = [];
    const last = Math.min(texts.length - 1, index + MAX_DISTANCE);
    for (let other = Math.max(0, index - MAX_DISTANCE); other <= last; other++) {
      if (other !== index && !repeated.has(other)) others.push(keys[other]!);
    }
    const neighbours = others.join('\n');
    const sentences = sentencesOf(texts[index]!)
      .map(normalisedKey)
      .filter((key) => key.trim().split(' ').length >= MIN_SENTENCE_WORDS);
    if (sentences.length > 0 && sentences.every((sentence) => neighbours.includes(sentence)))
      repeated.add(index);
  }
  return repeated;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?…。！？]["'”’)]*)\s+/u).filter((sentence) => sentence.trim() !== '');
}
