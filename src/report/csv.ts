/**
 * CSV renderers (RFC 4180, through csv-stringify): one header line, then one row per document,
 * pair, edge or change. Column names follow the JSON field names. Text cells are cleaned of
 * control characters (a spreadsheet or a terminal would act on them); offsets are into the
 * decoded input, as in the JSON output.
 */
import { stringify } from 'csv-stringify/sync';
import type { ChangeJson, CompareJson, ExtractJson, TraceJson } from './json.js';
import { stripControls } from './terminal-safe.js';

type Cell = string | number | null;

function csv(rows: ReadonlyArray<readonly Cell[]>): string {
  const cleaned = rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? stripControls(cell) : cell)),
  );
  return stringify(cleaned, { record_delimiter: '\n' });
}

export const EXTRACT_CSV_COLUMNS = [
  'input',
  'title',
  'published',
  'byline',
  'siteName',
  'language',
  'url',
  'encoding',
  'text',
] as const;

export function extractCsvHeader(): string {
  return csv([EXTRACT_CSV_COLUMNS]);
}

export function extractCsvRow(document: ExtractJson): string {
  return csv([EXTRACT_CSV_COLUMNS.map((column) => document[column])]);
}

const COMPARE_COLUMNS = [
  'a',
  'b',
  'relation',
  'score',
  'direction',
  'confidence',
  'passages',
  'changes',
] as const;

/** `compare A B --format csv`: the header and one row with the pair's verdict and counts. */
export function compareCsv(result: CompareJson): string {
  return csv([
    COMPARE_COLUMNS,
    [
      result.a,
      result.b,
      result.relation,
      result.score,
      result.direction,
      result.confidence,
      result.passages.length,
      result.changes.length,
    ],
  ]);
}

const PAIRS_COLUMNS = ['id', 'relation', 'score', 'direction', 'confidence', 'changes', 'error'] as const;

export function pairsCsvHeader(): string {
  return csv([PAIRS_COLUMNS]);
}

/** One row of `compare --pairs FILE --format csv`; a line that failed has only its id and error. */
export function pairsCsvRow(
  id: string | null,
  result: Omit<CompareJson, 'a' | 'b'> | null,
  error?: string,
): string {
  if (result === null) return csv([[id, null, null, null, null, null, error ?? null]]);
  return csv([
    [id, result.relation, result.score, result.direction, result.confidence, result.changes.length, null],
  ]);
}

const EDGE_COLUMNS = ['story', 'source', 'copy', 'relation', 'score', 'confidence', 'changes'] as const;

/** `trace --format csv`: one row per edge (a copy and the document it was made from). */
export function traceEdgesCsv(trace: TraceJson): string {
  const rows: Cell[][] = [];
  for (const story of trace.stories) {
    for (const edge of story.edges) {
      rows.push([
        story.id,
        edge.source,
        edge.copy,
        edge.relation,
        edge.score,
        edge.confidence,
        edge.changes.length,
      ]);
    }
  }
  return csv([EDGE_COLUMNS, ...rows]);
}

const CHANGE_COLUMNS = [
  'story',
  'source',
  'copy',
  'type',
  'sourceText',
  'sourceStart',
  'sourceEnd',
  'copyText',
  'copyStart',
  'copyEnd',
  'note',
] as const;

function changeCells(change: ChangeJson): Cell[] {
  return [
    change.type,
    change.source?.text ?? null,
    change.source?.start ?? null,
    change.source?.end ?? null,
    change.copy?.text ?? null,
    change.copy?.start ?? null,
    change.copy?.end ?? null,
    change.note,
  ];
}

/** `trace --changes-csv FILE`: one row per change of every edge, offsets into each side's input. */
export function traceChangesCsv(trace: TraceJson): string {
  const rows: Cell[][] = [];
  for (const story of trace.stories) {
    for (const edge of story.edges) {
      for (const change of edge.changes)
        rows.push([story.id, edge.source, edge.copy, ...changeCells(change)]);
    }
  }
  return csv([CHANGE_COLUMNS, ...rows]);
}
