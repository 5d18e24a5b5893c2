import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under a directory as paths relative to it (with "/" separators), sorted by
 * path so runs are deterministic. Dotfiles and dot-directories are skipped; symbolic links
 * are followed once (a link back to an ancestor is not walked again).
 */
export async function listFilesRecursively(directory: string): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>([await realpath(directory)]);
  await walk(directory, '', files, visited);
  return files.sort(comparePaths);
}

async function walk(root: string, relative: string, files: string[], visited: Set<string>): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(join(root, child)).catch(() => null);
      // A dangling link is reported as a missing file by the reader.
      isDirectory = target?.isDirectory() ?? false;
      isFile = !isDirectory;
    }
    if (isDirectory) {
      const real = await realpath(join(root, child));
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(root, child, files, visited);
    } else if (isFile) {
      files.push(child);
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
