import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A path under the walked directory (with "/" separators), or one that could not be listed. */
export interface DirectoryEntry {
  relative: string;
  /** Why a subdirectory could not be read; its siblings are still listed. */
  error?: unknown;
}

/** How a directory's entries are listed; injectable so tests can make a listing fail. */
export type ListDirectory = (path: string) => Promise<Dirent[]>;

const listWithTypes: ListDirectory = (path) => readdir(path, { withFileTypes: true });

/**
 * Every entry under a directory that is not itself a directory, as paths relative to it, sorted
 * by path so runs are deterministic. Dotfiles and dot-directories are skipped; symbolic links are
 * followed once (a link back to an ancestor is not walked again). Special files (FIFOs, devices)
 * are listed too, so the reader can refuse them by name. A subdirectory that cannot be read
 * becomes an entry with its error: only that entry is lost, not its parent's other files.
 */
export async function listFilesRecursively(
  directory: string,
  list: ListDirectory = listWithTypes,
): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  const visited = new Set<string>([await realpath(directory)]);
  // The top directory itself must be readable: its failure is the whole input's.
  const top = await list(directory);
  await walkEntries(directory, '', top, entries, visited, list);
  return entries.sort((left, right) => comparePaths(left.relative, right.relative));
}

async function walkEntries(
  root: string,
  relative: string,
  children: readonly Dirent[],
  entries: DirectoryEntry[],
  visited: Set<string>,
  list: ListDirectory,
): Promise<void> {
  for (const entry of children) {
    if (entry.name.startsWith('.')) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A dangling link or a loop is reported by the reader as an unreadable file.
      const target = await stat(join(root, child)).catch(() => null);
      isDirectory = target?.isDirectory() ?? false;
    }
    if (!isDirectory) {
      entries.push({ relative: child });
      continue;
    }
    try {
      const real = await realpath(join(root, child));
      if (visited.has(real)) continue;
      visited.add(real);
      const grandchildren = await list(join(root, child));
      await walkEntries(root, child, grandchildren, entries, visited, list);
    } catch (error) {
      entries.push({ relative: child, error });
    }
  }
}

/**
 * Path order component by component, each in plain code-unit order (independent of the locale),
 * so a directory's files stay together: "a/c.txt" before "a b/d.txt".
 */
function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index]!;
    const y = right[index]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
