import { readdirSync, readFileSync } from 'node:fs';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';

/** The example story shipped with the project: one Reuters story, a spin and a translated rewrite. */
export const EXAMPLE_DIRECTORY = new URL('../../../examples/nato-russia/', import.meta.url);

export function exampleArticles(): Article[] {
  return readdirSync(EXAMPLE_DIRECTORY)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) =>
      extractArticle({
        input: name,
        format: 'text',
        content: readFileSync(new URL(name, EXAMPLE_DIRECTORY), 'utf8'),
        encoding: 'utf-8',
      }),
    );
}
