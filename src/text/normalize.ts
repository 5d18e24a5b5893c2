/** Folds typographic variants to ASCII so that "it’s" and "it's", “ and " compare equal. */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ');
}

/** Lower-cased, typography-folded, diacritics kept: the form tokens are compared in. */
export function normalizeWord(word: string): string {
  return foldTypography(word).toLowerCase();
}

/** Collapses whitespace and folds typography: used to test two texts for identity. */
export function canonicalText(text: string): string {
  return foldTypography(text).replace(/\s+/g, ' ').trim().toLowerCase();
}
