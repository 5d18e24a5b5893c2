import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
