/**
 * Function words the shared stopword list does not have. Swapping them ("for two years" →
 * "since 2019") rewords a sentence without swapping any content.
 */
const MORE_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `since like unlike due despite including regarding concerning thus hence therefore moreover furthermore
  meanwhile besides instead rather ago ever never already whose nor anyway otherwise significantly
  additionally ultimately indeed well also then now`.split(/\s+/),
);

export function isFunctionWord(norm: string): boolean {
  return MORE_FUNCTION_WORDS.has(norm);
}
