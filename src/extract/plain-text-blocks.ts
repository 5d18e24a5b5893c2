import { blockFromPieces, type TextBlock } from './text-block.js';

interface Line {
  /** Trimmed range of the line in the input. */
  start: number;
  end: number;
  blankBefore: boolean;
}

/** Longest line width under which lines are taken for hard-wrapped paragraph text. */
const MAX_WRAP_WIDTH = 160;
/** Fewest continued lines that show a text is hard-wrapped. */
const MIN_WRAPPED_LINES = 3;

/**
 * Splits flattened text into blocks: one per line, except that hard-wrapped lines of one
 * paragraph are re-joined. A block's text is an exact slice of the input (wrapped paragraphs
 * keep their inner line breaks), so every offset maps back one to one.
 */
export function plainTextBlocks(content: string): TextBlock[] {
  const lines = nonBlankLines(content);
  const wrapWidth = hardWrapWidth(lines);
  const blocks: TextBlock[] = [];
  let first = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    if (next && !next.blankBefore && wrapWidth !== null && isWrapped(content, line, next, wrapWidth))
      continue;
    const head = lines[first]!;
    const text = content.slice(head.start, line.end);
    blocks.push(
      blockFromPieces([{ text, start: head.start, end: line.end, gapBefore: '' }], {
        separated: head.blankBefore,
      }),
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
 * The width text was hard-wrapped at, or null when it was not: lines followed by another line
 * of the same paragraph must mostly fill one width. Flattened pages (menus, one block per
 * line) have such lines of every length.
 */
function hardWrapWidth(lines: readonly Line[]): number | null {
  const continued = lines
    .filter((_, index) => lines[index + 1]?.blankBefore === false)
    .map((line) => line.end - line.start)
    .sort((a, b) => a - b);
  if (continued.length < MIN_WRAPPED_LINES) return null;
  const width = continued[Math.floor((continued.length - 1) * 0.9)]!;
  if (width > MAX_WRAP_WIDTH) return null;
  const filled = continued.filter((length) => length >= width * 0.75).length;
  return filled >= continued.length * 0.6 ? width : null;
}

/**
 * True when the break between two lines of a hard-wrapped text is a soft wrap: either the next
 * line's first word would not have fitted on this line, or the sentence plainly goes on.
 */
function isWrapped(content: string, line: Line, next: Line, wrapWidth: number): boolean {
  const length = line.end - line.start;
  if (length < wrapWidth * 0.6) return false;
  const lineText = content.slice(line.start, line.end);
  const nextText = content.slice(next.start, next.end);
  // A list item starts its own block; a dash after an unfinished line is just a dash.
  if (/^(?:[*•·▪]|\d+[.)])\s/.test(nextText)) return false;
  if (/^[-–—]\s/.test(nextText) && /[.!?:;]["”’)]*$/.test(lineText)) return false;
  const firstWord = nextText.split(/\s/, 1)[0] ?? '';
  if (length + 1 + firstWord.length > wrapWidth) return true;
  return !/[.!?:;"”’)]$/.test(lineText) && /^[\p{Ll}\d(]/u.test(nextText);
}
