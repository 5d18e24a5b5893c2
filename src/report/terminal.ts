/**
 * The terminal report: per story the family tree of copies, then per copy what it reused and
 * what it changed. Plain text unless colour is asked for; every line fits `width` columns.
 */
import type { Article } from '../model/article.js';
import type { Change } from '../model/change.js';
import type { DirectionSignal, PairResult } from '../model/relation.js';
import type { Story, StoryEdge, TraceResult } from '../model/story.js';
import { changeStyle, PASSAGE_STYLE, type Painter, painter, RELATION_STYLE } from './ansi.js';
import {
  changesByWeight,
  collapseWhitespace,
  elide,
  elideMiddle,
  focusDifference,
  percent,
  plural,
  round3,
  snippet,
  textWidth,
} from './format.js';
import { CHANGE_LABEL, RELATION_LABEL } from './labels.js';
import { edgeSignals, indexArticles, orientCompare, requireArticle, strongestSignals } from './pair.js';
import { directionPhrase, reuseSentence, wordSentence } from './prose.js';
import { safeName, safeTerminalText, stripControls } from './terminal-safe.js';
import { relatedStories, storyForest, type TreeNode, unrelatedInputs } from './tree.js';

export interface TerminalOptions {
  /** Emit ANSI colours and bold. */
  color: boolean;
  /** Columns to fit lines into; default 100, at least 40. */
  width?: number;
}

/** Changes listed per copy before the rest are summarised as "+N more". */
const MAX_CHANGES = 8;
const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 40;
/** Below this many columns a quotation cut in the middle leaves too little on either side. */
const MIN_MIDDLE_CUT = 16;

interface Context {
  paint: Painter;
  width: number;
  color: boolean;
}

function contextOf(options: TerminalOptions): Context {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  return { paint: painter(options.color), width, color: options.color };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI_PATTERN = /\u001b\[[0-9;]*m/g;

/** Splits a line into text and colour codes, keeping the codes. */
const ANSI_SPLIT = new RegExp(`(${ANSI_PATTERN.source})`);

function visibleWidth(text: string): number {
  return textWidth(text.replace(ANSI_PATTERN, ''));
}

/**
 * Cuts a line that is still too wide (narrow terminals, long input names) with "…", stepping
 * over colour codes and closing any left open.
 */
function fitLine(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  let out = '';
  let visible = 0;
  let styled = false;
  for (const part of line.split(ANSI_SPLIT)) {
    if (part.startsWith('\u001b[')) {
      out += part;
      styled = part !== '\u001b[0m';
      continue;
    }
    for (const char of part) {
      if (visible === width - 1) break;
      out += char;
      visible++;
    }
  }
  return `${out}…${styled ? '\u001b[0m' : ''}`;
}

function finish(lines: readonly string[], ctx: Context): string {
  // Document text never drives the terminal: whatever escaped the renderer's own cleaning goes here.
  return `${lines.map((line) => fitLine(safeTerminalText(line, ctx.color), ctx.width)).join('\n')}\n`;
}

/** Word-wraps a line (which may hold colour codes) to the width, continuing with `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && visibleWidth(candidate) > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines;
}

function quoted(text: string, max: number): string {
  return `“${snippet(stripControls(text), Math.max(1, max - 2))}”`;
}

/** Like `quoted` but cuts the middle, keeping both ends of an edit visible (when there is room). */
function quotedMiddle(text: string, max: number): string {
  if (max < MIN_MIDDLE_CUT) return quoted(text, max);
  return `“${elideMiddle(collapseWhitespace(stripControls(text)), Math.max(1, max - 2))}”`;
}

function titleOf(article: Article): string | null {
  return article.title === null || article.title.trim() === '' ? null : article.title;
}

/** The title line under a tree node, elided to what is left of the width. */
function titleLine(ctx: Context, prefix: string, article: Article): string {
  const title = titleOf(article);
  const room = ctx.width - textWidth(prefix);
  if (title === null) return `${prefix}${ctx.paint('(no title)', 'dim')}`;
  return `${prefix}${ctx.paint(quoted(title, room), 'bold')}`;
}

function relationText(ctx: Context, result: PairResult): string {
  return ctx.paint(RELATION_LABEL[result.relation], RELATION_STYLE[result.relation]);
}

/** Draws a derivation tree with box-drawing connectors, two lines per document. */
function treeLines(
  ctx: Context,
  node: TreeNode,
  story: Story,
  articles: ReadonlyMap<string, Article>,
): string[] {
  const lines: string[] = [];
  const visit = (current: TreeNode, connector: string, childPrefix: string): void => {
    const article = requireArticle(articles, current.input);
    const name = ctx.paint(safeName(current.input), 'bold');
    let head: string;
    if (current.edge === null) {
      const role =
        current.input === story.root
          ? `original, ${percent(story.rootConfidence)} sure`
          : 'earliest of its branch';
      head = `${connector}${name}  ${ctx.paint(role, 'dim')}`;
    } else {
      const result = current.edge.result;
      head = `${connector}${name}  ${relationText(ctx, result)} · ${directionPhrase(result)}`;
    }
    lines.push(head);
    const stem = current.children.length > 0 ? '│ ' : '  ';
    lines.push(titleLine(ctx, `${childPrefix}${stem}`, article));
    current.children.forEach((child, index) => {
      const last = index === current.children.length - 1;
      visit(child, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    });
  };
  visit(node, '', '');
  return lines;
}

function coverageLine(ctx: Context, result: PairResult, lead: string): string {
  return reuseSentence(result, lead, (text, kind) => ctx.paint(text, PASSAGE_STYLE[kind]));
}

/** The body of a change line: “source” → “copy”, fitted into `room` columns. */
function changeBody(change: Change, room: number): string {
  const source = change.source?.text.trim() ? change.source.text : null;
  const copy = change.copy?.text.trim() ? change.copy.text : null;
  if (source !== null && copy !== null) {
    const [sourcePart, copyPart] = focusDifference(source, copy);
    const half = Math.floor((room - 3) / 2);
    const sourceQuote = quotedMiddle(sourcePart, half);
    return `${sourceQuote} → ${quotedMiddle(copyPart, room - 3 - textWidth(sourceQuote))}`;
  }
  if (source !== null) return `− ${quoted(source, room - 2)}`;
  if (copy !== null) return `+ ${quoted(copy, room - 2)}`;
  return elide(collapseWhitespace(stripControls(change.note)), room);
}

function changeLines(ctx: Context, changes: readonly Change[], indent: string): string[] {
  if (changes.length === 0) return [`${indent}No changes found.`];
  const sorted = changesByWeight(changes);
  const shown = sorted.slice(0, MAX_CHANGES);
  const labelWidth = Math.max(...shown.map((change) => textWidth(CHANGE_LABEL[change.type])));
  const lines = [`${indent}Changes (${changes.length}, most important first):`];
  for (const change of shown) {
    const label = CHANGE_LABEL[change.type];
    const padded = label + ' '.repeat(labelWidth - textWidth(label));
    const room = ctx.width - textWidth(indent) - 2 - labelWidth - 2;
    lines.push(`${indent}  ${ctx.paint(padded, changeStyle(change.type))}  ${changeBody(change, room)}`);
  }
  if (sorted.length > shown.length) lines.push(`${indent}  … +${sorted.length - shown.length} more`);
  return lines;
}

/** One line naming the strongest signals behind the direction, those supporting it first. */
function whyLine(ctx: Context, signals: readonly DirectionSignal[]): string | null {
  const supporting = strongestSignals(
    signals.filter((signal) => signal.vote > 0),
    2,
  );
  if (supporting.length === 0) return null;
  return elide(`why: ${supporting.map((signal) => signal.detail).join('; ')}`, ctx.width);
}

function rule(ctx: Context, label: string): string {
  const fill = Math.max(3, ctx.width - textWidth(label) - 4);
  return `── ${ctx.paint(label, 'bold')} ${'─'.repeat(fill)}`;
}

function edgeLines(ctx: Context, edge: StoryEdge): string[] {
  const result = edge.result;
  const lines = [
    rule(ctx, `${safeName(edge.copy)} ← ${safeName(edge.source)}`),
    `${relationText(ctx, result)} · score ${round3(result.score)} · ${directionPhrase(result)}`,
  ];
  const why = whyLine(ctx, edgeSignals(result));
  if (why !== null) lines.push(why);
  lines.push(...wrap(coverageLine(ctx, result, 'the copy reuses the source'), ctx.width, '  '));
  const words = wordSentence(result);
  if (words !== null) lines.push(elide(words, ctx.width));
  lines.push(...changeLines(ctx, result.changes, ''));
  return lines;
}

function storyLines(ctx: Context, story: Story, articles: ReadonlyMap<string, Article>): string[] {
  const forest = storyForest(story);
  const origin =
    story.root === null
      ? 'no copying found'
      : `original: ${safeName(story.root)} (${percent(story.rootConfidence)} sure)`;
  const lines = [
    ctx.paint(`■ ${story.id} · ${plural(story.documents.length, 'document')} · ${origin}`, 'bold'),
    '',
  ];
  for (const tree of forest.trees) lines.push(...treeLines(ctx, tree, story, articles));
  if (forest.loose.length > 0) {
    if (forest.trees.length > 0) lines.push('');
    lines.push('Also telling this story, written independently:');
    for (const input of forest.loose) {
      const prefix = `• ${safeName(input)}  `;
      lines.push(titleLine(ctx, prefix, requireArticle(articles, input)));
    }
  }
  for (const edge of story.edges) lines.push('', ...edgeLines(ctx, edge));
  return lines;
}

function unrelatedLines(
  ctx: Context,
  inputs: readonly string[],
  articles: ReadonlyMap<string, Article>,
): string[] {
  if (inputs.length === 0) return [];
  const lines = [
    '',
    ctx.paint('■ unrelated', 'bold') + ctx.paint(' (no shared story with any other document)', 'dim'),
  ];
  for (const input of inputs)
    lines.push(titleLine(ctx, `• ${safeName(input)}  `, requireArticle(articles, input)));
  return lines;
}

export function renderTraceTerminal(result: TraceResult, options: TerminalOptions): string {
  const ctx = contextOf(options);
  const articles = indexArticles(result.articles);
  const stories = relatedStories(result);
  const unrelated = unrelatedInputs(result);
  const lines = [
    `${ctx.paint('wiretrace', 'bold')}: ${plural(result.articles.length, 'document')}, ${plural(
      stories.length,
      'story',
      'stories',
    )}, ${unrelated.length} unrelated`,
  ];
  for (const story of stories) lines.push('', ...storyLines(ctx, story, articles));
  lines.push(...unrelatedLines(ctx, unrelated, articles));
  return finish(lines, ctx);
}

export function renderCompareTerminal(
  a: Article,
  b: Article,
  result: PairResult,
  options: TerminalOptions,
): string {
  const ctx = contextOf(options);
  const { source, copy } = orientCompare(a, b, result);
  const decided = result.direction.direction !== null;
  const lines = [
    `${ctx.paint('wiretrace', 'bold')}: compare`,
    titleLine(ctx, `  A  ${safeName(a.input)}  `, a),
    titleLine(ctx, `  B  ${safeName(b.input)}  `, b),
    '',
    `Relation: ${relationText(ctx, result)} · score ${round3(result.score)}`,
  ];
  if (decided) {
    lines.push(
      `Direction: ${safeName(source.input)} → ${safeName(copy.input)} (${percent(result.direction.confidence)} sure)`,
    );
    // Signals vote for "a is the source"; re-sign them so positive supports the decision.
    const sign = result.direction.direction === 'b->a' ? -1 : 1;
    const why = whyLine(
      ctx,
      result.direction.signals.map((signal) => ({ ...signal, vote: signal.vote * sign })),
    );
    if (why !== null) lines.push(why);
  } else {
    lines.push('Direction: undecided');
  }
  if (result.alignment.passages.length > 0) {
    const lead = decided
      ? `${safeName(copy.input)} reuses ${safeName(source.input)}`
      : `${safeName(copy.input)} is also in ${safeName(source.input)}`;
    lines.push(...wrap(coverageLine(ctx, result, lead), ctx.width, '  '));
  }
  if (decided || result.changes.length > 0) lines.push(...changeLines(ctx, result.changes, ''));
  return finish(lines, ctx);
}
