/**
 * Maps offsets in a derived text (the extracted story text) back to offsets in the text it
 * was derived from (the decoded input), and the other way round.
 *
 * The derived text is built from pieces; each piece records where it came from. A piece whose
 * length equals its source length maps character by character (plain text, HTML text without
 * entities); otherwise offsets inside it are scaled linearly, which keeps them monotone and
 * inside the piece's source range (HTML entities, collapsed whitespace).
 */
export class OffsetMap {
  /** Per piece: start in the derived text, start and end in the source. Sorted by textStart. */
  private readonly textStarts: number[] = [];
  private readonly textEnds: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceEnds: number[] = [];

  /** Records that derived[textStart, textStart + textLength) came from source[sourceStart, sourceEnd). */
  add(textStart: number, textLength: number, sourceStart: number, sourceEnd: number): void {
    const last = this.textEnds.length - 1;
    if (last >= 0 && textStart < this.textEnds[last]!) {
      throw new Error('OffsetMap pieces must be added in text order');
    }
    this.textStarts.push(textStart);
    this.textEnds.push(textStart + textLength);
    this.sourceStarts.push(sourceStart);
    this.sourceEnds.push(sourceEnd);
  }

  /** An identity map over a text of the given length. */
  static identity(length: number): OffsetMap {
    const map = new OffsetMap();
    map.add(0, length, 0, length);
    return map;
  }

  /**
   * The source offset of a derived-text offset. Offsets that fall between pieces (on the
   * separators the builder inserted) map to the end of the previous piece for an end offset
   * and to the start of the next piece otherwise, so a span never grows over removed text.
   */
  toSource(offset: number, bias: 'start' | 'end' = 'start'): number {
    const count = this.textStarts.length;
    if (count === 0) return 0;
    const index = this.pieceAtOrBefore(this.textStarts, offset);
    if (index < 0) return this.sourceStarts[0]!;
    const textStart = this.textStarts[index]!;
    const textEnd = this.textEnds[index]!;
    // An end offset where one piece stops and the next starts belongs to the piece that stops,
    // or "<a>word</a>." would end after the markup between the two pieces.
    if (bias === 'end' && offset === textStart && index > 0 && this.textEnds[index - 1] === offset) {
      return this.sourceEnds[index - 1]!;
    }
    if (offset <= textEnd) return this.scale(index, offset - textStart);
    // Between pieces: snap to the neighbouring piece.
    if (bias === 'end' || index === count - 1) return this.sourceEnds[index]!;
    return this.sourceStarts[index + 1]!;
  }

  /** Maps a derived-text span to a source span. */
  spanToSource(start: number, end: number): { start: number; end: number } {
    const sourceStart = this.toSource(start, 'start');
    const sourceEnd = Math.max(sourceStart, this.toSource(end, 'end'));
    return { start: sourceStart, end: sourceEnd };
  }

  /** The derived-text offset of a source offset, or null when the source offset is outside every piece. */
  toText(sourceOffset: number): number | null {
    const index = this.pieceAtOrBefore(this.sourceStarts, sourceOffset);
    if (index < 0) return null;
    const sourceStart = this.sourceStarts[index]!;
    const sourceEnd = this.sourceEnds[index]!;
    if (sourceOffset > sourceEnd) return null;
    const textLength = this.textEnds[index]! - this.textStarts[index]!;
    const sourceLength = sourceEnd - sourceStart;
    const within =
      sourceLength === textLength || sourceLength === 0
        ? sourceOffset - sourceStart
        : Math.round(((sourceOffset - sourceStart) * textLength) / sourceLength);
    return this.textStarts[index]! + Math.min(within, textLength);
  }

  private scale(index: number, within: number): number {
    const textLength = this.textEnds[index]! - this.textStarts[index]!;
    const sourceStart = this.sourceStarts[index]!;
    const sourceLength = this.sourceEnds[index]! - sourceStart;
    if (textLength === sourceLength || textLength === 0) return sourceStart + Math.min(within, sourceLength);
    return sourceStart + Math.round((within * sourceLength) / textLength);
  }

  /** Index of the last piece whose start is <= value, or -1. */
  private pieceAtOrBefore(starts: readonly number[], value: number): number {
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
}

/** Builds a derived text piece by piece while recording an OffsetMap back to the source. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly map = new OffsetMap();

  /** Appends text that came from source[sourceStart, sourceEnd). */
  appendFrom(text: string, sourceStart: number, sourceEnd: number): void {
    if (text.length === 0) return;
    this.map.add(this.length, text.length, sourceStart, sourceEnd);
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
