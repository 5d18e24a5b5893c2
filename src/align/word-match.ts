import type { TokenOp } from '../model/alignment.js';
import type { Token } from '../model/analysis.js';
import { editDistance } from '../text/edit-distance.js';
import type { Lexicon } from '../text/lexicon.js';

export interface WordMatch {
  score: number;
  op: Exclude<TokenOp, 'insert' | 'delete'>;
}

const NO_MATCH: WordMatch = { score: 0, op: 'substitute' };
const EQUAL: WordMatch = { score: 1, op: 'equal' };

/** Scores for the ways two words can carry the same content. */
export const MATCH_SCORES = { synonym: 0.9, spelling: 0.85, related: 0.75, embeddingCap: 0.75 } as const;

const MATCH_CACHE_SIZE = 500_000;
/** Distinct word forms interned before the caches start afresh (keeps pair keys exact integers). */
const MAX_FORMS = 1 << 21;
const SHARED_MATCHERS = new WeakMap<Lexicon, WordMatcher>();

/** Below this cosine two words are not taken to mean the same thing. */
const EMBEDDING_THRESHOLD = 0.55;

/**
 * Decides how well word y (copy) renders word x (source): the same stem, a synonym, a related
 * word, a misspelling, or close in embedding space; never an antonym. Results are cached per
 * pair of forms because the same pairs recur across every sentence pair of two documents.
 */
export class WordMatcher {
  private readonly cache = new Map<number, WordMatch>();
  private readonly ids = new Map<string, number>();

  constructor(private readonly lexicon: Lexicon) {}

  /** One matcher per lexicon, its cache shared by every comparison (bounded in size). */
  static for(lexicon: Lexicon): WordMatcher {
    let matcher = SHARED_MATCHERS.get(lexicon);
    if (matcher === undefined) {
      matcher = new WordMatcher(lexicon);
      SHARED_MATCHERS.set(lexicon, matcher);
    }
    return matcher;
  }

  match(x: Token, y: Token): WordMatch {
    if (x.stem === y.stem || x.norm === y.norm) return EQUAL;
    if (x.kind === 'number' || y.kind === 'number' || x.stop || y.stop) return NO_MATCH;
    const key = this.key(x, y);
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.compute(x, y);
      this.cache.set(key, found);
    }
    return found;
  }

  /**
   * A number for the unordered pair of forms (interned, so no string is built per call), with
   * capitalisation in it: two names may be respellings where two common words are not.
   */
  private key(x: Token, y: Token): number {
    if (this.cache.size >= MATCH_CACHE_SIZE || this.ids.size >= MAX_FORMS) {
      this.cache.clear();
      this.ids.clear();
    }
    const idX = this.idOf(x.norm);
    const idY = this.idOf(y.norm);
    const names = x.capitalized && y.capitalized ? 1 : 0;
    return (Math.min(idX, idY) * MAX_FORMS + Math.max(idX, idY)) * 2 + names;
  }

  private idOf(norm: string): number {
    let id = this.ids.get(norm);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(norm, id);
    }
    return id;
  }

  private compute(x: Token, y: Token): WordMatch {
    const lexicon = this.lexicon;
    if (lexicon.lemma(x.norm) === lexicon.lemma(y.norm)) return EQUAL;
    const relation = lexicon.relation(x.norm, y.norm);
    // An opposite says the contrary, so it is replaced in place, not carried over. Checked before
    // spelling ("Increase"/"Decrease" are two letters apart) and embeddings (opposites sit close).
    if (relation === 'antonym') return NO_MATCH;
    if (isMisspelling(x, y, lexicon)) return { score: MATCH_SCORES.spelling, op: 'spelling' };
    // Names are the same or respelt, never synonyms: "Democrats" for "Republicans", "Tuesday"
    // for "Monday" is a different fact however close the two sit in a thesaurus.
    if (x.capitalized && y.capitalized) return NO_MATCH;
    if (relation === 'synonym') return { score: MATCH_SCORES.synonym, op: 'synonym' };
    if (relation === 'related') return { score: MATCH_SCORES.related, op: 'related' };
    const cosine = lexicon.similarity(x.norm, y.norm);
    if (cosine >= EMBEDDING_THRESHOLD) {
      return { score: Math.min(MATCH_SCORES.embeddingCap, cosine), op: 'related' };
    }
    return NO_MATCH;
  }
}

/**
 * Two spellings of one word: a small edit distance between names (Antony/Anthony) or between
 * a word and a form the dictionary does not know (a typo).
 */
function isMisspelling(x: Token, y: Token, lexicon: Lexicon): boolean {
  const shorter = Math.min(x.norm.length, y.norm.length);
  if (shorter < 4) return false;
  const isName = x.capitalized && y.capitalized;
  const isTypo = !lexicon.isKnownWord(x.norm) || !lexicon.isKnownWord(y.norm);
  if (!isName && !isTypo) return false;
  const allowed = shorter >= 8 ? 2 : 1;
  return editDistance(x.norm, y.norm, allowed) <= allowed;
}
