import type { Token } from '../model/analysis.js';
import type { Change, ChangeType } from '../model/change.js';
import { editDistance } from '../text/edit-distance.js';
import { citeTokens, quoted, tokenText } from './cite.js';
import type { ChangeContext } from './context.js';
import { isNumeric } from './facts.js';
import { isReportingVerb } from './reporting-verbs.js';

/** Embedding cosine from which two unrelated-by-thesaurus words still share some meaning. */
const MODERATE_SIMILARITY = 0.35;

type Strength = 'synonym' | 'related' | 'unrelated';

interface Substitution {
  a: number;
  b: number;
  strength: Strength;
}

const WEIGHTS: Record<Strength, number> = { synonym: 1, related: 3, unrelated: 2 };
const LABELS: Record<Strength, string> = {
  synonym: 'synonym',
  related: 'related, not synonymous',
  unrelated: 'different meaning',
};

/**
 * Content words of aligned sentences swapped for other words: a synonym (spinning), a related
 * word (a shift of meaning: deterrence → containment) or an unrelated word in the same place.
 * Inflections, spelling variants, derivations and reporting verbs are rewording noise.
 * Neighbouring swaps merge into one phrase.
 */
export function detectSubstitutions(context: ChangeContext): Change[] {
  const { tokens } = context;
  const found: Substitution[] = [];
  for (const a of [...tokens.fromSource.keys()].sort((x, y) => x - y)) {
    const link = tokens.fromSource.get(a)!;
    if (link.op === 'equal' || link.op === 'spelling') continue;
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
  const lemmaX = lexicon.lemma(x.norm);
  const lemmaY = lexicon.lemma(y.norm);
  if (isSameWordForm(x, y, lemmaX, lemmaY)) return null;
  if (isReportingVerb(lemmaX) && isReportingVerb(lemmaY)) return null;
  const relation = lexicon.relation(x.norm, y.norm);
  if (op === 'synonym' || relation === 'synonym') return 'synonym';
  if (op === 'related' || relation === 'related') return 'related';
  if (lexicon.similarity(x.norm, y.norm) >= MODERATE_SIMILARITY) return 'related';
  const known = lexicon.isKnownWord(x.norm) && lexicon.isKnownWord(y.norm);
  return known && x.norm.length >= 3 && y.norm.length >= 3 ? 'unrelated' : null;
}

/** A lower-case content word: names, numbers and function words have detectors of their own. */
function isPlainContentWord(token: Token): boolean {
  return token.kind === 'word' && !token.stop && !token.capitalized && !isNumeric(token);
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

/** Runs of swaps whose words are neighbours on both sides ("make efforts" for "work hard"). */
function mergePhrases(found: readonly Substitution[]): Substitution[][] {
  const phrases: Substitution[][] = [];
  for (const substitution of found) {
    const phrase = phrases[phrases.length - 1];
    const previous = phrase?.[phrase.length - 1];
    if (phrase !== undefined && previous !== undefined && substitution.a === previous.a + 1 && substitution.b === previous.b + 1) {
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
  if (phrase.some((item) => item.strength === 'related')) return 'related';
  if (phrase.some((item) => item.strength === 'unrelated')) return 'unrelated';
  return 'synonym';
}
