import type { Change } from '../model/change.js';
import { citeTokens, quoted, tokenText } from './cite.js';
import { type ChangeContext, claimRange } from './context.js';
import { type Fact, factsAgree, sentenceFacts } from './facts.js';

/**
 * Numbers and dates of aligned sentences that differ. A fact of one side is kept when some
 * sentence aligned with its sentence states it too (a sentence split in two keeps it); the
 * facts left over in both sentences of a pair were changed, and are paired up by their
 * token links first, then in order when both sides are left with as many.
 */
export function detectNumberChanges(context: ChangeContext): Change[] {
  const { source, copy, pairs, sentences } = context;
  const factsA = new Map<number, Fact[]>();
  const factsB = new Map<number, Fact[]>();
  const of = (cache: Map<number, Fact[]>, document: typeof source, sentence: number): Fact[] => {
    let facts = cache.get(sentence);
    if (facts === undefined) {
      facts = sentenceFacts(document, sentence);
      cache.set(sentence, facts);
    }
    return facts;
  };
  const unmatched = (own: Fact[], others: readonly Fact[]): Fact[] =>
    own.filter((fact) => !others.some((other) => factsAgree(fact, other)));
  const used = new Set<Fact>();
  const changes: Change[] = [];
  for (const pair of pairs) {
    const linkedB = (sentences.fromSource.get(pair.a) ?? []).flatMap((b) => of(factsB, copy, b));
    const linkedA = (sentences.fromCopy.get(pair.b) ?? []).flatMap((a) => of(factsA, source, a));
    const leftA = unmatched(of(factsA, source, pair.a), linkedB).filter((fact) => !used.has(fact));
    const leftB = unmatched(of(factsB, copy, pair.b), linkedA).filter((fact) => !used.has(fact));
    for (const [factA, factB] of pairFacts(context, leftA, leftB)) {
      used.add(factA);
      used.add(factB);
      changes.push(factChange(context, factA, factB));
    }
  }
  return changes;
}

function pairFacts(
  context: ChangeContext,
  leftA: readonly Fact[],
  leftB: readonly Fact[],
): Array<[Fact, Fact]> {
  const pairs: Array<[Fact, Fact]> = [];
  const restA: Fact[] = [];
  const takenB = new Set<Fact>();
  for (const factA of leftA) {
    const linked = leftB.find(
      (factB) => factB.kind === factA.kind && !takenB.has(factB) && tokensLinked(context, factA, factB),
    );
    if (linked === undefined) {
      restA.push(factA);
      continue;
    }
    takenB.add(linked);
    pairs.push([factA, linked]);
  }
  const restB = leftB.filter((fact) => !takenB.has(fact));
  for (const kind of ['number', 'date'] as const) {
    const ofKindA = restA.filter((fact) => fact.kind === kind);
    const ofKindB = restB.filter((fact) => fact.kind === kind);
    if (ofKindA.length !== ofKindB.length) continue;
    ofKindA.forEach((fact, position) => {
      pairs.push([fact, ofKindB[position]!]);
    });
  }
  return pairs;
}

/** True when a token of one fact is aligned with a token of the other. */
function tokensLinked(context: ChangeContext, factA: Fact, factB: Fact): boolean {
  for (let index = factA.first; index <= factA.last; index++) {
    const link = context.tokens.fromSource.get(index);
    if (link !== undefined && link.other >= factB.first && link.other <= factB.last) return true;
  }
  return false;
}

function factChange(context: ChangeContext, factA: Fact, factB: Fact): Change {
  const { source, copy, claims } = context;
  claimRange(claims.source, factA.first, factA.last);
  claimRange(claims.copy, factB.first, factB.last);
  const before = quoted(tokenText(source, factA.first, factA.last));
  const after = quoted(tokenText(copy, factB.first, factB.last));
  const isDate = factA.kind === 'date';
  return {
    type: isDate ? 'date-changed' : 'number-changed',
    source: citeTokens(source, factA.first, factA.last),
    copy: citeTokens(copy, factB.first, factB.last),
    note: isDate ? `Date ${before} given as ${after}.` : `Number ${before} changed to ${after}.`,
    weight: 3,
  };
}
