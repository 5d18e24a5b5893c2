/**
 * What a copy changed against its source. Stable vocabulary (documented in the README):
 * - quote-altered: a direct quote kept as a quote with different words;
 * - quote-to-reported: a direct quote turned into reported (indirect) speech;
 * - quote-dropped: a direct quote of the source missing from the copy;
 * - name-misspelt: a name spelt differently (small edit distance: Antony → Anthony);
 * - name-changed: a name replaced by another;
 * - number-changed: a number, amount or percentage changed;
 * - date-changed: a date or day expressed or given differently;
 * - synonym-substituted: a word swapped for a synonym (spinning: adversary → rival);
 * - meaning-shift: a word swapped for its opposite (rose → fell) or for one that is related but not
 *   synonymous (deterrence → containment);
 * - paragraph-dropped: a source paragraph with no counterpart in the copy;
 * - paragraph-added: a copy paragraph with no counterpart in the source;
 * - teaser-added / ad-added: a teaser ("ALSO READ") or advertising inserted in the copy page;
 * - attribution-dropped: a wire credit or byline of the source missing from the copy.
 */
export type ChangeType =
  | 'quote-altered'
  | 'quote-to-reported'
  | 'quote-dropped'
  | 'name-misspelt'
  | 'name-changed'
  | 'number-changed'
  | 'date-changed'
  | 'synonym-substituted'
  | 'meaning-shift'
  | 'paragraph-dropped'
  | 'paragraph-added'
  | 'teaser-added'
  | 'ad-added'
  | 'attribution-dropped';

export const CHANGE_TYPES: readonly ChangeType[] = [
  'quote-altered',
  'quote-to-reported',
  'quote-dropped',
  'name-misspelt',
  'name-changed',
  'number-changed',
  'date-changed',
  'synonym-substituted',
  'meaning-shift',
  'paragraph-dropped',
  'paragraph-added',
  'teaser-added',
  'ad-added',
  'attribution-dropped',
];

/** A quotation of one side of a change: the text and its offsets into that document's input. */
export interface Citation {
  text: string;
  /** Offsets into the decoded input (Article.content) of that document. */
  start: number;
  end: number;
}

export interface Change {
  type: ChangeType;
  source: Citation | null;
  copy: Citation | null;
  /** One short human sentence, e.g. "“adversary” → “rival” (synonym)". */
  note: string;
  /** Higher first in reports: 3 = changes what the story says, 1 = cosmetic. */
  weight: number;
}
