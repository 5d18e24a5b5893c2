/**
 * The JSON shapes printed by the CLI (`compare --json`, `trace --json`). These types are a
 * public interface: add fields, never rename or remove them. Every offset is a character
 * offset into the decoded input the user gave (Article.content), every score is rounded to
 * 3 decimals, and the order of every list is deterministic.
 */
import type { AlignmentStats, Passage, PassageKind } from '../model/alignment.js';
import type {
  Article,
  BoilerplateKind,
  HeaderLine,
  PublishedSource,
  ReaderComment,
} from '../model/article.js';
import type { Change, ChangeType, Citation } from '../model/change.js';
import type { DirectionSignal, PairResult, RelationEvidence, RelationKind } from '../model/relation.js';
import type { StoryEdge, TraceResult } from '../model/story.js';
import { spanToSource } from '../text/offsets.js';
import { round3, snippet } from './format.js';
import {
  countPassages,
  edgeSignals,
  indexArticles,
  orientCompare,
  requireArticle,
  spanText,
  strongestPassages,
  toInputSpan,
} from './pair.js';
import { unrelatedInputs } from './tree.js';

/** A half-open range [start, end) of input offsets. */
export type JsonRange = [start: number, end: number];

export interface SignalJson {
  name: string;
  /** Positive: the compare's a (or the edge's source) is the source. Magnitude = strength. */
  vote: number;
  detail: string;
}

export interface PassageJson {
  /** Input offsets in document a, or null when the passage is only in b. */
  a: JsonRange | null;
  b: JsonRange | null;
  /** The kind covering most of a reused passage (see parts). */
  kind: PassageKind;
  similarity: number;
  /** A reused passage's runs of one kind, in order in the copy; absent on dropped and added. */
  parts?: PassagePartJson[];
}

export interface PassagePartJson {
  a: JsonRange;
  b: JsonRange;
  kind: PassageKind;
  similarity: number;
}

export interface CitationJson {
  text: string;
  start: number;
  end: number;
}

export interface ChangeJson {
  type: ChangeType;
  /** Where the source says it (input offsets into the source document), or null. */
  source: CitationJson | null;
  /** Where the copy says it (input offsets into the copy document), or null. */
  copy: CitationJson | null;
  note: string;
}

/**
 * The alignment's summary figures (see AlignmentStats for each field), rounded to 3 decimals and
 * keyed by the compare's own a and b: for a "b->a" comparison the model's …A/…B fields (source
 * and copy) are swapped back. Follows the model, so new figures appear here without renaming.
 */
export type StatsJson = AlignmentStats;

/** Output of `wiretrace compare a b --json`. */
export interface CompareJson {
  a: string;
  b: string;
  relation: RelationKind;
  score: number;
  /** What decided the relation: the learned model, its class probabilities, features and their pull. */
  relationEvidence: RelationEvidence | null;
  /** "a->b": a is the source and b the copy; null when undecided or not derived. */
  direction: 'a->b' | 'b->a' | null;
  confidence: number;
  signals: SignalJson[];
  passages: PassageJson[];
  changes: ChangeJson[];
  stats: StatsJson;
  /** A passage of one text put into the other, most of one of them not reused (still derived). */
  partial: boolean;
  /** Share of the source's (a's when undirected) and of the copy's text inside reused passages. */
  sourceShare: number;
  copyShare: number;
}

/** A checkable excerpt: input offsets plus the story text there (whitespace collapsed, elided). */
export interface SnippetJson {
  start: number;
  end: number;
  text: string;
}

/** How many passages of one kind the pair has, and how many sentences they cover. */
export interface PassageSummaryEvidence {
  type: 'passages';
  kind: PassageKind;
  count: number;
  /** Sentences covered: copy side, or source side for dropped passages. */
  sentences: number;
}

/** The strongest passage of one kind, quoted on both sides. */
export interface PassageEvidence {
  type: 'passage';
  kind: PassageKind;
  similarity: number;
  source: SnippetJson;
  copy: SnippetJson;
}

/** A direction signal; positive votes support "source → copy". */
export interface SignalEvidence {
  type: 'signal';
  name: string;
  vote: number;
  detail: string;
}

export type EvidenceJson = PassageSummaryEvidence | PassageEvidence | SignalEvidence;

export interface EdgeJson {
  source: string;
  copy: string;
  relation: RelationKind;
  score: number;
  /** What decided the relation (see CompareJson). */
  relationEvidence: RelationEvidence | null;
  /** Confidence that the copy was made from the source and not the other way round. */
  confidence: number;
  evidence: EvidenceJson[];
  changes: ChangeJson[];
}

export interface StoryJson {
  id: string;
  documents: string[];
  root: string | null;
  rootConfidence: number;
  edges: EdgeJson[];
}

export interface DocumentJson {
  input: string;
  title: string | null;
  published: string | null;
  /** Where the date was read: "jsonl", "json-ld", "meta", "time", "url" or "dateline". */
  publishedFrom: PublishedSource | null;
  /** 0–1: how sure the date is the day of publication. */
  publishedConfidence: number | null;
  modified: string | null;
  byline: string | null;
  siteName: string | null;
  language: string | null;
  url: string | null;
  canonicalUrl: string | null;
  encoding: string;
}

/** Output of `wiretrace trace … --json`. */
export interface TraceJson {
  stories: StoryJson[];
  /** Inputs related to no other document, in input order. */
  unrelated: string[];
  documents: DocumentJson[];
}

/** Longest text quoted in evidence snippets. */
const SNIPPET_CHARS = 160;

function rangeOf(article: Article, passageSpan: Passage['a']): JsonRange | null {
  if (passageSpan === null) return null;
  const span = toInputSpan(article, passageSpan);
  return [span.start, span.end];
}

function citationJson(citation: Citation | null): CitationJson | null {
  return citation === null ? null : { text: citation.text, start: citation.start, end: citation.end };
}

export function changeToJson(change: Change): ChangeJson {
  return {
    type: change.type,
    source: citationJson(change.source),
    copy: citationJson(change.copy),
    note: change.note,
  };
}

function signalToJson(signal: DirectionSignal): SignalJson {
  return { name: signal.name, vote: round3(signal.vote), detail: signal.detail };
}

type StatsValue = AlignmentStats[keyof AlignmentStats];

function roundFigures(value: StatsValue): StatsValue {
  if (typeof value === 'number') return round3(value);
  return Object.fromEntries(
    Object.entries(value).map(([key, figure]) => [key, round3(figure)]),
  ) as typeof value;
}

/** "coverageA" ↔ "coverageB" when both exist; other names stay. */
function otherSide(key: keyof AlignmentStats, stats: AlignmentStats): keyof AlignmentStats {
  const match = /^(.*[a-z])([AB])$/.exec(key);
  if (match === null) return key;
  const partner = `${match[1]}${match[2] === 'A' ? 'B' : 'A'}`;
  return partner in stats ? (partner as keyof AlignmentStats) : key;
}

function statsToJson(stats: AlignmentStats, swapped: boolean): StatsJson {
  const keys = Object.keys(stats) as Array<keyof AlignmentStats>;
  // Keeps the model's key order; a swapped comparison reads each …A field from its …B partner.
  const entries = keys.map((key) => [key, roundFigures(stats[swapped ? otherSide(key, stats) : key])]);
  return Object.fromEntries(entries) as StatsJson;
}

export function compareToJson(a: Article, b: Article, result: PairResult): CompareJson {
  const { source, copy, swapped } = orientCompare(a, b, result);
  const passages = result.alignment.passages.map((passage): PassageJson => {
    const sourceRange = rangeOf(source, passage.a);
    const copyRange = rangeOf(copy, passage.b);
    return {
      a: swapped ? copyRange : sourceRange,
      b: swapped ? sourceRange : copyRange,
      kind: passage.kind,
      similarity: round3(passage.similarity),
      ...(passage.parts === undefined
        ? {}
        : {
            parts: passage.parts.map((part): PassagePartJson => {
              const sourcePart = rangeOf(source, part.a)!;
              const copyPart = rangeOf(copy, part.b)!;
              return {
                a: swapped ? copyPart : sourcePart,
                b: swapped ? sourcePart : copyPart,
                kind: part.kind,
                similarity: round3(part.similarity),
              };
            }),
          }),
    };
  });
  return {
    a: a.input,
    b: b.input,
    relation: result.relation,
    score: round3(result.score),
    direction: result.direction.direction,
    confidence: round3(result.direction.confidence),
    signals: result.direction.signals.map(signalToJson),
    passages,
    changes: result.changes.map(changeToJson),
    stats: statsToJson(result.alignment.stats, swapped),
    partial: result.partial ?? false,
    sourceShare: round3(result.sourceShare ?? 0),
    copyShare: round3(result.copyShare ?? 0),
    relationEvidence: result.evidence ?? null,
  };
}

function snippetJson(article: Article, span: NonNullable<Passage['a']>): SnippetJson {
  const range = toInputSpan(article, span);
  return { start: range.start, end: range.end, text: snippet(spanText(article, span), SNIPPET_CHARS) };
}

function sentencesCovered(passage: Passage): number {
  const sentences = passage.kind === 'dropped' ? passage.sentencesA : passage.sentencesB;
  return Math.max(1, sentences.length);
}

/** The evidence list of an edge: passage counts by kind, one example per kind, direction signals. */
export function edgeEvidence(source: Article, copy: Article, result: PairResult): EvidenceJson[] {
  const passages = result.alignment.passages;
  const summaries = countPassages(passages).map(
    ({ kind, count }): PassageSummaryEvidence => ({
      type: 'passages',
      kind,
      count,
      sentences: passages
        .filter((passage) => passage.kind === kind)
        .reduce((total, passage) => total + sentencesCovered(passage), 0),
    }),
  );
  const examples = strongestPassages(passages).map(
    (passage): PassageEvidence => ({
      type: 'passage',
      kind: passage.kind,
      similarity: round3(passage.similarity),
      // strongestPassages only returns passages with both sides.
      source: snippetJson(source, passage.a!),
      copy: snippetJson(copy, passage.b!),
    }),
  );
  const signals = edgeSignals(result).map(
    (signal): SignalEvidence => ({ type: 'signal', ...signalToJson(signal) }),
  );
  return [...summaries, ...examples, ...signals];
}

function edgeToJson(edge: StoryEdge, articles: ReadonlyMap<string, Article>): EdgeJson {
  const source = requireArticle(articles, edge.source);
  const copy = requireArticle(articles, edge.copy);
  return {
    source: edge.source,
    copy: edge.copy,
    relation: edge.result.relation,
    score: round3(edge.result.score),
    confidence: round3(edge.result.direction.confidence),
    evidence: edgeEvidence(source, copy, edge.result),
    changes: edge.result.changes.map(changeToJson),
    relationEvidence: edge.result.evidence ?? null,
  };
}

export function traceToJson(result: TraceResult): TraceJson {
  const articles = indexArticles(result.articles);
  return {
    stories: result.stories.map((story) => ({
      id: story.id,
      documents: [...story.documents],
      root: story.root,
      rootConfidence: round3(story.rootConfidence),
      edges: story.edges.map((edge) => edgeToJson(edge, articles)),
    })),
    unrelated: unrelatedInputs(result),
    documents: result.articles.map(documentToJson),
  };
}

/** One line of `wiretrace extract --json`: a document's metadata with its story and chrome. */
export interface ExtractJson extends DocumentJson {
  text: string;
  /** Input offsets of the story paragraphs. */
  paragraphs: JsonRange[];
  /** Input offsets of the page chrome set aside. */
  boilerplate: Array<{ kind: BoilerplateKind; start: number; end: number }>;
  /** Reader comments, apart from the story, when asked for (`--comments`). */
  comments?: ReaderComment[];
  /** The lines from the headline down to the story, apart from it, when asked for (`--header`). */
  header?: HeaderLine[];
}

/** The document's metadata (as in trace's documents), with its story text, paragraphs and chrome. */
export function extractToJson(article: Article): ExtractJson {
  const { input, title, ...metadata } = documentToJson(article);
  return {
    input,
    title,
    text: article.text,
    ...metadata,
    paragraphs: article.paragraphs.map((paragraph) => {
      const span = spanToSource(article.origin, paragraph.start, paragraph.end);
      return [span.start, span.end];
    }),
    boilerplate: article.boilerplate.map(({ kind, start, end }) => ({ kind, start, end })),
    ...(article.comments === undefined ? {} : { comments: article.comments }),
    ...(article.header === undefined ? {} : { header: article.header }),
  };
}

/** What a document says about itself: title, dates, byline, site, language, URLs, encoding. */
export function documentToJson(article: Article): DocumentJson {
  return {
    input: article.input,
    title: article.title,
    published: article.published,
    publishedFrom: article.publishedFrom,
    publishedConfidence: article.publishedConfidence,
    modified: article.modified,
    byline: article.byline,
    siteName: article.siteName,
    language: article.language,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    encoding: article.encoding,
  };
}
