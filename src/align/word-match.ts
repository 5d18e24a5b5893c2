import type { TokenOp } from '../model/alignment.js';
import type { AnalysedArticle, Token } from '../model/analysis.js';
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
/**
 * Spellings the form table holds before it starts again (between alignments): ids stay small
 * and memory bounded in a long-running process.
 */
const MAX_FORMS = 1_000_000;
const SHARED_MATCHERS = new WeakMap<Lexicon, WordMatcher>();

/** Below this cosine two words are not taken to mean the same thing. */
const EMBEDDING_THRESHOLD = 0.55;

/**
 * Decides how well word y (copy) renders word x (source): the same stem, a synonym, a related
 * word, a misspelling, or close in embedding space; never an antonym. Alignment compares the
 * same words across every sentence pair of two documents, so each distinct spelling gets a
 * small integer id (its form) and results are cached per pair of forms: the hot loop compares
 * numbers, and the lexicon is asked once per pair of spellings.
 */
export class WordMatcher {
  #forms = new FormTable();
  private readonly pairs = new PairCache(MATCH_CACHE_SIZE);

  constructor(private readonly lexicon: Lexicon) {}

  /** One matcher per lexicon (an engine owns its lexicon), its caches bounded in size. */
  static for(lexicon: Lexicon): WordMatcher {
    let matcher = SHARED_MATCHERS.get(lexicon);
    if (matcher === undefined) {
      matcher = new WordMatcher(lexicon);
      SHARED_MATCHERS.set(lexicon, matcher);
    }
    return matcher;
  }

  /**
   * Called before an alignment: a form table grown past its bound starts again here, never
   * while an alignment holds form ids.
   */
  beginAlignment(): void {
    if (this.#forms.size < MAX_FORMS) return;
    this.#forms = new FormTable();
    this.pairs.clear();
  }

  /** The form id of every token of an article, worked out once per article. */
  formsOf(article: AnalysedArticle): Int32Array {
    return this.#forms.ofArticle(article);
  }

  formOf(token: Token): number {
    return this.#forms.idOf(token);
  }

  match(x: Token, y: Token): WordMatch {
    return this.matchForms(this.formOf(x), this.formOf(y));
  }

  /** How well the spelling with form id y renders the one with form id x. */
  matchForms(x: number, y: number): WordMatch {
    if (x === y) return EQUAL;
    const forms = this.#forms;
    if (forms.stems[x] === forms.stems[y]) return EQUAL;
    if (!forms.open[x] || !forms.open[y]) return NO_MATCH;
    const first = x < y ? x : y;
    const second = x < y ? y : x;
    let found = this.pairs.get(first, second);
    if (found === undefined) {
      // The relation is symmetric and worked out in one order of spellings, whichever order
      // (or thread) asks first: results never depend on the order documents were compared in.
      const tokenX = forms.tokens[x]!;
      const tokenY = forms.tokens[y]!;
      found = tokenX.norm <= tokenY.norm ? this.compute(tokenX, tokenY) : this.compute(tokenY, tokenX);
      this.pairs.set(first, second, found);
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
 * Ids of distinct word forms: what a token's matching depends on (its spelling, stem, kind,
 * and whether it is a function word or capitalised). Two tokens with one id match equally.
 */
class FormTable {
  /** Spelling → id, one map per combination of the three flags. */
  readonly #ids = Array.from({ length: 8 }, () => new Map<string, number>());
  readonly #stemIds = new Map<string, number>();
  readonly #byArticle = new WeakMap<AnalysedArticle, Int32Array>();
  /** Per form: its stem's id, whether it can match other stems (a content word), a token of it. */
  readonly stems: number[] = [];
  readonly open: boolean[] = [];
  readonly tokens: Token[] = [];

  get size(): number {
    return this.tokens.length;
  }

  idOf(token: Token): number {
    const flags = (token.capitalized ? 4 : 0) + (token.stop ? 2 : 0) + (token.kind === 'number' ? 1 : 0);
    const ids = this.#ids[flags]!;
    let id = ids.get(token.norm);
    if (id === undefined) {
      id = this.tokens.length;
      ids.set(token.norm, id);
      let stem = this.#stemIds.get(token.stem);
      if (stem === undefined) {
        stem = this.#stemIds.size;
        this.#stemIds.set(token.stem, stem);
      }
      this.stems.push(stem);
      this.open.push(token.kind !== 'number' && !token.stop);
      this.tokens.push(token);
    }
    return id;
  }

  ofArticle(article: AnalysedArticle): Int32Array {
    let forms = this.#byArticle.get(article);
    if (forms === undefined) {
      forms = Int32Array.from(article.tokens, (token) => this.idOf(token));
      this.#byArticle.set(article, forms);
    }
    return forms;
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
 * Word-pair results keyed by the two form ids (nested maps of small integers), in two
 * generations: when the young one holds `capacity` pairs it becomes the old one and the
 * previous old one is dropped; a pair found in the old one moves back. Pairs that recur stay
 * cached, and memory stays bounded in a long-running process.
 */
class PairCache {
  private young = new Map<number, Map<number, WordMatch>>();
  private old = new Map<number, Map<number, WordMatch>>();
  private youngSize = 0;

  constructor(private readonly capacity: number) {}

  get(x: number, y: number): WordMatch | undefined {
    const young = this.young.get(x)?.get(y);
    if (young !== undefined) return young;
    const old = this.old.get(x)?.get(y);
    if (old !== undefined) this.set(x, y, old);
    return old;
  }

  set(x: number, y: number, match: WordMatch): void {
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

  clear(): void {
    this.young = new Map();
    this.old = new Map();
    this.youngSize = 0;
  }
}
