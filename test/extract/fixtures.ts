import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { RawDocument } from '../../src/model/article.js';

/** test/fixtures/extract, found from the compiled test (dist/test/extract) or the source. */
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/extract/', import.meta.url));

export const SEED_NAMES = [
  '000_31f6c2312a741652.txt',
  '001_91a7594f1c02de45.txt',
  '002_8e4e4f2d4b117ffc.txt',
] as const;

/** A seed page as the ingest step would hand it over. */
export function seedDocument(name: string): RawDocument {
  const content = readFileSync(`${FIXTURES}seeds/${name}`, 'utf8');
  return { input: name, format: 'text', content, encoding: 'utf-8' };
}

/** Ids of the benchmark pages kept as fixtures. */
export function benchmarkIds(): string[] {
  return readdirSync(`${FIXTURES}aeb`)
    .filter((name) => name.endsWith('.expected.txt'))
    .map((name) => name.slice(0, -'.expected.txt'.length))
    .sort();
}

export function benchmarkPage(id: string, track: 'html' | 'text'): RawDocument {
  const content =
    track === 'html'
      ? gunzipSync(readFileSync(`${FIXTURES}aeb/${id}.html.gz`)).toString('utf8')
      : readFileSync(`${FIXTURES}aeb/${id}.txt`, 'utf8');
  return { input: `${id}.${track}`, format: track, content, encoding: 'utf-8' };
}

export function benchmarkExpected(id: string): string {
  return readFileSync(`${FIXTURES}aeb/${id}.expected.txt`, 'utf8');
}
