import type { Change } from '../model/change.js';
import { citeTokens, quoted, tokenText } from './cite.js';
import type { ChangeContext } from './context.js';

/**
 * Names carried with another spelling (op 'spelling': Antony → Anthony) or replaced in place
 * by another name (op 'substitute' between two capitalised words). Names swapped for a word
 * the lexicon relates to them (Russia → Moscow) are left alone: same referent, other label.
 */
export function detectNameChanges(context: ChangeContext): Change[] {
  const { source, copy, tokens, claims } = context;
  const changes: Change[] = [];
  for (const [indexA, link] of tokens.fromSource) {
    const tokenA = source.tokens[indexA]!;
    const tokenB = copy.tokens[link.other]!;
    if (!isName(tokenA) || !isName(tokenB)) continue;
    if (link.op !== 'spelling' && link.op !== 'substitute') continue;
    const before = tokenText(source, indexA, indexA);
    const after = tokenText(copy, link.other, link.other);
    const misspelt = link.op === 'spelling';
    changes.push({
      type: misspelt ? 'name-misspelt' : 'name-changed',
      source: citeTokens(source, indexA, indexA),
      copy: citeTokens(copy, link.other, link.other),
      note: misspelt
        ? `Name ${quoted(before)} spelt ${quoted(after)}.`
        : `Name ${quoted(before)} replaced by ${quoted(after)}.`,
      weight: misspelt ? 2 : 3,
    });
    claims.source.add(indexA);
    claims.copy.add(link.other);
  }
  return changes;
}

/** A capitalised word that is not just capitalised for starting its sentence. */
function isName(token: { kind: string; capitalized: boolean; stop: boolean }): boolean {
  return token.kind === 'word' && token.capitalized && !token.stop;
}
