/**
 * Maps offsets in a derived text (the extracted story text) back to offsets in the text it
 * was derived from (the decoded input), and the other way round.
 *
 * The map is plain data (four parallel arrays), so an article crosses a worker boundary, goes
 * to JSON or storage and comes back unchanged; the functions below read it.
 *
 * The derived text is built from pieces; each piece records where it came from. A piece whose
 * length equals its source length maps character by character (plain text, HTML text without
 * entities); otherwise offsets inside it are scaled linearly, which keeps them monotone and
 * inside the piece's source range (HTML entities, collapsed whitespace).
 */
export interface OffsetMap {
  /** Per piece: start and end in the derived text, start and end in the source. Sorted by textStart. */
  textStarts: number[];
  textEnds: number[];
  sourceStarts: number[];
  sourceEnds: number[];
}

/** A map with no pieces yet. */
export function emptyOffsetMap(): OffsetMap {
  return { textStarts: [], textEnds: [], sourceStarts: [], sourceEnds: [] };
}

/** An identity map over a text of the given length. */
export function identityOffsetMap(length: number): OffsetMap {
  const map = emptyOffsetMap();
  addPiece(map, 0, length, 0, length);
  return map;
}

/** Records that derived[textStart, textStart + textLength) came from source[sourceStart, sourceEnd). */
export function addPiece(
  map: OffsetMap,
  textStart: number,
  textLength: number,
  sourceStart: number,
  sourceEnd: number,
): void {
  const last = map.textEnds.length - 1;
  if (last >= 0 && textStart < map.textEnds[last]!) {
    throw new Error('offset map pieces must be added in text order');
  }
  map.textStarts.push(textStart);
  map.textEnds.push(textStart + textLength);
  map.sourceStarts.push(sourceStart);
  map.sourceEnds.push(sourceEnd);
}

/**
 * The source offset of a derived-text offset. Offsets that fall between pieces (on the
 * separators the builder inserted) map to the end of the previous piece for an end offset
 * and to the start of the next piece otherwise, so a span never grows over removed text.
 */
export function toSource(map: OffsetMap, offset: number, bias: 'start' | 'end' = 'start'): number {
  const { textStarts, textEnds, sourceStarts, sourceEnds } = map;
  const count = textStarts.length;
  if (count === 0) return 0;
  const index = pieceAtOrBefore(textStarts, offset);
  if (index < 0) return sourceStarts[0]!;
  const textStart = textStarts[index]!;
  const textEnd = textEnds[index]!;
  // An end offset where one piece stops and the next starts belongs to the piece that stops,
  // or "<a>word</a>." would end after the markup between the two pieces.
  if (bias === 'end' && offset === textStart && index > 0 && textEnds[index - 1] === offset) {
    return sourceEnds[index - 1]!;
  }
  if (offset <= textEnd) return scale(map, index, offset - textStart);
  // Between pieces: snap to the neighbouring piece.
  if (bias === 'end' || index === count - 1) return sourceEnds[index]!;
  return sourceStarts[index + 1]!;
}

/** Maps a derived-text span to a source span. */
export function spanToSource(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const sourceStart = toSource(map, start, 'start');
  const sourceEnd = Math.max(sourceStart, toSource(map, end, 'end'));
  return { start: sourceStart, end: sourceEnd };
}

/** The derived-text offset of a source offset, or null when the source offset is outside every piece. */
export function toText(map: OffsetMap, sourceOffset: number): number | null {
  const index = pieceAtOrBefore(map.sourceStarts, sourceOffset);
  if (index < 0) return null;
  const sourceStart = map.sourceStarts[index]!;
  const sourceEnd = map.sourceEnds[index]!;
  if (sourceOffset > sourceEnd) return null;
  const textLength = map.textEnds[index]! - map.textStarts[index]!;
  const sourceLength = sourceEnd - sourceStart;
  const within =
    sourceLength === textLength || sourceLength === 0
      ? sourceOffset - sourceStart
      : Math.round(((sourceOffset - sourceStart) * textLength) / sourceLength);
  return map.textStarts[index]! + Math.min(within, textLength);
}

function scale(map: OffsetMap, index: number, within: number): number {
  const textLength = map.textEnds[index]! - map.textStarts[index]!;
  const sourceStart = map.sourceStarts[index]!;
  const sourceLength = map.sourceEnds[index]! - sourceStart;
  if (textLength === sourceLength || textLength === 0) return sourceStart + Math.min(within, sourceLength);
  return sourceStart + Math.round((within * sourceLength) / textLength);
}

/** Index of the last piece whose start is <= value, or -1. */
function pieceAtOrBefore(starts: readonly number[], value: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Builds a derived text piece by piece while recording an OffsetMap back to the source. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly map: OffsetMap = emptyOffsetMap();

  /** Appends text that came from source[sourceStart, sourceEnd). */
  appendFrom(text: string, sourceStart: number, sourceEnd: number): void {
    if (text.length === 0) return;
    addPiece(this.map, this.length, text.length, sourceStart, sourceEnd);
    this.parts.push(text);
    this.length += text.length;
  }

  /** Appends text that has no source (separators such as "\n\n"). */
  appendSeparator(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  get size(): number {
    return this.length;
  }

  toString(): string {
    return this.parts.join('');
  }
}
