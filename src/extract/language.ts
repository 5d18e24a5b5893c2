import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The language-identification model is loaded on first use (Node caches the module), not when
 * this module is imported: importing it takes most of a second, and `--help` needs none of it.
 */
const loadModule = createRequire(import.meta.url);
const MODEL_PATH = fileURLToPath(import.meta.resolve('eld/extrasmall'));

function languageModel(): typeof import('eld/extrasmall').eld {
  return (loadModule(MODEL_PATH) as typeof import('eld/extrasmall')).eld;
}

/** Shortest text (in characters) whose language is worth guessing. */
const MIN_CHARS = 40;
/** Characters looked at: plenty for a reliable guess, and bounded in time. */
const SAMPLE_CHARS = 4000;

/** ISO 639-1 code of the text's language, or null when the text is short or the guess unsure. */
export function detectLanguage(text: string): string | null {
  if (text.length < MIN_CHARS) return null;
  const result = languageModel().detect(text.slice(0, SAMPLE_CHARS));
  return result.language !== '' && result.isReliable() ? result.language : null;
}

/** "en" from an HTML lang attribute such as "en-US" or "EN_gb"; null when not a language tag. */
export function languageFromTag(tag: string | null | undefined): string | null {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  return match ? match[1]!.toLowerCase() : null;
}
