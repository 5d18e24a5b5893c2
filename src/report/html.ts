/**
 * The HTML report: one self-contained page (inline CSS, a little inline JS, no external
 * resources) with each story's family tree as an SVG and, per copy, the copy beside its source
 * with reused passages highlighted and every change linked to both texts.
 */
import type { Article } from '../model/article.js';
import type { Change, Citation } from '../model/change.js';
import { DERIVED_RELATIONS, type PairResult } from '../model/relation.js';
import type { Span } from '../model/span.js';
import type { Story, TraceResult } from '../model/story.js';
import { toText } from '../text/offsets.js';
import { changesByWeight, percent, plural, round3, snippet } from './format.js';
import { REPORT_CSS, REPORT_JS } from './html-assets.js';
import { element, escapeHtml } from './html-escape.js';
import { renderStoryDiagram } from './html-svg.js';
import { renderMarkedText, type TextCite, type TextMark } from './html-text.js';
import { CHANGE_LABEL, changeTone, PASSAGE_KINDS, RELATION_LABEL } from './labels.js';
import { edgeSignals, indexArticles, orientCompare, requireArticle, strongestSignals } from './pair.js';
import { directionPhrase, reuseSentence, wordSentence } from './prose.js';
import { relatedStories, storyForest, unrelatedInputs } from './tree.js';

/** What each passage kind means, for the legend. */
const KIND_MEANING = {
  verbatim: 'same words',
  edited: 'light edits',
  spun: 'words swapped for synonyms',
  reworded: 'same facts, new wording',
  dropped: 'in the source only',
  added: 'in the copy only',
} as const;

const CITATION_CHARS = 140;
const BLOCK_CHARS = 200;

type Side = 'src' | 'copy';

/** A pair to show side by side; ids of everything inside start with `prefix`. */
interface PairView {
  prefix: string;
  source: Article;
  copy: Article;
  result: PairResult;
  sourceLabel: string;
  copyLabel: string;
  /** Whether the pair is shown as source → copy (a derivation with a decided direction). */
  directed: boolean;
  /** Heading level of the section (2 or 3); inner headings go one and two deeper. */
  level: number;
}

/** Where a change's citation is shown: a span of the story text, or a block of page chrome. */
interface ResolvedCitation {
  citation: Citation;
  span: Span | null;
  /** Index into Article.boilerplate when the citation lies in page chrome; -1 when in none. */
  block: number;
}

interface ResolvedChange {
  change: Change;
  id: string;
  source: ResolvedCitation | null;
  copy: ResolvedCitation | null;
}

function heading(level: number, id: string | null, inner: string): string {
  const tag = `h${Math.min(6, level)}`;
  return element(tag, { id }, inner);
}

function inputName(input: string): string {
  return `<span class="input">${escapeHtml(input)}</span>`;
}

/** The boilerplate block a chrome citation lies in (most overlap), or -1. */
function blockOf(article: Article, citation: Citation): number {
  let best = -1;
  let bestOverlap = -1;
  article.boilerplate.forEach((block, index) => {
    const overlap = Math.min(block.end, citation.end) - Math.max(block.start, citation.start);
    const touches = citation.start >= block.start && citation.start <= block.end;
    if ((overlap > 0 || touches) && overlap > bestOverlap) {
      best = index;
      bestOverlap = overlap;
    }
  });
  return best;
}

/** Maps a citation's input offsets back into the story text; null offsets mean page chrome. */
function resolveCitation(article: Article, citation: Citation | null): ResolvedCitation | null {
  if (citation === null) return null;
  const start = toText(article.origin, citation.start);
  const end = toText(article.origin, citation.end);
  if (start === null || end === null) return { citation, span: null, block: blockOf(article, citation) };
  return { citation, span: { start, end: Math.max(start, end) }, block: -1 };
}

function resolveChanges(view: PairView): ResolvedChange[] {
  return view.result.changes.map((change, index) => ({
    change,
    id: `${view.prefix}-c${index + 1}`,
    source: resolveCitation(view.source, change.source),
    copy: resolveCitation(view.copy, change.copy),
  }));
}

function blockId(view: PairView, side: Side, block: number): string {
  return `${view.prefix}-${side}-bp${block + 1}`;
}

function removedBoxId(view: PairView, side: Side): string {
  return `${view.prefix}-${side}-removed`;
}

/** The element a change link on one side points at. */
function citationTarget(view: PairView, side: Side, change: ResolvedChange, cited: ResolvedCitation): string {
  if (cited.span !== null) return `${change.id}-${side}`;
  return cited.block >= 0 ? blockId(view, side, cited.block) : removedBoxId(view, side);
}

function passageMarks(view: PairView, side: Side): TextMark[] {
  return view.result.alignment.passages.flatMap((passage, index) => {
    const span = side === 'src' ? passage.a : passage.b;
    if (span === null) return [];
    const id = `${view.prefix}-p${index + 1}`;
    const matched = passage.a !== null && passage.b !== null;
    const where = side === 'src' ? 'only in the source' : 'only in the copy';
    return [
      {
        span,
        kind: passage.kind,
        id: `${id}-${side}`,
        peer: matched ? `${id}-${side === 'src' ? 'copy' : 'src'}` : null,
        title: `${passage.kind} passage, ${matched ? `similarity ${round3(passage.similarity).toFixed(2)}` : where}`,
      },
    ];
  });
}

function citationsOn(changes: readonly ResolvedChange[], side: Side): TextCite[] {
  return changes.flatMap((change) => {
    const cited = side === 'src' ? change.source : change.copy;
    if (cited?.span == null) return [];
    return [{ span: cited.span, changeId: change.id, anchorId: `${change.id}-${side}` }];
  });
}

/** The "removed from page" box: the article's chrome blocks, shown (folded) when a change cites one. */
function removedBox(
  view: PairView,
  side: Side,
  article: Article,
  changes: readonly ResolvedChange[],
): string {
  const inChrome = changes.filter((change) => (side === 'src' ? change.source : change.copy)?.span === null);
  if (inChrome.length === 0) return '';
  const citing = (block: number): string[] =>
    inChrome
      .filter((change) => (side === 'src' ? change.source : change.copy)?.block === block)
      .map((c) => c.id);
  const items = article.boilerplate.map((block, index) => {
    const ids = citing(index);
    return element(
      'li',
      { id: blockId(view, side, index), 'data-c': ids.length > 0 ? ids.join(' ') : null },
      `<span class="kind">${escapeHtml(block.kind)}</span> “${escapeHtml(snippet(block.text, BLOCK_CHARS))}”`,
    );
  });
  const unplaced = citing(-1);
  // Folded: a portal's chrome runs to dozens of lines; a click on a change citing it unfolds it.
  const summary = `Removed from the page: ${items.length} blocks, not part of the story text`;
  return element(
    'details',
    {
      class: 'removed',
      id: removedBoxId(view, side),
      'data-c': unplaced.length > 0 ? unplaced.join(' ') : null,
      'aria-label': `Removed from the page of ${article.input}`,
    },
    `<summary>${escapeHtml(summary)}</summary><ul>${items.join('')}</ul>`,
  );
}

function documentMeta(article: Article): string {
  const parts = [
    article.published,
    article.byline,
    article.language,
    `${article.format}, ${article.encoding}`,
  ];
  return parts.filter((part): part is string => part !== null && part !== '').join(' · ');
}

function documentColumn(
  view: PairView,
  side: Side,
  label: string,
  article: Article,
  changes: readonly ResolvedChange[],
): string {
  const text = renderMarkedText(article.text, passageMarks(view, side), citationsOn(changes, side));
  return element(
    'section',
    { class: `doc doc-${side}`, 'aria-label': `${label}: ${article.input}` },
    [
      heading(view.level + 1, null, `${escapeHtml(label)} · ${inputName(article.input)}`),
      `<p class="doc-title"><strong>${escapeHtml(article.title ?? '(no title)')}</strong></p>`,
      `<p class="meta">${escapeHtml(documentMeta(article))}</p>`,
      element(
        'div',
        {
          class: 'text',
          id: `${view.prefix}-${side}-text`,
          role: 'region',
          tabindex: 0,
          'aria-label': `Text of ${article.input}`,
        },
        text,
      ),
      removedBox(view, side, article, changes),
    ].join(''),
  );
}

function legend(): string {
  const items = PASSAGE_KINDS.map(
    (kind) => `<li><span class="swatch k-${kind}">${kind}</span> ${escapeHtml(KIND_MEANING[kind])}</li>`,
  );
  return `<ul class="legend" aria-label="Legend of passage kinds">${items.join('')}</ul>`;
}

function citationLink(view: PairView, side: Side, change: ResolvedChange, cited: ResolvedCitation): string {
  return element(
    'a',
    { class: 'cite-link', href: `#${citationTarget(view, side, change, cited)}`, 'data-change': change.id },
    `“${escapeHtml(snippet(cited.citation.text, CITATION_CHARS))}”`,
  );
}

function changeItem(view: PairView, change: ResolvedChange): string {
  const links: string[] = [];
  if (change.source !== null) links.push(citationLink(view, 'src', change, change.source));
  if (change.copy !== null) links.push(citationLink(view, 'copy', change, change.copy));
  return element(
    'li',
    { class: `change t-${changeTone(change.change.type)}`, id: change.id },
    [
      `<span class="change-type">${escapeHtml(CHANGE_LABEL[change.change.type])}</span> `,
      links.join(' → '),
      change.change.note === '' ? '' : ` <span class="note">${escapeHtml(change.change.note)}</span>`,
    ].join(''),
  );
}

function changeList(view: PairView, changes: readonly ResolvedChange[]): string {
  const title = heading(view.level + 1, null, `Changes (${changes.length})`);
  if (changes.length === 0) return `${title}<p class="muted">No changes found.</p>`;
  const byChange = new Map(changes.map((resolved) => [resolved.change, resolved]));
  const items = changesByWeight(changes.map((resolved) => resolved.change)).map((change) =>
    changeItem(view, byChange.get(change)!),
  );
  return `${title}<p class="muted">Most important first. Click a quotation to see it in both texts.</p><ol class="changes">${items.join('')}</ol>`;
}

/** The direction signals, re-signed so that "for" supports source → copy. */
function signalDetails(view: PairView): string {
  const signals = strongestSignals(edgeSignals(view.result), view.result.direction.signals.length);
  if (signals.length === 0 || !view.directed) return '';
  const items = signals.map((signal) => {
    const stance = signal.vote >= 0 ? ['vote-for', 'for'] : ['vote-against', 'against'];
    return `<li><span class="${stance[0]}">${stance[1]} (${round3(Math.abs(signal.vote))})</span> ${escapeHtml(signal.detail)}</li>`;
  });
  return `<details class="signals"><summary>Why ${escapeHtml(view.source.input)} is the source (${escapeHtml(directionPhrase(view.result))})</summary><ul>${items.join('')}</ul></details>`;
}

function pairSection(view: PairView): string {
  const { result } = view;
  const changes = resolveChanges(view);
  const derived = view.directed;
  const title = derived
    ? `${inputName(view.copy.input)} ← ${inputName(view.source.input)}: ${escapeHtml(RELATION_LABEL[result.relation])}`
    : `${inputName(view.source.input)} and ${inputName(view.copy.input)}: ${escapeHtml(RELATION_LABEL[result.relation])}`;
  const lead = derived
    ? 'the copy reuses the source'
    : `${escapeHtml(view.copy.input)} is also in ${escapeHtml(view.source.input)}`;
  const facts = [`score ${round3(result.score)}`];
  if (derived) facts.push(directionPhrase(result));
  const words = wordSentence(result);
  return element(
    'section',
    { class: 'edge', id: view.prefix, 'aria-labelledby': `${view.prefix}-h` },
    [
      heading(view.level, `${view.prefix}-h`, title),
      `<p class="summary">${escapeHtml(facts.join(' · '))}</p>`,
      `<p class="summary">${reuseSentence(result, lead, (text, kind) => `<span class="fig fig-${kind}">${escapeHtml(text)}</span>`)}</p>`,
      words === null ? '' : `<p class="summary muted">${escapeHtml(words)}</p>`,
      signalDetails(view),
      legend(),
      `<div class="columns">${documentColumn(view, 'src', view.sourceLabel, view.source, changes)}${documentColumn(
        view,
        'copy',
        view.copyLabel,
        view.copy,
        changes,
      )}</div>`,
      changeList(view, changes),
    ].join(''),
  );
}

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="wiretrace">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    `<script>${REPORT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function documentTable(articles: readonly Article[], storyOf: ReadonlyMap<string, string>): string {
  const cell = (value: string | null): string => `<td>${value === null ? '' : escapeHtml(value)}</td>`;
  const rows = articles.map(
    (article) =>
      `<tr><td>${inputName(article.input)}</td>${cell(article.title)}${cell(article.published)}${cell(
        article.byline,
      )}${cell(article.language)}${cell(article.encoding)}${cell(storyOf.get(article.input) ?? 'unrelated')}</tr>`,
  );
  return `<table class="documents"><caption class="muted">Documents traced</caption><thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col">Published</th><th scope="col">Byline</th><th scope="col">Language</th><th scope="col">Encoding</th><th scope="col">Story</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function storySection(story: Story, index: number, articles: ReadonlyMap<string, Article>): string {
  const id = `s${index + 1}`;
  const edgeTargets = new Map(story.edges.map((edge, edgeIndex) => [edge.copy, `${id}-e${edgeIndex + 1}`]));
  const rootTitle = story.root === null ? null : requireArticle(articles, story.root).title;
  const origin =
    story.root === null
      ? 'no document copies another'
      : `original: ${story.root} (${percent(story.rootConfidence)} sure)`;
  const loose = storyForest(story).loose;
  const sections = story.edges.map((edge, edgeIndex) =>
    pairSection({
      prefix: `${id}-e${edgeIndex + 1}`,
      source: requireArticle(articles, edge.source),
      copy: requireArticle(articles, edge.copy),
      result: edge.result,
      sourceLabel: 'Source',
      copyLabel: 'Copy',
      directed: true,
      level: 3,
    }),
  );
  return element(
    'section',
    { class: 'story', id, 'aria-labelledby': `${id}-h` },
    [
      heading(2, `${id}-h`, escapeHtml(rootTitle === null ? story.id : `${story.id}: ${rootTitle}`)),
      `<p class="summary">${escapeHtml(`${plural(story.documents.length, 'document')} · ${origin}`)}</p>`,
      `<figure>${renderStoryDiagram(story, articles, { titleId: `${id}-tree`, edgeTargets })}<figcaption class="muted">Each arrow points from a source to a copy made from it. Select a copy to see what it changed.</figcaption></figure>`,
      loose.length === 0
        ? ''
        : `<p>Also telling this story, written independently: ${loose.map(inputName).join(', ')}</p>`,
      ...sections,
    ].join(''),
  );
}

export function renderTraceHtml(result: TraceResult): string {
  const articles = indexArticles(result.articles);
  const stories = relatedStories(result);
  const unrelated = unrelatedInputs(result);
  const storyOf = new Map(
    stories.flatMap((story) => story.documents.map((input) => [input, story.id] as const)),
  );
  const header = [
    '<header>',
    '<h1>wiretrace: how these stories travelled</h1>',
    `<p class="summary">${escapeHtml(
      `Traced ${plural(result.articles.length, 'document')}: ${plural(stories.length, 'story', 'stories')}, ${unrelated.length} unrelated.`,
    )} Offsets and quotations refer to the documents exactly as given.</p>`,
    documentTable(result.articles, storyOf),
    '</header>',
  ].join('');
  const unrelatedSection =
    unrelated.length === 0
      ? ''
      : `<section class="unrelated" id="unrelated" aria-labelledby="unrelated-h">${heading(2, 'unrelated-h', 'Unrelated documents')}<p class="muted">No shared story with any other document.</p><ul>${unrelated
          .map(
            (input) =>
              `<li>${inputName(input)} ${escapeHtml(requireArticle(articles, input).title ?? '(no title)')}</li>`,
          )
          .join('')}</ul></section>`;
  const main = `<main>${stories.map((story, index) => storySection(story, index, articles)).join('')}${unrelatedSection}</main>`;
  return page(`wiretrace: ${plural(result.articles.length, 'document')} traced`, `${header}${main}`);
}

export function renderCompareHtml(a: Article, b: Article, result: PairResult): string {
  const { source, copy } = orientCompare(a, b, result);
  const derived = result.direction.direction !== null && DERIVED_RELATIONS.has(result.relation);
  const story: Story = {
    id: 'compare',
    documents: a.input === b.input ? [a.input] : [a.input, b.input],
    root: derived ? source.input : null,
    rootConfidence: result.direction.confidence,
    edges: derived ? [{ source: source.input, copy: copy.input, result }] : [],
    siblings: [],
  };
  const articles = indexArticles([a, b]);
  const header = [
    '<header>',
    '<h1>wiretrace: comparison</h1>',
    `<p class="summary">A: ${inputName(a.input)} ${escapeHtml(a.title ?? '(no title)')}<br>B: ${inputName(b.input)} ${escapeHtml(b.title ?? '(no title)')}</p>`,
    `<p class="summary">${escapeHtml(`${RELATION_LABEL[result.relation]} · score ${round3(result.score)}`)}${
      derived
        ? ` · ${inputName(source.input)} → ${inputName(copy.input)} (${escapeHtml(directionPhrase(result))})`
        : ''
    }</p>`,
    `<figure>${renderStoryDiagram(story, articles, { titleId: 'pair-tree', edgeTargets: new Map([[copy.input, 'pair']]) })}</figure>`,
    '</header>',
  ].join('');
  const section = pairSection({
    prefix: 'pair',
    source,
    copy,
    result,
    sourceLabel: derived ? 'Source' : source === a ? 'Document A' : 'Document B',
    copyLabel: derived ? 'Copy' : copy === b ? 'Document B' : 'Document A',
    directed: derived,
    level: 2,
  });
  return page(`wiretrace: ${a.input} vs ${b.input}`, `${header}<main>${section}</main>`);
}
