import type { PassageKind } from '../model/alignment.js';
import type { PairResult } from '../model/relation.js';
import { percent, plural } from './format.js';
import { MATCHED_KINDS } from './labels.js';
import { summariseReuse } from './pair.js';

/** Decorates a figure of a given passage kind (colour in a terminal, a styled span in HTML). */
export type KindDecorator = (text: string, kind: PassageKind) => string;

/**
 * "87% of the copy reuses the source: 12 verbatim, 3 spun sentences; 2 source sentences
 * dropped, 1 added". `lead` is inserted as given, so the caller escapes it for its medium; the
 * rest is plain words and figures.
 */
export function reuseSentence(result: PairResult, lead: string, decorate: KindDecorator): string {
  const reuse = summariseReuse(result.alignment);
  const kinds = MATCHED_KINDS.flatMap((kind) => {
    const count = reuse.sentences[kind];
    return count > 0 ? [{ kind, count }] : [];
  });
  const total = kinds.reduce((sum, entry) => sum + entry.count, 0);
  const reused =
    kinds.length === 0
      ? 'no sentence reused'
      : `${kinds.map(({ kind, count }) => decorate(`${count} ${kind}`, kind)).join(', ')} ${
          total === 1 ? 'sentence' : 'sentences'
        }`;
  const losses: string[] = [];
  if (reuse.dropped > 0)
    losses.push(decorate(`${plural(reuse.dropped, 'source sentence')} dropped`, 'dropped'));
  if (reuse.added > 0) losses.push(decorate(`${reuse.added} added`, 'added'));
  const tail = losses.length > 0 ? `; ${losses.join(', ')}` : '';
  return `${percent(reuse.coverage)} of ${lead}: ${reused}${tail}`;
}

/** "Words of reused sentences: 38 kept, 5 synonyms, 1 respelt", or null when no word was altered. */
export function wordSentence(result: PairResult): string | null {
  const words = result.alignment.stats.words;
  const altered: Array<[number, string]> = [
    [words.synonym, plural(words.synonym, 'synonym')],
    [words.related, plural(words.related, 'related word')],
    [words.spelling, `${words.spelling} respelt`],
    [words.substitute, `${words.substitute} replaced`],
  ];
  const parts = altered.filter(([count]) => count > 0).map(([, text]) => text);
  if (parts.length === 0) return null;
  return `Words of reused sentences: ${words.equal} kept, ${parts.join(', ')}`;
}

/** "direction 81% sure". */
export function directionPhrase(result: PairResult): string {
  return `direction ${percent(result.direction.confidence)} sure`;
}
