/** Lower-cased letter/digit runs: the text compared without case, punctuation or quote style. */
export function normalisedWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a text joined by single spaces, padded so substring tests match whole words. */
export function normalisedKey(text: string): string {
  return ` ${normalisedWords(text).join(' ')} `;
}
