/** Error codes: the CLI maps them to exit codes, a server would map them to HTTP statuses. */
export type ErrorCode =
  | 'INPUT_NOT_FOUND' // a path that does not exist or cannot be read
  | 'INPUT_EMPTY' // an empty file or a document with no text
  | 'INPUT_BINARY' // bytes that are not text in any supported encoding
  | 'INPUT_TOO_LARGE' // over the size limit for one document
  | 'INPUT_MALFORMED' // a JSONL line that is not valid JSON or lacks text/html
  | 'INPUT_DECODE' // a gzip stream or encoding that cannot be decoded
  | 'INPUT_UNSUPPORTED' // a FIFO, device or socket, or a file format that is not read (ARC)
  | 'NO_ARTICLE' // a page with no story: a front page, search results, a form, an error page
  | 'USAGE' // bad command-line usage
  | 'LEXICON_MISSING' // the built lexicon files are absent (run `npm run build`)
  | 'STORE_INCOMPATIBLE' // a corpus store written by another schema or fingerprint version
  | 'STORE_NOT_FOUND'; // a corpus store that does not exist (opened for reading)

const MESSAGES: Record<ErrorCode, string> = {
  INPUT_NOT_FOUND: 'cannot read input',
  INPUT_EMPTY: 'input is empty',
  INPUT_BINARY: 'input is binary, not text',
  INPUT_TOO_LARGE: 'input is too large',
  INPUT_MALFORMED: 'input is malformed',
  INPUT_DECODE: 'input cannot be decoded',
  INPUT_UNSUPPORTED: 'input is not a supported kind of file',
  NO_ARTICLE: 'no article found',
  USAGE: 'bad usage',
  LEXICON_MISSING: 'lexicon files are missing',
  STORE_INCOMPATIBLE: 'the corpus store was written by an incompatible version',
  STORE_NOT_FOUND: 'no corpus store there',
};

/** An expected failure with a stable code and a one-line message naming the input. */
export class WiretraceError extends Error {
  readonly code: ErrorCode;
  /** The input the error is about, as the user gave it, when there is one. */
  readonly input: string | undefined;

  constructor(code: ErrorCode, detail?: string, input?: string) {
    const parts = [input, detail ?? MESSAGES[code]].filter((part) => part !== undefined && part !== '');
    super(parts.join(': '));
    this.name = 'WiretraceError';
    this.code = code;
    this.input = input;
  }
}

export function isWiretraceError(error: unknown): error is WiretraceError {
  return error instanceof WiretraceError;
}
