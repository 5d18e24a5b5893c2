import type { TokenOp } from '../model/alignment.js';
import type { AnalysedArticle, Token } from '../model/analysis.js';
import { editDistance } from '../text/edit-distance.js';
import type { Lexicon, WordEntry } from '../text/lexicon.js';
import { MatchScratch } from './match-scratch.js';
import { IntPairCache } from './pair-cache.js';
import { contentWeight } from './weights.js';

export interface WordMatch {
  score: number;
  op: Exclude<TokenOp, 'insert' | 'delete'>;
}

const NO_MATCH: WordMatch = { score: 0, op: 'substitute' };
/** Two forms of one word. */
export const EQUAL_MATCH: WordMatch = { score: 1, op: 'equal' };

/** Scores for the ways two words can carry the same content. */
export const MATCH_SCORES = { synonym: 0.9, spelling: 0.85, related: 0.75, embeddingCap: 0.75 } as const;

const SPELLING: WordMatch = { score: MATCH_SCORES.spelling, op: 'spelling' };
const SYNONYM: WordMatch = { score: MATCH_SCORES.synonym, op: 'synonym' };
const RELATED: WordMatch = { score: MATCH_SCORES.related, op: 'related' };

/** Word pairs kept per generation of the cache (see IntPairCache). */
const MATCH_CACHE_SIZE = 1_000_000;
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
  #forms: FormTable;
  private readonly pairs = new IntPairCache<WordMatch>(MATCH_CACHE_SIZE);
  /** softMatch's working arrays: a matcher serves one thread, one alignment step at a time. */
  readonly matchScratch = new MatchScratch();

  constructor(private readonly lexicon: Lexicon) {
    this.#forms = new FormTable(lexicon);
  }

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
    this.#forms = new FormTable(this.lexicon);
    this.pairs.clear();
  }

  /** The form id of every token of an article, worked out once per article. */
  formsOf(article: AnalysedArticle): Int32Array {
    return this.#forms.ofArticle(article);
  }

  /**
   * A value built from an article and its form ids, kept as long as both are (`name` tells the
   * values apart): alignment reads the same articles' tokens in every pair they meet.
   */
  perArticle<T>(article: AnalysedArticle, name: string, build: () => T): T {
    return this.#forms.perArticle(article, name, build);
  }

  formOf(token: Token): number {
    return this.#forms.idOf(token);
  }

  /** Every token's content weight (contentWeight), worked out once per form. */
  weightsOf(article: AnalysedArticle): Float64Array {
    const forms = this.formsOf(article);
    const weights = new Float64Array(forms.length);
    for (let index = 0; index < forms.length; index++) weights[index] = this.#forms.weights[forms[index]!]!;
    return weights;
  }

  /** The id of a form's stem: two forms with one stem id are inflections of one word. */
  stemOf(form: number): number {
    return this.#forms.stems[form]!;
  }

  match(x: Token, y: Token): WordMatch {
    return this.matchForms(this.formOf(x), this.formOf(y));
  }

  /** How well the spelling with form id y renders the one with form id x. */
  matchForms(x: number, y: number): WordMatch {
    if (x === y) return EQUAL_MATCH;
    const forms = this.#forms;
    if (forms.stems[x] === forms.stems[y]) return EQUAL_MATCH;
    if (!forms.open[x] || !forms.open[y]) return NO_MATCH;
    const first = x < y ? x : y;
    const second = x < y ? y : x;
    let found = this.pairs.get(first, second);
    if (found === undefined) {
      // The relation is symmetric and worked out in one order of spellings, whichever order
      // (or thread) asks first: results never depend on the order documents were compared in.
      const xFirst = forms.tokens[x]!.norm <= forms.tokens[y]!.norm;
      found = this.compute(forms.word(xFirst ? x : y), forms.word(xFirst ? y : x));
      this.pairs.set(first, second, found);
    }
    return found;
  }

  private compute(x: KnownWord, y: KnownWord): WordMatch {
    const lexicon = this.lexicon;
    if (x.entry.lemma === y.entry.lemma) return EQUAL_MATCH;
    const relation = lexicon.relationOf(x.entry, y.entry);
    // An opposite says the contrary, so it is replaced in place, not carried over. Checked before
    // spelling ("Increase"/"Decrease" are two letters apart) and embeddings (opposites sit close).
    if (relation === 'antonym') return NO_MATCH;
    if (isMisspelling(x, y)) return SPELLING;
    // Names are the same or respelt, never synonyms: "Democrats" for "Republicans", "Tuesday"
    // for "Monday" is a different fact however close the two sit in a thesaurus.
    if (x.token.capitalized && y.token.capitalized) return NO_MATCH;
    if (relation === 'synonym') return SYNONYM;
    if (relation === 'related') return RELATED;
    const cosine = lexicon.similarityOf(x.entry, y.entry);
    if (cosine >= EMBEDDING_THRESHOLD) {
      return { score: Math.min(MATCH_SCORES.embeddingCap, cosine), op: 'related' };
    }
    return NO_MATCH;
  }
}

/** A form's token with what the lexicon knows of its word. */
interface KnownWord {
  token: Token;
  entry: WordEntry;
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
  readonly #derived = new WeakMap<AnalysedArticle, Map<string, unknown>>();
  /**
   * Per form: its stem's id, whether it can match other stems (a content word), a token of it,
   * its content weight (contentWeight: the lexicon's word table is large, an article repeats
   * its words).
   */
  readonly stems: number[] = [];
  readonly open: boolean[] = [];
  readonly tokens: Token[] = [];
  readonly weights: number[] = [];
  /** The lexicon's entry of each form's word, looked up when the form is first compared. */
  readonly #words: Array<KnownWord | undefined> = [];

  constructor(private readonly lexicon: Lexicon) {}

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
      this.weights.push(contentWeight(token, this.lexicon));
    }
    return id;
  }

  word(form: number): KnownWord {
    let word = this.#words[form];
    if (word === undefined) {
      const token = this.tokens[form]!;
      word = { token, entry: this.lexicon.entry(token.norm) };
      this.#words[form] = word;
    }
    return word;
  }

  perArticle<T>(article: AnalysedArticle, name: string, build: () => T): T {
    let values = this.#derived.get(article);
    if (values === undefined) {
      values = new Map();
      this.#derived.set(article, values);
    }
    if (!values.has(name)) values.set(name, build());
    return values.get(name) as T;
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
function isMisspelling(x: KnownWord, y: KnownWord): boolean {
  const shorter = Math.min(x.token.norm.length, y.token.norm.length);
  if (shorter < 4) return false;
  const isName = x.token.capitalized && y.token.capitalized;
  const isTypo = !x.entry.known || !y.entry.known;
  if (!isName && !isTypo) return false;
  const allowed = shorter >= 8 ? 2 : 1;
  return editDistance(x.token.norm, y.token.norm, allowed) <= allowed;
}
