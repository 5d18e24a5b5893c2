import type { Article, InputFormat, RawDocument } from './article.js';

/**
 * Version of the document shapes below. Whatever stores or sends documents records it and
 * refuses a version it does not know.
 */
export const DOCUMENT_VERSION = 1;

/**
 * A raw document as plain data: what was read (decoded text, its format and encoding) with a
 * stable identity. `id` is the content id, a hash of the decoded text, so the same text read
 * twice, under any name, has the same id. Survives JSON, structuredClone and worker messages.
 */
export interface SourceDocument {
  version: typeof DOCUMENT_VERSION;
  /** Content id: hex SHA-256 of `content` (first 32 digits). */
  id: string;
  /** The name the user gave: a path, "-" for stdin, "file.jsonl#id" for records. */
  name: string;
  format: InputFormat;
  content: string;
  encoding: string;
  meta?: RawDocument['meta'];
}

/** A document after extraction: its identity and the article found in it (plain data too). */
export interface ExtractedDocument {
  version: typeof DOCUMENT_VERSION;
  id: string;
  name: string;
  article: Article;
}

/** A document that could not be read or extracted: its name and one line saying why. */
export interface DocumentFailure {
  name: string;
  message: string;
}
