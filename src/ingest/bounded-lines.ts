/** One line of a stream (without its "\n"), or a line that was over the limit and skipped. */
export type BoundedLine =
  | { number: number; bytes: Buffer; tooLong: false }
  | { number: number; bytes: null; tooLong: true };

/**
 * Splits a byte stream into lines as it is read, holding at most `maxLineBytes` of one line in
 * memory: a longer line is skipped (reported as too long) and reading goes on after it. There is
 * no limit on the number of lines, so a JSON Lines file of any size streams through.
 */
export async function* boundedLines(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let number = 1;
  const take = (): BoundedLine => {
    const line: BoundedLine = overflow
      ? { number, bytes: null, tooLong: true }
      : { number, bytes: Buffer.concat(parts, length), tooLong: false };
    parts = [];
    length = 0;
    overflow = false;
    number++;
    return line;
  };
  const append = (piece: Buffer): void => {
    if (overflow) return;
    if (length + piece.length > maxLineBytes) {
      overflow = true;
      parts = [];
      length = 0;
      return;
    }
    parts.push(piece);
    length += piece.length;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a, start); end !== -1; end = chunk.indexOf(0x0a, start)) {
      append(chunk.subarray(start, end));
      yield take();
      start = end + 1;
    }
    if (start < chunk.length) append(chunk.subarray(start));
  }
  if (length > 0 || overflow) yield take();
}
