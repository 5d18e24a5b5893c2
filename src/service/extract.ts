import { toSourceDocument, uniqueDocuments } from '../engine/documents.js';
import type { Engine } from '../engine/engine.js';
import { WiretraceError } from '../errors.js';
import type { RawDocument } from '../model/article.js';
import type { DocumentFailure, ExtractedDocument, SourceDocument } from '../model/document.js';

export interface ExtractOutcome {
  /** The documents an article was found in, in input order; the same input given twice once. */
  documents: ExtractedDocument[];
  /** The documents that held no article or could not be read, each with one line saying why. */
  failures: DocumentFailure[];
}

/**
 * Extracts the article of every document (raw documents as read, or SourceDocuments with their
 * content id). A document that fails is listed in `failures`; the others are kept.
 */
export async function extractDocuments(
  engine: Engine,
  inputs: Iterable<RawDocument | SourceDocument>,
): Promise<ExtractOutcome> {
  const documents: ExtractedDocument[] = [];
  const failures: DocumentFailure[] = [];
  for (const document of uniqueDocuments(Array.from(inputs, asSourceDocument))) {
    try {
      documents.push(engine.extract(document));
    } catch (error) {
      failures.push({ name: document.name, message: failureMessage(error) });
    }
  }
  return { documents, failures };
}

function asSourceDocument(input: RawDocument | SourceDocument): SourceDocument {
  return 'version' in input ? input : toSourceDocument(input);
}

function failureMessage(error: unknown): string {
  if (error instanceof WiretraceError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
