import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WiretraceError } from '../errors.js';

/** The synchronous file operations an output file needs; tests inject a failing one. */
export interface OutputFileSystem {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, text: string): number;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  statSync(path: string, options: { throwIfNoEntry: false }): fs.Stats | undefined;
  realpathSync(path: string): string;
}

export const nodeFileSystem: OutputFileSystem = fs;

/** A file being written: text goes to a temporary file, `commit` puts it in place at once. */
export interface OutputFile {
  /** The path as the user gave it. */
  readonly path: string;
  write(text: string): void;
  /** Renames the finished temporary file over the target: readers see the old or the new file, never half. */
  commit(): void;
  /** Removes the temporary file, leaving any previous file untouched. */
  abort(): void;
}

function cannotWrite(path: string, error: unknown): WiretraceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such directory',
    ENOTDIR: 'a parent is not a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    EISDIR: 'is a directory',
    ENOSPC: 'no space left on device',
  };
  const reason = (code === undefined ? undefined : reasons[code]) ?? code ?? 'cannot write';
  return new WiretraceError('USAGE', `cannot write output (${reason})`, path);
}

/**
 * Opens an output file before any work is done, so an unwritable path fails at once (exit 2).
 * A regular file (or a new one) is written to a temporary file in the same folder and renamed
 * over the target when complete; an interrupted run leaves the previous file intact. A device
 * or pipe (/dev/stdout, /dev/null, a FIFO) is written directly: it cannot be replaced.
 */
export function openOutputFile(path: string, fileSystem: OutputFileSystem = nodeFileSystem): OutputFile {
  let target = path;
  let direct = false;
  try {
    const existing = fileSystem.statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (existing !== undefined) {
      direct = !existing.isFile();
      // Replacing a link would turn it into a file: write where it points instead.
      target = fileSystem.realpathSync(path);
    }
  } catch (error) {
    throw cannotWrite(path, error);
  }
  const written = direct
    ? target
    : join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fileSystem.openSync(written, direct ? 'w' : 'wx', 0o666);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    fileSystem.closeSync(fd);
  };
  return {
    path,
    write(text) {
      try {
        fileSystem.writeSync(fd, text);
      } catch (error) {
        throw cannotWrite(path, error);
      }
    },
    commit() {
      close();
      if (direct) return;
      try {
        fileSystem.renameSync(written, target);
      } catch (error) {
        throw cannotWrite(path, error);
      }
    },
    abort() {
      close();
      if (direct) return;
      try {
        fileSystem.unlinkSync(written);
      } catch {
        // Already gone: nothing to clean.
      }
    },
  };
}
