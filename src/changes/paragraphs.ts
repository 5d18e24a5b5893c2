import type { Passage } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Change } from '../model/change.js';
import { citeSentences, citeText, quoted } from './cite.js';
import type { ChangeContext } from './context.js';

/** Runs with fewer content words are fragments (a stray caption), not material. */
const MIN_CONTENT_WORDS = 3;
/** A run this much explained by other changes (a dropped quote) is not reported again. */
const MAX_CLAIMED_SHARE = 0.8;
const OPENING_WORDS = 6;

/**
 * Paragraphs (and runs of sentences within one) that only one side has: the alignment's
 * 'dropped' passages are source material the copy left out, its 'added' passages material
 * the copy brought in. The vocabulary has no sentence-level type, so a run that is only part
 * of a paragraph is reported with the paragraph type and says so in its note.
 */
export function detectParagraphChanges(context: ChangeContext): Change[] {
  const changes: Change[] = [];
  for (const passage of context.alignment.passages) {
    if (passage.kind === 'dropped') {
      const change = unmatchedRun(context, passage.sentencesA, 'dropped');
      if (change !== null) changes.push(change);
    } else if (passage.kind === 'added') {
      const change = unmatchedRun(context, passage.sentencesB, 'added');
      if (change !== null) changes.push(change);
    }
  }
  return changes;
}

function unmatchedRun(context: ChangeContext, run: Passage['sentencesA'], kind: 'dropped' | 'added'): Change | null {
  if (run.length === 0) return null;
  const document = kind === 'dropped' ? context.source : context.copy;
  const claimed = kind === 'dropped' ? context.claims.source : context.claims.copy;
  const first = document.sentences[run[0]!]!;
  const last = document.sentences[run[run.length - 1]!]!;
  let content = 0;
  let explained = 0;
  for (let index = first.tokenStart; index < last.tokenEnd; index++) {
    if (document.tokens[index]!.stop) continue;
    content++;
    if (claimed.has(index)) explained++;
  }
  if (content < MIN_CONTENT_WORDS || explained >= content * MAX_CLAIMED_SHARE) return null;
  const whole = isWholeParagraph(document, first.paragraph, run);
  const paragraph = document.article.paragraphs[first.paragraph]!;
  const citation = whole
    ? citeText(document.article, paragraph.start, paragraph.end)
    : citeSentences(document, first.index, last.index);
  const what = whole ? 'Paragraph' : run.length === 1 ? 'Sentence' : `${run.length} sentences`;
  const where = whole ? '' : kind === 'dropped' ? ' from a kept paragraph' : ' to a kept paragraph';
  const verb = kind === 'dropped' ? 'dropped' : 'added';
  return {
    type: kind === 'dropped' ? 'paragraph-dropped' : 'paragraph-added',
    source: kind === 'dropped' ? citation : null,
    copy: kind === 'added' ? citation : null,
    note: `${what} ${verb}${where}: ${opening(document, first.tokenStart, last.tokenEnd)}.`,
    weight: 2,
  };
}

function isWholeParagraph(document: AnalysedArticle, paragraph: number, run: readonly number[]): boolean {
  const inParagraph = document.sentences.filter((sentence) => sentence.paragraph === paragraph);
  return inParagraph.every((sentence) => run.includes(sentence.index));
}

function opening(document: AnalysedArticle, tokenStart: number, tokenEnd: number): string {
  const lastShown = Math.min(tokenEnd, tokenStart + OPENING_WORDS) - 1;
  const text = document.article.text.slice(document.tokens[tokenStart]!.start, document.tokens[lastShown]!.end);
  return quoted(lastShown < tokenEnd - 1 ? `${text}…` : text);
}
