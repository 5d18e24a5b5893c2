import { contentId } from '../engine/content-id.js';
import { type ErrorCode, isWiretraceError, WiretraceError } from '../errors.js';
import { normaliseDate } from '../extract/dates.js';
import { extractArticle } from '../extract/index.js';
import {
  type DocumentFingerprint,
  fingerprintKeys,
  fingerprintText,
} from '../fingerprint/document-fingerprint.js';
import { FingerprintScratch } from '../fingerprint/scratch.js';
import type { InputFailure } from '../ingest/input-failure.js';
import { type NameClaim, parseJsonlLine } from '../ingest/jsonl-records.js';
import type { Article, RawDocument } from '../model/article.js';
import { packText } from '../store/packed-text.js';
import { canonicalText } from '../text/normalize.js';
import { articleFromText } from '../text/plain-article.js';

/**
 * A document ready for the corpus: its names, story text, content id and fingerprint. Plain
 * data (no class instances), so a pool thread can prepare it and hand it back.
 */
export interface PreparedDocument {
  /** The caller's id: the record's id, else its URL, else the input's name. */
  id: string;
  contentId: string;
  source: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  input: string;
  /**
   * The story text that stored passage offsets refer to, packed for the store in the thread that
   * prepared it (unpackText): the text itself does not go back to the committing thread, whose
   * garbage collector would copy every batch's texts, and which reads one only to compare it.
   */
  packedText: Uint8Array;
  /** The text's length in UTF-16 code units (an identical copy's passage spans it whole). */
  textLength: number;
  fingerprint: DocumentFingerprint;
  keys: number[];
}

/** Why a document could not be prepared, as plain data (an error does not cross threads whole). */
export interface PrepareFailure {
  input: string;
  code: ErrorCode;
  detail: string;
}

/**
 * Extracts, names and fingerprints one raw document. JSON Lines `text` is story text as given
 * (crawls ship extracted text); pages (`html`, HTML and text files) go through extraction.
 * Throws a WiretraceError for a document with no story.
 */
export function prepareDocument(
  raw: RawDocument,
  scratch: FingerprintScratch = new FingerprintScratch(),
): PreparedDocument {
  const article = articleOf(raw);
  if (article.text.trim() === '') throw new WiretraceError('INPUT_EMPTY', 'no text', raw.input);
  const fingerprint = fingerprintText(article.text, scratch);
  return {
    id: raw.meta?.id || raw.meta?.url || raw.input,
    contentId: contentIdOf(article.text),
    source: raw.meta?.source ?? article.siteName ?? null,
    url: article.url,
    title: article.title,
    published: article.published,
    input: article.input,
    packedText: packText(article.text),
    textLength: article.text.length,
    fingerprint,
    keys: fingerprintKeys(fingerprint),
  };
}

/**
 * A JSON Lines record's name as its reading thread settles it (settleName, in file order): the
 * claim, and whether the document's id is that name (the record has no id or URL of its own).
 */
export interface PendingName {
  claim: NameClaim;
  idIsName: boolean;
}

/** What preparing a document gives: the document or why not, with the name still to settle for a record. */
export type Prepared = (PreparedDocument | PrepareFailure) & { pendingName?: PendingName };

/**
 * Parses and prepares one JSON Lines record from its bytes; named by its own name until the
 * reading thread settles it (see PendingName).
 */
export function prepareLine(
  file: string,
  line: number,
  bytes: Uint8Array,
  scratch?: FingerprintScratch,
): Prepared {
  const parsed = parseJsonlLine(file, line, bytes);
  if (parsed === null) {
    return { input: `${file}:${line}`, code: 'INPUT_EMPTY', detail: 'blank line' };
  }
  if ('error' in parsed) return failureOf(parsed.error, parsed.input);
  const { meta } = parsed.document;
  const idIsName = !meta?.id && !meta?.url;
  return { ...prepareOrFailure(parsed.document, scratch), pendingName: { claim: parsed.claim, idIsName } };
}

/** The prepared document or failure under the name the record settled on. */
export function renamed(prepared: Prepared, name: string): PreparedDocument | PrepareFailure {
  const { pendingName, ...result } = prepared;
  if (pendingName === undefined || result.input === name) return result;
  if (isPrepareFailure(result)) return { ...result, input: name };
  return { ...result, input: name, id: pendingName.idIsName ? name : result.id };
}

/** prepareDocument, with any failure returned as data: one bad document never loses a batch. */
export function prepareOrFailure(
  raw: RawDocument,
  scratch?: FingerprintScratch,
): PreparedDocument | PrepareFailure {
  try {
    return prepareDocument(raw, scratch);
  } catch (error) {
    return failureOf(error, raw.input);
  }
}

/** A failure as data, named by the input the error names, else `input`. */
function failureOf(error: unknown, input: string): PrepareFailure {
  if (isWiretraceError(error)) {
    const prefix = `${error.input ?? input}: `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { input: error.input ?? input, code: error.code, detail };
  }
  // An unexpected failure on one document must not lose the batch: report it and go on.
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { input, code: 'INPUT_MALFORMED', detail: `cannot process (${reason})` };
}

export function isPrepareFailure(value: PreparedDocument | PrepareFailure): value is PrepareFailure {
  return 'code' in value;
}

export function asInputFailure(failure: PrepareFailure): InputFailure {
  return { input: failure.input, error: new WiretraceError(failure.code, failure.detail, failure.input) };
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
