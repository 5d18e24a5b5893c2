export {
  type AddOptions,
  type AddSummary,
  Corpus,
  type CorpusMatch,
  type CorpusOptions,
  type CorpusStory,
  DEFAULT_CORPUS_PATH,
  openCorpus,
} from './corpus.js';
export { type ReadProgress, readCorpusInputs } from './read-documents.js';
