import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../src/ingest/index.js';

/** Reads a dataset text file in whatever encoding it was saved in (the corpora mix them). */
export function readText(path: string): string {
  return decodeBytes(readFileSync(path), { html: false }).text;
}

export interface CloughItem {
  file: string;
  task: string;
  category: 'cut' | 'light' | 'heavy' | 'non';
  text: string;
  source: string;
  /** The answer's file and its task's source file, for scoring through the CLI's own path. */
  path: string;
  sourcePath: string;
}

/** Clough & Stevenson short answers with the Wikipedia source of their task. */
export function loadClough(directory: string): CloughItem[] {
  const lines = readText(join(directory, 'labels.csv')).trim().split(/\r?\n/).slice(1);
  const sources = new Map<string, string>();
  const items: CloughItem[] = [];
  for (const line of lines) {
    const [file, task, category] = line.split(',').map((cell) => cell.trim()) as [string, string, string];
    if (category === 'orig') continue;
    if (!sources.has(task)) sources.set(task, readText(join(directory, `orig_task${task}.txt`)));
    items.push({
      file,
      task,
      category: category as CloughItem['category'],
      text: readText(join(directory, file)),
      source: sources.get(task)!,
      path: join(directory, file),
      sourcePath: join(directory, `orig_task${task}.txt`),
    });
  }
  return items;
}

export interface ParaphrasePair {
  id: string;
  paraphrase: boolean;
  a: string;
  b: string;
}

/** MSRP: tab-separated Quality, #1 ID, #2 ID, #1 String, #2 String, no quoting. */
export function loadMsrp(path: string): ParaphrasePair[] {
  const lines = readText(path)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1);
  const pairs: ParaphrasePair[] = [];
  for (const line of lines) {
    const cells = line.split('\t');
    if (cells.length < 5) continue;
    pairs.push({ id: `${cells[1]}-${cells[2]}`, paraphrase: cells[0] === '1', a: cells[3]!, b: cells[4]! });
  }
  return pairs;
}
