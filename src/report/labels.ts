import type { PassageKind } from '../model/alignment.js';
import type { ChangeType } from '../model/change.js';
import type { RelationKind } from '../model/relation.js';

/** The relation of a copy to its source, in words a journalist uses. */
export const RELATION_LABEL: Readonly<Record<RelationKind, string>> = {
  identical: 'identical copy',
  copy: 'verbatim copy',
  'near-copy': 'lightly edited copy',
  spun: 'spun copy (synonym swaps)',
  rewrite: 'rewrite (reworded/translated)',
  'same-story': 'same story, reported independently',
  unrelated: 'unrelated',
};

/** Short labels for change types, used as the first column of change lists. */
export const CHANGE_LABEL: Readonly<Record<ChangeType, string>> = {
  'quote-altered': 'quote altered',
  'quote-to-reported': 'quote → reported',
  'quote-dropped': 'quote dropped',
  'name-misspelt': 'name misspelt',
  'name-changed': 'name changed',
  'number-changed': 'number changed',
  'date-changed': 'date changed',
  'synonym-substituted': 'synonym swap',
  'meaning-shift': 'meaning shift',
  'paragraph-dropped': 'paragraph dropped',
  'paragraph-added': 'paragraph added',
  'teaser-added': 'teaser added',
  'ad-added': 'ad added',
  'attribution-dropped': 'credit dropped',
};

/** Passage kinds from most to least faithful; reports list kinds in this order. */
export const PASSAGE_KINDS: readonly PassageKind[] = [
  'verbatim',
  'edited',
  'spun',
  'reworded',
  'dropped',
  'added',
];

/** Kinds of passage that have text on both sides. */
export type MatchedKind = Exclude<PassageKind, 'dropped' | 'added'>;

/** Matched kinds from most to least faithful. */
export const MATCHED_KINDS: readonly MatchedKind[] = ['verbatim', 'edited', 'spun', 'reworded'];

export const PASSAGE_LABEL: Readonly<Record<PassageKind, string>> = {
  verbatim: 'verbatim',
  edited: 'edited',
  spun: 'spun',
  reworded: 'reworded',
  dropped: 'dropped',
  added: 'added',
};

/** Whether a change removes something from the story (drawn red) or adds page material (cyan). */
export function changeTone(type: ChangeType): 'removed' | 'added' | 'altered' {
  if (type === 'quote-dropped' || type === 'paragraph-dropped' || type === 'attribution-dropped') {
    return 'removed';
  }
  if (type === 'paragraph-added' || type === 'teaser-added' || type === 'ad-added') return 'added';
  return 'altered';
}
