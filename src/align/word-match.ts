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

/** Word pairs kept per generation of the cache (see PairCache). */
const MATCH_CACHE_SIZE = 250_000;
const SHARED_MATCHERS = new WeakMap<Lexicon, WordMatcher>();

/** Below this cosine two words are not taken to mean the same thing. */
const EMBEDDING_THRESHOLD = 0.55;

/**
 * Decides how well word y (copy) renders word x (source): the same stem, a synonym, a related
 * word, a misspelling, or close in embedding space; never an antonym. Results are cached per
 * pair of forms because the same pairs recur across every sentence pair of two documents.
 */
export class WordMatcher {
  /** Pairs of common words, and pairs of two capitalised words (names may be respellings). */
  private readonly words = new PairCache(MATCH_CACHE_SIZE);
  private readonly names = new PairCache(MATCH_CACHE_SIZE);

  constructor(private readonly lexicon: Lexicon) {}

  /** One matcher per lexicon (an engine owns its lexicon), its cache bounded in size. */
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
    const cache = x.capitalized && y.capitalized ? this.names : this.words;
    // The relation is symmetric: one entry serves both orders.
    const swap = y.norm < x.norm;
    const first = swap ? y.norm : x.norm;
    const second = swap ? x.norm : y.norm;
    let found = cache.get(first, second);
    if (found === undefined) {
      found = this.compute(x, y);
      cache.set(first, second, found);
    }
    return found;
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

/**
 * Word-pair results keyed by the two spellings (nested maps: no key string is built per
 * lookup), in two generations: when the young one holds `capacity` pairs it becomes the old
 * one and the previous old one is dropped; a pair found in the old one moves back. Pairs that
 * recur stay cached, and memory stays bounded in a long-running process.
 */
class PairCache {
  private young = new Map<string, Map<string, WordMatch>>();
  private old = new Map<string, Map<string, WordMatch>>();
  private youngSize = 0;

  constructor(private readonly capacity: number) {}

  get(x: string, y: string): WordMatch | undefined {
    const young = this.young.get(x)?.get(y);
    if (young !== undefined) return young;
    const old = this.old.get(x)?.get(y);
    if (old !== undefined) this.set(x, y, old);
    return old;
  }

  set(x: string, y: string, match: WordMatch): void {
    if (this.youngSize >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
      this.youngSize = 0;
    }
    let row = this.young.get(x);
    if (row === undefined) {
      row = new Map();
      this.young.set(x, row);
    }
    row.set(y, match);
    this.youngSize++;
  }
}
