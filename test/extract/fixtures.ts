import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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

/** A made-up local story, the body of the made-up pages of the extraction error tallies' tests. */
export const MILL_STORY = [
  'The old mill on the river will be turned into a museum of local crafts, the council decided on Tuesday.',
  'Members voted eleven to four in favour of the plan, which a heritage grant will largely pay for.',
  'Work on the roof, which has leaked for years, is expected to start in the spring, the builders said.',
  'The first rooms could open to visitors by the end of next year, if the work goes well, the council said.',
] as const;

/** A page set of one made-up page, laid out as the development sets are: `html/page.html.gz` and a truth file. */
export function writeOnePageSet(folder: string, page: string, truthFile: string, truth: object): string {
  mkdirSync(join(folder, 'html'), { recursive: true });
  writeFileSync(join(folder, 'html', 'page.html.gz'), gzipSync(page));
  writeFileSync(join(folder, truthFile), JSON.stringify(truth));
  return folder;
}
