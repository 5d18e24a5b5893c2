import type { AnalysedArticle } from '../model/analysis.js';
import type { Change } from '../model/change.js';
import { citeSentences, citeText, quoted } from './cite.js';
import type { ChangeContext } from './context.js';

/** Runs with fewer content words are fragments (a stray caption), not material. */
const MIN_CONTENT_WORDS = 3;
/** A sentence this much explained by another change (a dropped quote) is not reported again. */
const EXPLAINED_SHARE = 0.5;
/**
 * A run whose consecutive content-word pairs mostly recur in the other text was carried over
 * inside a sentence the aligner did not link (a clause split off a long quote sentence).
 */
const MAX_SHARED_BIGRAMS = 0.6;
const OPENING_WORDS = 6;

type Side = 'dropped' | 'added';

/**
 * Paragraphs (and runs of sentences within one) that only one side has: source sentences in no
 * pair were dropped, copy sentences in no pair were added. The vocabulary has no sentence-level
 * type, so a run that is only part of a paragraph is reported with the paragraph type and its
 * note says so.
 */
export function detectParagraphChanges(context: ChangeContext): Change[] {
  const changes: Change[] = [];
  for (const side of ['dropped', 'added'] as const) {
    const document = side === 'dropped' ? context.source : context.copy;
    const aligned = side === 'dropped' ? context.sentences.fromSource : context.sentences.fromCopy;
    const runs = unalignedRuns(document, aligned);
    if (runs.length === 0) continue;
    const otherBigrams = contentBigrams(side === 'dropped' ? context.copy : context.source);
    for (const run of runs) {
      const change = unmatchedRun(context, run, side, otherBigrams);
      if (change !== null) changes.push(change);
    }
  }
  return changes;
}

/** Runs of neighbouring unaligned sentences, never crossing a paragraph break. */
function unalignedRuns(document: AnalysedArticle, aligned: ReadonlyMap<number, unknown>): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const sentence of document.sentences) {
    const previous = run.length > 0 ? document.sentences[run[run.length - 1]!]! : null;
    if (aligned.has(sentence.index) || (previous !== null && previous.paragraph !== sentence.paragraph)) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (!aligned.has(sentence.index)) run.push(sentence.index);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function unmatchedRun(
  context: ChangeContext,
  run: readonly number[],
  side: Side,
  otherBigrams: ReadonlySet<string>,
): Change | null {
  const document = side === 'dropped' ? context.source : context.copy;
  const claimed = side === 'dropped' ? context.claims.source : context.claims.copy;
  const first = document.sentences[run[0]!]!;
  const last = document.sentences[run[run.length - 1]!]!;
  const content: number[] = [];
  for (let index = first.tokenStart; index < last.tokenEnd; index++) {
    if (!document.tokens[index]!.stop) content.push(index);
  }
  if (
    content.length < MIN_CONTENT_WORDS ||
    run.every((sentence) => isExplained(document, sentence, claimed))
  ) {
    return null;
  }
  if (sharedBigramShare(document, content, otherBigrams) >= MAX_SHARED_BIGRAMS) return null;
  const whole = isWholeParagraph(document, first.paragraph, run);
  const paragraph = document.article.paragraphs[first.paragraph]!;
  const citation = whole
    ? citeText(document.article, paragraph.start, paragraph.end)
    : citeSentences(document, first.index, last.index);
  const what = whole ? 'Paragraph' : run.length === 1 ? 'Sentence' : `${run.length} sentences`;
  const where = whole ? '' : side === 'dropped' ? ' from a kept paragraph' : ' to a kept paragraph';
  return {
    type: side === 'dropped' ? 'paragraph-dropped' : 'paragraph-added',
    source: side === 'dropped' ? citation : null,
    copy: side === 'added' ? citation : null,
    note: `${what} ${side}${where}: ${opening(document, first.tokenStart, last.tokenEnd)}.`,
    weight: 2,
  };
}

function isExplained(document: AnalysedArticle, sentence: number, claimed: ReadonlySet<number>): boolean {
  const { tokenStart, tokenEnd } = document.sentences[sentence]!;
  let content = 0;
  let explained = 0;
  for (let index = tokenStart; index < tokenEnd; index++) {
    if (document.tokens[index]!.stop) continue;
    content++;
    if (claimed.has(index)) explained++;
  }
  return content > 0 && explained >= content * EXPLAINED_SHARE;
}

function isWholeParagraph(document: AnalysedArticle, paragraph: number, run: readonly number[]): boolean {
  const inParagraph = document.sentences.filter((sentence) => sentence.paragraph === paragraph);
  return inParagraph.every((sentence) => run.includes(sentence.index));
}

/** Pairs of consecutive content-word stems of a document ("accept invitation"). */
function contentBigrams(document: AnalysedArticle): Set<string> {
  const bigrams = new Set<string>();
  let previous: string | null = null;
  for (const token of document.tokens) {
    if (token.stop) continue;
    if (previous !== null) bigrams.add(`${previous} ${token.stem}`);
    previous = token.stem;
  }
  return bigrams;
}

/** Share of the run's consecutive content-stem pairs that the other document has too. */
function sharedBigramShare(
  document: AnalysedArticle,
  content: readonly number[],
  otherBigrams: ReadonlySet<string>,
): number {
  let shared = 0;
  for (let k = 1; k < content.length; k++) {
    const bigram = `${document.tokens[content[k - 1]!]!.stem} ${document.tokens[content[k]!]!.stem}`;
    if (otherBigrams.has(bigram)) shared++;
  }
  return content.length > 1 ? shared / (content.length - 1) : 0;
}

function opening(document: AnalysedArticle, tokenStart: number, tokenEnd: number): string {
  const lastShown = Math.min(tokenEnd, tokenStart + OPENING_WORDS) - 1;
  const text = document.article.text.slice(
    document.tokens[tokenStart]!.start,
    document.tokens[lastShown]!.end,
  );
  return quoted(lastShown < tokenEnd - 1 ? `${text}…` : text);
}
