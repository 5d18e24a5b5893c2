import { blockFromPieces, type TextBlock } from './text-block.js';

interface Line {
  /** Trimmed range of the line in the input. */
  start: number;
  end: number;
  blankBefore: boolean;
}

/** Longest line width under which lines are taken for hard-wrapped paragraph text. */
const MAX_WRAP_WIDTH = 160;

/**
 * Splits flattened text into blocks: one per line, except that hard-wrapped lines of one
 * paragraph are re-joined. A block's text is an exact slice of the input (wrapped paragraphs
 * keep their inner line breaks), so every offset maps back one to one.
 */
export function plainTextBlocks(content: string): TextBlock[] {
  const lines = nonBlankLines(content);
  const wrapWidth = lines.reduce((widest, line) => Math.max(widest, line.end - line.start), 0);
  const blocks: TextBlock[] = [];
  let first = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    if (next && !next.blankBefore && isWrapped(content, line, next, wrapWidth)) continue;
    const head = lines[first]!;
    const text = content.slice(head.start, line.end);
    blocks.push(
      blockFromPieces([{ text, start: head.start, end: line.end, gapBefore: '' }], { separated: head.blankBefore }),
    );
    first = index + 1;
  }
  return blocks;
}

function nonBlankLines(content: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let blankBefore = true;
  for (const match of content.matchAll(pattern)) {
    if (match[0] === '') break;
    const raw = match[0].replace(/[\r\n]+$/, '');
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') {
      blankBefore = true;
      continue;
    }
    const start = match.index + leading;
    lines.push({ start, end: start + trimmed.length, blankBefore });
    blankBefore = false;
  }
  return lines;
}

/**
 * True when the break between two lines is a soft wrap: the text is narrow, and either the next
 * line's first word would not have fitted on this line, or the sentence plainly goes on.
 */
function isWrapped(content: string, line: Line, next: Line, wrapWidth: number): boolean {
  if (wrapWidth > MAX_WRAP_WIDTH) return false;
  const length = line.end - line.start;
  if (length < wrapWidth * 0.6) return false;
  const lineText = content.slice(line.start, line.end);
  const nextText = content.slice(next.start, next.end);
  if (/^(?:[-*•·▪–—]|\d+[.)])\s/.test(nextText)) return false;
  const firstWord = nextText.split(/\s/, 1)[0] ?? '';
  if (length + 1 + firstWord.length > wrapWidth) return true;
  return !/[.!?:;"”’)]$/.test(lineText) && /^[\p{Ll}\d(]/u.test(nextText);
}
