/** A run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Characters of scripts written without spaces between words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** Whether a text holds characters of a script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  UNSPACED_SCRIPT.lastIndex = 0;
  return UNSPACED_SCRIPT.test(text);
}

/** Words, counting two characters as a word in scripts written without spaces. */
export function wordCount(text: string): number {
  return (text.match(WORD)?.length ?? 0) + unspacedWords(text);
}

/** The runs of letters and digits of a text, in order. */
export function wordList(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Words of the scripts written without spaces (Chinese, Japanese, Thai), which a word pattern
 * sees as one long run: a word is two characters on average.
 */
export function unspacedWords(text: string): number {
  return Math.floor((text.match(UNSPACED_SCRIPT)?.length ?? 0) / 2);
}
