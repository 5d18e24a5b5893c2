import { WiretraceError } from '../errors.js';
import type { Article, BoilerplateBlock, RawDocument } from '../model/article.js';
import type { Span } from '../model/span.js';
import { MappedTextBuilder } from '../text/offsets.js';
import type { BlockLabel } from './classify-blocks.js';
import { normaliseDate } from './dates.js';
import { detectLanguage } from './language.js';
import { nonEmpty } from './non-empty.js';
import { choosePublished, type DateClue, type PublishedDate } from './published-date.js';
import type { TextBlock } from './text-block.js';
import { dateFromUrl } from './url-date.js';

/** Metadata found by extraction, before the document's own metadata overrides it. */
export interface FoundMetadata {
  title: string | null;
  /** Publication dates stated in the document (the URL's is added here). */
  dateClues: DateClue[];
  modified: string | null;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  canonicalUrl: string | null;
  /** A language the document declares (HTML lang), used when detection is unsure. */
  declaredLanguage: string | null;
}

const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Builds the Article: story blocks become paragraphs joined by "\n\n", with an offset map
 * from every piece back into the input; chrome blocks become boilerplate records.
 */
export function assembleArticle(
  raw: RawDocument,
  blocks: readonly TextBlock[],
  labels: readonly BlockLabel[],
  found: FoundMetadata,
): Article {
  const builder = new MappedTextBuilder();
  const paragraphs: Span[] = [];
  const boilerplate: BoilerplateBlock[] = [];
  blocks.forEach((block, index) => {
    const label = labels[index] ?? 'other';
    if (label !== 'story') {
      boilerplate.push({ kind: label, start: block.start, end: block.end, text: block.text });
      return;
    }
    if (paragraphs.length > 0) builder.appendSeparator(PARAGRAPH_SEPARATOR);
    const start = builder.size;
    block.pieces.forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) builder.appendSeparator(piece.gapBefore);
      builder.appendFrom(piece.text, piece.start, piece.end);
    });
    paragraphs.push({ start, end: builder.size });
  });
  const text = builder.toString();
  if (text.trim() === '') throw new WiretraceError('INPUT_EMPTY', 'no article text found', raw.input);
  boilerplate.sort((a, b) => a.start - b.start || a.end - b.end);

  const meta = raw.meta ?? {};
  const url = nonEmpty(meta.url) ?? found.url;
  const recordDate = meta.published === undefined ? null : normaliseDate(meta.published);
  const published = publishedDate(recordDate, found, [url, found.canonicalUrl]);
  return {
    input: raw.input,
    format: raw.format,
    encoding: raw.encoding,
    content: raw.content,
    text,
    paragraphs,
    origin: builder.map,
    title: nonEmpty(meta.title) ?? found.title,
    published: published?.iso ?? null,
    publishedFrom: published?.from ?? null,
    publishedConfidence: published?.confidence ?? null,
    modified: found.modified,
    byline: nonEmpty(meta.source) ?? found.byline,
    siteName: found.siteName,
    url,
    canonicalUrl: found.canonicalUrl,
    language: detectLanguage(text) ?? found.declaredLanguage,
    boilerplate,
  };
}

/**
 * The record's own date when it gives one (in ISO 8601, whatever its wording), else the best
 * supported of the document's clues.
 */
function publishedDate(
  recordDate: string | null,
  found: FoundMetadata,
  urls: ReadonlyArray<string | null>,
): PublishedDate | null {
  if (recordDate !== null) return { iso: recordDate, from: 'jsonl', confidence: 1 };
  const urlDate = urls.map(dateFromUrl).find((date) => date !== null) ?? null;
  const clues =
    urlDate === null ? found.dateClues : [...found.dateClues, { iso: urlDate, from: 'url' as const }];
  return choosePublished(clues, found.modified);
}
