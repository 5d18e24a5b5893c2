import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type InputFailure, readInputs, STDIN_INPUT } from '../ingest/index.js';
import type { JsonlLine } from '../ingest/jsonl-records.js';
import { listFilesRecursively } from '../ingest/walk-directory.js';
import type { RawDocument } from '../model/article.js';

/**
 * Documents for the corpus from files, directories, JSON Lines (also gzipped), WARC, feeds and
 * standard input: the ingest readers, which stream JSON Lines and WARC record by record (a crawl
 * of any size is read in constant memory) and report a bad record by file and line while the
 * records after it still come. Counts the bytes read, for a rate and a time left.
 */

/** Bytes of the named inputs read so far, out of their total: enough for a rate and a time left. */
export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
}

export async function* readCorpusInputs(
  inputs: readonly string[],
  progress: ReadProgress = { bytesRead: 0, bytesTotal: 0 },
): AsyncGenerator<RawDocument | JsonlLine | InputFailure> {
  for (const input of inputs) if (input !== STDIN_INPUT) progress.bytesTotal += await sizeOf(input);
  yield* readInputs(inputs, {
    // Records are parsed in the pool's threads: this one only reads, checks and commits.
    jsonlLines: true,
    onBytes: (count) => {
      progress.bytesRead += count;
    },
  });
}

/** Bytes of a file, or of the files under a directory; 0 when it cannot be read (reported later). */
async function sizeOf(path: string): Promise<number> {
  try {
    const stats = await stat(path);
    if (!stats.isDirectory()) return stats.size;
    let total = 0;
    for (const entry of await listFilesRecursively(path)) {
      if (entry.error === undefined)
        total += (await stat(join(path, entry.relative)).catch(() => null))?.size ?? 0;
    }
    return total;
  } catch {
    return 0;
  }
}
