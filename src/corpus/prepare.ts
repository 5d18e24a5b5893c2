import { contentId } from '../engine/content-id.js';
import { WiretraceError } from '../errors.js';
import { normaliseDate } from '../extract/dates.js';
import { extractArticle } from '../extract/index.js';
import {
  type DocumentFingerprint,
  fingerprintKeys,
  fingerprintText,
} from '../fingerprint/document-fingerprint.js';
import type { Article, RawDocument } from '../model/article.js';
import { canonicalText } from '../text/normalize.js';
import { articleFromText } from '../text/plain-article.js';

/** A document ready for the corpus: its article, names, content id and fingerprint. */
export interface PreparedDocument {
  article: Article;
  /** The caller's id: the record's id, else its URL, else the input's name. */
  id: string;
  contentId: string;
  source: string | null;
  fingerprint: DocumentFingerprint;
  keys: number[];
}

/**
 * Extracts, names and fingerprints one raw document. JSON Lines `text` is story text as given
 * (crawls ship extracted text); pages (`html`, HTML and text files) go through extraction.
 * Throws a WiretraceError for a document with no story.
 */
export function prepareDocument(raw: RawDocument): PreparedDocument {
  const article = articleOf(raw);
  if (article.text.trim() === '') throw new WiretraceError('INPUT_EMPTY', 'no text', raw.input);
  const fingerprint = fingerprintText(article.text);
  return {
    article,
    id: raw.meta?.id || raw.meta?.url || raw.input,
    contentId: contentIdOf(article.text),
    source: raw.meta?.source ?? article.siteName ?? null,
    fingerprint,
    keys: fingerprintKeys(fingerprint),
  };
}

function articleOf(raw: RawDocument): Article {
  const isRecordText = raw.meta !== undefined && raw.format === 'text';
  if (!isRecordText) return extractArticle(raw);
  const meta = raw.meta ?? {};
  const published = meta.published === undefined ? null : normaliseDate(meta.published);
  return {
    ...articleFromText(raw.input, raw.content),
    title: meta.title ?? null,
    url: meta.url ?? null,
    published,
    publishedFrom: published === null ? null : 'jsonl',
    publishedConfidence: published === null ? null : 1,
  };
}

/** The same story text (whatever its spacing, case or typography) always gets the same id. */
export function contentIdOf(text: string): string {
  return contentId(canonicalText(text));
}

/** An article rebuilt from a stored document, for the full comparison. */
export function storedArticle(
  input: string,
  text: string,
  title: string | null,
  published: string | null,
): Article {
  return {
    ...articleFromText(input, text),
    title,
    published,
    publishedFrom: published === null ? null : 'jsonl',
    publishedConfidence: published === null ? null : 1,
  };
}
