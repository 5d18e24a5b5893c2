export { contentId } from './content-id.js';
export { toRawDocument, toSourceDocument, uniqueDocuments } from './documents.js';
export { createEngine, type Engine, type EngineOptions } from './engine.js';
