import { WiretraceError } from '../errors.js';

/** Runs an argument parser; its errors (unknown option, missing value) become usage errors, exit 2. */
export function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new WiretraceError('USAGE', message);
  }
}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;
