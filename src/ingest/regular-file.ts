import { stat } from 'node:fs/promises';
import { WiretraceError } from '../errors.js';
import { fileSystemError } from './input-failure.js';

/** What a path is when it is not a regular file or a directory, in the words of `ls -l`. */
function specialKind(stats: Awaited<ReturnType<typeof stat>>): string | null {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return null;
}

/**
 * Checks, without opening it, that a path (or what its links point to) is a regular file: a FIFO
 * would block the read forever and /dev/zero would never end. Returns its size in bytes; throws a
 * WiretraceError naming the input otherwise.
 */
export async function assertRegularFile(path: string, input: string): Promise<number> {
  let stats: Awaited<ReturnType<typeof stat>>;
  try {
    stats = await stat(path);
  } catch (error) {
    throw fileSystemError(input, error);
  }
  if (stats.isFile()) return Number(stats.size);
  if (stats.isDirectory()) throw new WiretraceError('INPUT_NOT_FOUND', 'is a directory', input);
  const kind = specialKind(stats) ?? 'not a regular file';
  throw new WiretraceError('INPUT_UNSUPPORTED', `is ${kind}; only regular files are read`, input);
}
