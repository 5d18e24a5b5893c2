import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/extract/index.js';
import { isInputFailure, readInputs } from '../src/ingest/index.js';
import type { Article, RawDocument } from '../src/model/article.js';

/**
 * Golden extraction cases: one folder per case holding the input as it was found (`input.html`,
 * `input.html.gz`, `input.txt`, …), `expected.txt` (the story text, paragraphs separated by a
 * blank line) and `expected.json` (metadata fields to check, plus the notes in CASE_NOTES).
 * Shared by the golden tests, the benchmark and scripts/add-extract-case.mjs.
 */
export const GOLDEN_DIRECTORY = fileURLToPath(
  new URL('../../test/fixtures/extract/golden/', import.meta.url),
);

/**
 * Keys of expected.json that describe the case rather than the article. `knownWrong` lists
 * metadata fields whose expected value is right but not what the extractor gives today: their
 * test checks that they are still wrong, so that the list is cleared once they are fixed.
 */
export const CASE_NOTES = ['minimumF1', 'knownWrong', 'source', 'licence', 'note'] as const;

/** Article fields that are not metadata: where the input came from, and the text itself. */
const NOT_METADATA = new Set(['input', 'content', 'text']);

export interface GoldenCase {
  name: string;
  /** The input file, read through the real ingest path. */
  inputPath: string;
  expectedText: string;
  /** Expected metadata, field by field; fields the file leaves out are not checked. */
  metadata: Record<string, unknown>;
  /**
   * The benchmark shingle F1 the extraction must reach against expectedText. Below 1 the
   * expected text is a reference (a benchmark's ground truth, or the right answer where the
   * extractor still falls short), not the extractor's own output.
   */
  minimumF1: number;
  knownWrong: string[];
  notes: Record<string, unknown>;
}

export function goldenCaseNames(directory = GOLDEN_DIRECTORY): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readGoldenCase(name: string, directory = GOLDEN_DIRECTORY): GoldenCase {
  const folder = join(directory, name);
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, unknown>;
  const metadata: Record<string, unknown> = {};
  const notes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(expected)) {
    if ((CASE_NOTES as readonly string[]).includes(key)) notes[key] = value;
    else metadata[key] = value;
  }
  return {
    name,
    inputPath: inputFile(folder),
    expectedText: readFileSync(join(folder, 'expected.txt'), 'utf8'),
    metadata,
    minimumF1: typeof notes.minimumF1 === 'number' ? notes.minimumF1 : 1,
    knownWrong: Array.isArray(notes.knownWrong) ? notes.knownWrong.map(String) : [],
    notes,
  };
}

/** The one file of a case folder named `input` or `input.<extension>`. */
export function inputFile(folder: string): string {
  const inputs = readdirSync(folder).filter((name) => name === 'input' || name.startsWith('input.'));
  if (inputs.length !== 1) throw new Error(`${folder}: expected one input file, found ${inputs.length}`);
  return join(folder, inputs[0]!);
}

/** The document in an input file as the command line would read it (one document per case). */
export async function readDocument(path: string): Promise<RawDocument> {
  const documents: RawDocument[] = [];
  for await (const item of readInputs([path])) {
    if (isInputFailure(item)) throw item.error;
    documents.push(item);
  }
  if (documents.length !== 1) throw new Error(`${path}: expected one document, found ${documents.length}`);
  return documents[0]!;
}

export async function extractFile(path: string): Promise<Article> {
  return extractArticle(await readDocument(path));
}

/** The article's metadata: every plain-valued field except where it came from and its text. */
export function articleMetadata(article: Article): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(article)) {
    if (NOT_METADATA.has(key)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) metadata[key] = value;
  }
  return metadata;
}

/** Paragraphs with runs of whitespace made single spaces, for comparing texts by content. */
export function normalisedParagraphs(text: string): string[] {
  return text
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}
