/** Renderers: pure functions from trace and compare results to JSON values and strings. */
export { renderCompareHtml, renderTraceHtml } from './html.js';
export type {
  ChangeJson,
  CitationJson,
  CompareJson,
  DocumentJson,
  EdgeJson,
  EvidenceJson,
  JsonRange,
  PassageEvidence,
  PassageJson,
  PassageSummaryEvidence,
  SignalEvidence,
  SignalJson,
  SnippetJson,
  StatsJson,
  StoryJson,
  TraceJson,
} from './json.js';
export { compareToJson, traceToJson } from './json.js';
export type { TerminalOptions } from './terminal.js';
export { renderCompareTerminal, renderTraceTerminal } from './terminal.js';
