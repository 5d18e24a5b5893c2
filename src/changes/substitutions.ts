import type { Token } from '../model/analysis.js';
import type { Change, ChangeType } from '../model/change.js';
import { editDistance } from '../text/edit-distance.js';
import { citeTokens, quoted, tokenText } from './cite.js';
import type { ChangeContext } from './context.js';
import { isNumeric } from './facts.js';
import { isFunctionWord } from './function-words.js';
import { sentenceOfToken } from './locate.js';
import { isReportingVerb } from './reporting-verbs.js';

/** Embedding cosine from which two unrelated-by-thesaurus words still share some meaning. */
const MODERATE_SIMILARITY = 0.35;
/**
 * Embedding cosine from which two thesaurus-related words are near-synonyms (allegations ~
 * accusations at 0.93; "southern" ~ "eastern" at 0.89 is a shift) rather than a shift of meaning (deterrence ~ containment at 0.50).
 */
const NEAR_SYNONYM_SIMILARITY = 0.9;

type Strength = 'synonym' | 'related' | 'unrelated' | 'opposite';

interface Substitution {
  a: number;
  b: number;
  strength: Strength;
}

const WEIGHTS: Record<Strength, number> = { synonym: 1, related: 3, unrelated: 2, opposite: 3 };
const LABELS: Record<Strength, string> = {
  synonym: 'synonym',
  related: 'related, not synonymous',
  unrelated: 'different meaning',
  opposite: 'opposite',
};
/** How far each strength shifts the meaning, for the strongest word of a phrase. */
const SHIFT_RANK: Record<Strength, number> = { synonym: 0, unrelated: 1, related: 2, opposite: 3 };

/**
 * Content words of aligned sentences swapped for other words: a synonym (spinning), a related
 * word (a shift of meaning: deterrence → containment), an antonym (rose → fell) or an
 * unrelated word in the same place.
 * Inflections, spelling variants, derivations and reporting verbs are rewording noise.
 * Neighbouring swaps merge into one phrase.
 */
export function detectSubstitutions(context: ChangeContext): Change[] {
  const { tokens } = context;
  const found: Substitution[] = [];
  for (const a of [...tokens.fromSource.keys()].sort((x, y) => x - y)) {
    const link = tokens.fromSource.get(a)!;
    if (link.op === 'equal' || link.op === 'spelling') continue;
    // A reworded sentence keeps its content but not its structure: no word stands for another.
    if (link.pair.kind === 'reworded') continue;
    if (!isInPlace(context, a, link.other) || isKeptElsewhere(context, a, link.other)) continue;
    const strength = substitutionStrength(context, a, link.other, link.op);
    if (strength !== null) found.push({ a, b: link.other, strength });
  }
  return mergePhrases(found).map((phrase) => phraseChange(context, phrase));
}

function substitutionStrength(
  context: ChangeContext,
  a: number,
  b: number,
  op: 'synonym' | 'related' | 'substitute',
): Strength | null {
  const { source, copy, lexicon, claims } = context;
  if (claims.source.has(a) || claims.copy.has(b)) return null;
  const x = source.tokens[a]!;
  const y = copy.tokens[b]!;
  if (!isPlainContentWord(x) || !isPlainContentWord(y)) return null;
  const relation = lexicon.relation(x.norm, y.norm);
  // First: "increase"/"decrease" look like spelling variants, and "affirm"/"deny" like rewording.
  if (relation === 'antonym') return 'opposite';
  const lemmaX = lexicon.lemma(x.norm);
  const lemmaY = lexicon.lemma(y.norm);
  if (isSameWordForm(x, y, lemmaX, lemmaY)) return null;
  if (isReportingVerb(lemmaX) || isReportingVerb(lemmaY)) return null;
  if (op === 'synonym' || relation === 'synonym') return 'synonym';
  const similarity = lexicon.similarity(x.norm, y.norm);
  // Only thesaurus-related words qualify: close vectors alone also join co-hyponyms (killed ~ wounded).
  if (relation === 'related' && similarity >= NEAR_SYNONYM_SIMILARITY) return 'synonym';
  if (op === 'related' || relation === 'related') return 'related';
  if (similarity >= MODERATE_SIMILARITY) return 'related';
  const known = lexicon.isKnownWord(x.norm) && lexicon.isKnownWord(y.norm);
  return known && x.norm.length >= 3 && y.norm.length >= 3 ? 'unrelated' : null;
}

/** A lower-case content word: names, numbers and function words have detectors of their own. */
function isPlainContentWord(token: Token): boolean {
  return (
    token.kind === 'word' &&
    !token.stop &&
    !token.capitalized &&
    !isNumeric(token) &&
    !isFunctionWord(token.norm)
  );
}

/**
 * A word stands for another only where it sits between the same kept words on both sides: the
 * nearest content words before and after it that were kept unchanged must land before and
 * after its counterpart. Links that jump across kept words pair up leftovers, not swaps.
 */
function isInPlace(context: ChangeContext, a: number, b: number): boolean {
  const { source, copy, tokens } = context;
  const sentenceA = source.sentences[sentenceOfToken(source, a)]!;
  const sentenceB = copy.sentences[sentenceOfToken(copy, b)]!;
  const anchorOf = (index: number): number | null => {
    const link = tokens.fromSource.get(index);
    if (link?.op !== 'equal' || source.tokens[index]!.stop) return null;
    return link.other >= sentenceB.tokenStart && link.other < sentenceB.tokenEnd ? link.other : null;
  };
  for (let index = a - 1; index >= sentenceA.tokenStart; index--) {
    const anchor = anchorOf(index);
    if (anchor === null) continue;
    if (anchor > b) return false;
    break;
  }
  for (let index = a + 1; index < sentenceA.tokenEnd; index++) {
    const anchor = anchorOf(index);
    if (anchor === null) continue;
    if (anchor < b) return false;
    break;
  }
  return true;
}

/** The source word recurs in the copy's aligned sentences, or the copy word in the source's: a misalignment. */
function isKeptElsewhere(context: ChangeContext, a: number, b: number): boolean {
  const { source, copy, sentences } = context;
  const sentenceA = sentenceOfToken(source, a);
  const sentenceB = sentenceOfToken(copy, b);
  const has = (document: typeof source, indices: readonly number[], stem: string): boolean =>
    indices.some((index) => {
      const sentence = document.sentences[index]!;
      for (let at = sentence.tokenStart; at < sentence.tokenEnd; at++) {
        if (document.tokens[at]!.stem === stem) return true;
      }
      return false;
    });
  return (
    has(copy, sentences.fromSource.get(sentenceA) ?? [], source.tokens[a]!.stem) ||
    has(source, sentences.fromCopy.get(sentenceB) ?? [], copy.tokens[b]!.stem)
  );
}

/** Inflections (same lemma or stem), spelling variants (defence/defense) and derivations (relation/relations/relationship). */
function isSameWordForm(x: Token, y: Token, lemmaX: string, lemmaY: string): boolean {
  if (x.stem === y.stem || lemmaX === lemmaY) return true;
  const shorter = Math.min(x.norm.length, y.norm.length);
  const allowed = shorter >= 7 ? 2 : shorter >= 4 ? 1 : 0;
  if (allowed > 0 && editDistance(x.norm, y.norm, allowed) <= allowed) return true;
  const [short, long] = x.stem.length <= y.stem.length ? [x.stem, y.stem] : [y.stem, x.stem];
  return short.length >= 4 && long.startsWith(short);
}

/** Runs of swaps whose words are neighbours on both sides ("realistic view" for "clear-eyed"). */
function mergePhrases(found: readonly Substitution[]): Substitution[][] {
  const phrases: Substitution[][] = [];
  for (const substitution of found) {
    const phrase = phrases[phrases.length - 1];
    const previous = phrase?.[phrase.length - 1];
    if (
      phrase !== undefined &&
      previous !== undefined &&
      substitution.a === previous.a + 1 &&
      substitution.b === previous.b + 1
    ) {
      phrase.push(substitution);
    } else {
      phrases.push([substitution]);
    }
  }
  return phrases;
}

function phraseChange(context: ChangeContext, phrase: readonly Substitution[]): Change {
  const { source, copy, claims } = context;
  const first = phrase[0]!;
  const last = phrase[phrase.length - 1]!;
  const strength = strongest(phrase);
  for (const { a, b } of phrase) {
    claims.source.add(a);
    claims.copy.add(b);
  }
  const type: ChangeType = strength === 'synonym' ? 'synonym-substituted' : 'meaning-shift';
  return {
    type,
    source: citeTokens(source, first.a, last.a),
    copy: citeTokens(copy, first.b, last.b),
    note: `${quoted(tokenText(source, first.a, last.a))} → ${quoted(tokenText(copy, first.b, last.b))} (${LABELS[strength]})`,
    weight: WEIGHTS[strength],
  };
}

/** A phrase shifts meaning as much as its most shifted word. */
function strongest(phrase: readonly Substitution[]): Strength {
  return phrase.reduce<Strength>(
    (most, item) => (SHIFT_RANK[item.strength] > SHIFT_RANK[most] ? item.strength : most),
    'synonym',
  );
}
