import { WiretraceError } from '../errors.js';

/** An input that could not be read; the batch goes on without it. */
export interface InputFailure {
  input: string;
  error: WiretraceError;
}

export function isInputFailure(value: unknown): value is InputFailure {
  return (
    typeof value === 'object' && value !== null && 'error' in value && value.error instanceof WiretraceError
  );
}

/** Wraps any error thrown while reading `input` as a failure with a stable code. */
export function toInputFailure(input: string, error: unknown): InputFailure {
  if (error instanceof WiretraceError) return { input, error };
  return { input, error: fileSystemError(input, error) };
}

/** Maps a Node.js file-system error to a WiretraceError with a one-line message. */
export function fileSystemError(input: string, error: unknown): WiretraceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new WiretraceError('INPUT_NOT_FOUND', 'no such file or directory', input);
    case 'EACCES':
    case 'EPERM':
      return new WiretraceError('INPUT_NOT_FOUND', 'permission denied', input);
    case 'EISDIR':
      return new WiretraceError('INPUT_NOT_FOUND', 'is a directory', input);
    default: {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return new WiretraceError('INPUT_NOT_FOUND', `cannot read input (${reason})`, input);
    }
  }
}
