/** Lower-cased letter/digit runs: the text compared without case, punctuation or quote style. */
export function normalisedWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every run of `size` consecutive words, joined by single spaces (word trigrams, 4-gram shingles). */
export function wordGrams(words: readonly string[], size: number): string[] {
  const grams: string[] = [];
  for (let index = 0; index + size <= words.length; index++)
    grams.push(words.slice(index, index + size).join(' '));
  return grams;
}

/** The words of a text joined by single spaces, padded so substring tests match whole words. */
export function normalisedKey(text: string): string {
  return ` ${normalisedWords(text).join(' ')} `;
}
