/** A half-open character range [start, end) into some text. */
export interface Span {
  start: number;
  end: number;
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function coverSpans(spans: readonly Span[]): Span | null {
  if (spans.length === 0) return null;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  return { start, end };
}
