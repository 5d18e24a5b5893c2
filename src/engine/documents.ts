import type { RawDocument } from '../model/article.js';
import { DOCUMENT_VERSION, type SourceDocument } from '../model/document.js';
import { contentId } from './content-id.js';

/** A raw document as plain, versioned data with its content id. */
export function toSourceDocument(raw: RawDocument): SourceDocument {
  const document: SourceDocument = {
    version: DOCUMENT_VERSION,
    id: contentId(raw.content),
    name: raw.input,
    format: raw.format,
    content: raw.content,
    encoding: raw.encoding,
  };
  if (raw.meta !== undefined) document.meta = raw.meta;
  return document;
}

/** The raw document extraction reads. */
export function toRawDocument(document: SourceDocument): RawDocument {
  const raw: RawDocument = {
    input: document.name,
    format: document.format,
    content: document.content,
    encoding: document.encoding,
  };
  if (document.meta !== undefined) raw.meta = document.meta;
  return raw;
}

/**
 * Documents in input order with repeats left out: the same input given twice (same name, same
 * content) is one document. The same text under two names stays two documents, identical copies.
 */
export function uniqueDocuments<T extends { id: string; name: string }>(documents: Iterable<T>): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const document of documents) {
    const key = `${document.id}\u0000${document.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(document);
  }
  return unique;
}
