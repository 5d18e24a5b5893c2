/** A run of block text and the input range [start, end) it was taken from. */
export interface SourcePiece {
  text: string;
  start: number;
  end: number;
  /** What separates this piece from the previous one in the block text ("" or " "). */
  gapBefore: string;
}

/**
 * A candidate paragraph: one line (or re-joined wrapped lines) of flattened text, or one block
 * element of an HTML page. Classification decides whether it is story or page chrome.
 */
export interface TextBlock {
  /** The pieces joined with their gaps. */
  text: string;
  pieces: SourcePiece[];
  /** Input range covered, from the first piece's start to the last piece's end. */
  start: number;
  end: number;
  /** Characters of `text` inside links (always 0 for plain text). */
  linkChars: number;
  /** The HTML element that made the block ("p", "h2", "li"…), null for plain text. */
  tag: string | null;
  /** True when a blank line (or a block boundary) precedes the block. */
  separated: boolean;
}

/** Builds a block from its pieces, computing its text and input range. */
export function blockFromPieces(
  pieces: SourcePiece[],
  extra: { linkChars?: number; tag?: string | null; separated?: boolean } = {},
): TextBlock {
  let text = '';
  for (const piece of pieces) text += (text === '' ? '' : piece.gapBefore) + piece.text;
  return {
    text,
    pieces,
    start: pieces[0]?.start ?? 0,
    end: pieces[pieces.length - 1]?.end ?? 0,
    linkChars: extra.linkChars ?? 0,
    tag: extra.tag ?? null,
    separated: extra.separated ?? true,
  };
}
