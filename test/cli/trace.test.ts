import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ChangeType } from '../../src/model/change.js';
import type { ChangeJson, CitationJson, EdgeJson, TraceJson } from '../../src/report/json.js';
import {
  type CliRun,
  describeRun,
  EXAMPLE_DIR,
  EXAMPLE_FILES,
  type ExtractedDocument,
  extractDocuments,
  hasAnsiEscapes,
  makeTempDir,
  parseJson,
  REWRITE,
  readRepoFile,
  runCli,
  SPUN,
  type TempDir,
  WIRE,
} from './run-cli.js';

/** Changes about the page around the story, which are meant to cite page chrome. */
const PAGE_CHANGE_TYPES: ReadonlySet<ChangeType> = new Set([
  'teaser-added',
  'ad-added',
  'attribution-dropped',
]);

function findEdge(trace: TraceJson, source: string, copy: string): EdgeJson {
  const edge = trace.stories
    .flatMap((story) => story.edges)
    .find((e) => e.source === source && e.copy === copy);
  assert.ok(edge, `no edge ${source} -> ${copy} in ${JSON.stringify(trace.stories.map((s) => s.edges))}`);
  return edge;
}

function changeSummary(changes: readonly ChangeJson[]): string {
  return changes.map((change) => `${change.type}: ${change.source?.text} -> ${change.copy?.text}`).join('\n');
}

/** Citations of an edge with the document each one quotes. */
function citationsOf(edge: EdgeJson): Array<{ input: string; citation: CitationJson; type: ChangeType }> {
  return edge.changes.flatMap((change) => [
    ...(change.source === null ? [] : [{ input: edge.source, citation: change.source, type: change.type }]),
    ...(change.copy === null ? [] : [{ input: edge.copy, citation: change.copy, type: change.type }]),
  ]);
}

function overlapsChrome(document: ExtractedDocument, start: number, end: number): string | null {
  const block = document.boilerplate.find((chrome) => start < chrome.end && chrome.start < end);
  return block === undefined ? null : `${block.kind} [${block.start}, ${block.end})`;
}

const TRACE_JSON_ARGS = ['trace', ...EXAMPLE_FILES, '--json'];

let temp: TempDir;
let reportPath: string;
/** `trace --json`, run twice to check the output is deterministic. */
let jsonRun: CliRun;
let jsonRunAgain: CliRun;
/** `trace --html FILE` without --json: the human report on stdout. */
let reportRun: CliRun;
let trace: TraceJson;
let extracted: Map<string, ExtractedDocument>;

before(async () => {
  temp = makeTempDir();
  reportPath = join(temp.path, 'report.html');
  // The runs are independent: side by side they take the time of the slowest.
  [jsonRun, jsonRunAgain, reportRun, extracted] = await Promise.all([
    runCli(TRACE_JSON_ARGS),
    runCli(TRACE_JSON_ARGS),
    runCli(['trace', ...EXAMPLE_FILES, '--html', reportPath]),
    extractDocuments(EXAMPLE_FILES),
  ]);
  assert.equal(jsonRun.status, 0, describeRun(jsonRun));
  trace = parseJson<TraceJson>(jsonRun.stdout);
});
after(() => temp.remove());

describe('trace --json on examples/nato-russia', () => {
  it('finds one story of the three documents, rooted at the Reuters wire copy', () => {
    assert.equal(trace.stories.length, 1, JSON.stringify(trace.stories.map((s) => s.documents)));
    const [story] = trace.stories;
    assert.deepEqual([...story!.documents].sort(), [...EXAMPLE_FILES].sort());
    assert.equal(story!.root, WIRE);
    assert.deepEqual(
      trace.documents.map((document) => document.input),
      [...EXAMPLE_FILES],
    );
  });

  it('reads the example directory as the same three documents, none unrelated', async () => {
    const run = await runCli(['trace', `${EXAMPLE_DIR}/`, '--json']);
    assert.equal(run.status, 0, describeRun(run));
    const fromDirectory = parseJson<TraceJson>(run.stdout);
    assert.equal(fromDirectory.stories.length, 1);
    assert.deepEqual(fromDirectory.unrelated, []);
    assert.equal(fromDirectory.stories[0]!.documents.length, 3);
  });

  it('makes 000 a spun copy and 002 a rewrite of 001', () => {
    const [story] = trace.stories;
    assert.equal(story!.edges.length, 2);
    assert.equal(findEdge(trace, WIRE, SPUN).relation, 'spun');
    assert.equal(findEdge(trace, WIRE, REWRITE).relation, 'rewrite');
  });

  it('lists the spinner’s synonym swap adversary -> rival and its quotes turned into reported speech', () => {
    const { changes } = findEdge(trace, WIRE, SPUN);
    const swap = changes.find(
      (change) => change.source?.text.includes('adversary') && change.copy?.text.includes('rival'),
    );
    assert.ok(swap, changeSummary(changes));
    const reported = changes.filter((change) => change.type === 'quote-to-reported');
    assert.ok(reported.length >= 2, changeSummary(changes));
  });

  it('lists the translation’s misspelt name Antony -> Anthony and deterrence -> containment', () => {
    const { changes } = findEdge(trace, WIRE, REWRITE);
    const misspelt = changes.find(
      (change) =>
        change.type === 'name-misspelt' &&
        change.source?.text === 'Antony' &&
        change.copy?.text === 'Anthony',
    );
    assert.ok(misspelt, changeSummary(changes));
    const shift = changes.find(
      (change) => change.source?.text.includes('deterrence') && change.copy?.text.includes('containment'),
    );
    assert.ok(shift, changeSummary(changes));
  });

  it('gives change citations whose offsets slice the input file', () => {
    const contents = new Map<string, string>(EXAMPLE_FILES.map((file) => [file, readRepoFile(file)]));
    const citations = trace.stories.flatMap((story) => story.edges).flatMap(citationsOf);
    assert.ok(citations.length > 10);
    for (const { input, citation, type } of citations) {
      const sliced = contents.get(input)!.slice(citation.start, citation.end);
      assert.equal(
        sliced,
        citation.text,
        `${type} citation [${citation.start}, ${citation.end}) of ${input}`,
      );
    }
  });

  it('quotes story text, not page chrome, as evidence passages', () => {
    const edges = trace.stories.flatMap((story) => story.edges);
    const passages = edges.flatMap((edge) =>
      edge.evidence.flatMap((item) =>
        item.type === 'passage'
          ? [
              { input: edge.source, snippet: item.source },
              { input: edge.copy, snippet: item.copy },
            ]
          : [],
      ),
    );
    assert.ok(passages.length > 0, 'no passage evidence');
    for (const { input, snippet } of passages) {
      const chrome = overlapsChrome(extracted.get(input)!, snippet.start, snippet.end);
      assert.equal(chrome, null, `evidence “${snippet.text}” of ${input} overlaps ${chrome}`);
    }
  });

  it('cites story text, not page chrome, for changes to the story', () => {
    const citations = trace.stories
      .flatMap((story) => story.edges)
      .flatMap(citationsOf)
      .filter(({ type }) => !PAGE_CHANGE_TYPES.has(type));
    for (const { input, citation, type } of citations) {
      const chrome = overlapsChrome(extracted.get(input)!, citation.start, citation.end);
      assert.equal(chrome, null, `${type} citation “${citation.text}” of ${input} overlaps ${chrome}`);
    }
  });

  it('prints byte-identical JSON when run twice', () => {
    assert.equal(jsonRunAgain.status, 0, describeRun(jsonRunAgain));
    assert.ok(jsonRunAgain.stdout === jsonRun.stdout, 'the second run printed different JSON');
  });
});

describe('trace without --json, with --html', () => {
  it('prints a human report with the family tree and no colour codes when stdout is not a terminal', () => {
    assert.equal(reportRun.status, 0, describeRun(reportRun));
    assert.match(reportRun.stdout, /[├└]─/);
    for (const file of EXAMPLE_FILES)
      assert.ok(reportRun.stdout.includes(file), `the report does not name ${file}`);
    assert.equal(hasAnsiEscapes(reportRun.stdout), false, 'ANSI escape codes in piped output');
    assert.equal(reportRun.stderr, '');
  });

  it('writes a self-contained HTML report with an SVG tree', () => {
    assert.ok(existsSync(reportPath), describeRun(reportRun));
    const html = readFileSync(reportPath, 'utf8');
    assert.match(html, /^<!doctype html/i);
    assert.ok(html.includes('<svg'), 'no <svg> in the report');
    const external = html.match(/\b(?:src|href)\s*=\s*["']?\s*https?:\/\/[^"'\s>]*/gi) ?? [];
    assert.deepEqual(external, [], 'the report loads external resources');
    const cssImports = html.match(/(?:url\(\s*["']?|@import\s+["']?)https?:\/\/[^"')\s]*/gi) ?? [];
    assert.deepEqual(cssImports, [], 'the report’s CSS loads external resources');
  });
});
