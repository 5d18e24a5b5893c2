/** Longer than this, an "author" value is a description or a list of tags, not a byline. */
const MAX_NAME_CHARS = 100;
/** A site or person name is a few words, not a second headline or a bio. */
export const MAX_NAME_WORDS = 6;

/**
 * A person's or organisation's name as metadata gives it, tidied: whitespace collapsed, a
 * leading "By" and a trailing " | Affiliation" dropped; null for values that are not names
 * (URLs, e-mail addresses, empty).
 */
export function personName(value: string): string | null {
  const name = value
    .replace(/\s+/g, ' ')
    .replace(/\s[|•·]\s.*$/, '')
    .trim()
    .replace(/^by\s+/i, '');
  if (name === '' || name.length > MAX_NAME_CHARS) return null;
  if (/^(?:https?:|www\.)|^\S+@\S+\.\S+$/i.test(name)) return null;
  if (!/\p{L}/u.test(name)) return null;
  return name;
}

/** "A", "A and B", "A, B and C": names in the order given, each once. */
export function joinNames(names: readonly string[]): string | null {
  const seen = new Set<string>();
  const unique = names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0]!;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}
