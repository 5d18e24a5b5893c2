/** A half-open character range [start, end) into some text. */
export interface Span {
  start: number;
  end: number;
}
