/**
 * The service layer: from raw documents to results and their JSON shapes. The CLI calls it
 * today; an HTTP server or a corpus can call it the same way. Every function takes the engine
 * to run on and never throws for one bad document: it is listed in `failures` and the rest go on.
 *
 *   const engine = createEngine();
 *   const { documents, failures } = await extractDocuments(engine, raws);
 *   const { result, json } = await traceDocuments(engine, documents);
 */
export { type CompareOutcome, compareDocuments } from './compare.js';
export { type ExtractOutcome, extractDocuments } from './extract.js';
export { type TraceOutcome, traceDocuments } from './trace.js';
