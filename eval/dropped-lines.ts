import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeBlocks } from '../src/extract/block-info.js';
import { isProse } from '../src/extract/block-weights.js';
import { classifyBlocks } from '../src/extract/classify-blocks.js';
import { isListItem, MIN_LIST_RUN } from '../src/extract/list-items.js';
import { plainTextBlocks } from '../src/extract/plain-text-blocks.js';
import { normaliseBody } from './pan-suite.js';

/** Which kind of wording a chrome line shows, coarsely, for the tallies. */
function wordingClue(text: string): string {
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) return 'e-mail address';
  if (/(?:\+|\b00)\d{1,3}[\s-]?\(?\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}/.test(text)) return 'phone number';
  if (/©|copyright|all rights reserved/i.test(text)) return 'copyright';
  if (/privacy|terms|cookie/i.test(text)) return 'legal';
  if (/https?:\/\/|www\./i.test(text)) return 'web address';
  if (/newsletter|subscribe|sign up|follow|share/i.test(text)) return 'social';
  return 'none of these';
}

function wordsBin(words: number): string {
  if (words < 8) return '<8 words';
  if (words < 20) return '8-19 words';
  if (words < 40) return '20-39 words';
  return '≥40 words';
}

/**
 * Why the plain-text extractor left out the lines of [start, end) of a text, as tallies: the
 * label it gave them, whether wording or position decided it, where they sit (first or last
 * line, before, between or after the story's lines), their length and their neighbours' labels.
 * Empty when every line of the span is story.
 */
export function droppedLineAttributes(text: string, start: number, end: number): Record<string, string> {
  const blocks = plainTextBlocks(text);
  const infos = describeBlocks(blocks);
  const { labels } = classifyBlocks(blocks, 'text');
  const over = blocks.flatMap((block, index) =>
    block.start < end && block.end > start && labels[index] !== 'story' ? [index] : [],
  );
  if (over.length === 0) return {};
  const index = over[0]!;
  const info = infos[index]!;
  const story = labels.flatMap((label, at) => (label === 'story' ? [at] : []));
  const side =
    story.length === 0
      ? 'no story line'
      : index < story[0]!
        ? 'before story'
        : index > story[story.length - 1]!
          ? 'after story'
          : 'between story lines';
  const edge = index === 0 ? 'first line' : index === blocks.length - 1 ? 'last line' : 'inner line';
  const neighbour = (at: number): string => (at < 0 || at >= labels.length ? 'none' : labels[at]!);
  // As the region choice reads it: chrome wording, datelines, comment markers or a menu-like run.
  let shortRun = 0;
  const evidence = new Set<string>();
  infos.forEach((other, at) => {
    const edge = at === 0 || at === infos.length - 1 ? 'edge' : 'inner';
    shortRun = isListItem(other.features) && other.features.words <= 4 ? shortRun + 1 : 0;
    if (other.chromeByWording) evidence.add(`${edge} wording`);
    if (other.dateline) evidence.add(`${edge} dateline`);
    if (other.commentMarker) evidence.add('comments');
    if (shortRun >= MIN_LIST_RUN) evidence.add('short-line run');
  });
  const pageChrome = evidence.size > 0;
  return {
    'dropped: label': labels[index]!,
    'dropped: decided by': info.wordingKind
      ? `wording (${info.wordingKind})`
      : info.dateline
        ? 'dateline'
        : 'position or structure',
    'dropped: where': `${edge}, ${side}`,
    'dropped: length': wordsBin(info.features.words),
    'dropped: ends sentence': String(info.features.endsSentence),
    'dropped: neighbours': `${neighbour(index - 1)} / ${neighbour(index + 1)}`,
    'dropped: text read as': pageChrome ? 'flattened page' : 'clean article',
    'dropped: label, where': `${labels[index]}, ${side}`,
    'dropped: read as, where': `${pageChrome ? 'page' : 'clean'}, ${side}`,
    'dropped: prose line': String(isProse(info.features)),
    'dropped: wording clue': wordingClue(info.text),
    'dropped: clue, decided by, prose': `${wordingClue(info.text)}, ${info.wordingKind ?? 'position'}, ${isProse(info.features) ? 'prose' : 'not prose'}, ${wordsBin(info.features.words)}`,
    'dropped: page evidence': [...evidence].sort().join(' + ') || 'none',
    'dropped: lines of text': blocks.length < 10 ? '<10' : blocks.length < 20 ? '10-19' : '≥20',
  };
}

/**
 * `npm run eval -- body-lines`: the aeb article bodies, each given as a clean plain text (one
 * paragraph per line, as the PAN-format suite builds its documents), through the plain-text
 * extractor. Every line is story, so every line left out is lost: tallied by the same
 * attributes, with the share of body characters kept. No line is listed.
 */
export function evaluateBodyLines(aebDirectory: string): void {
  const truth = JSON.parse(readFileSync(join(aebDirectory, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const tally = new Map<string, number>();
  let characters = 0;
  let kept = 0;
  let bodies = 0;
  let bodiesLosing = 0;
  for (const id of Object.keys(truth).sort()) {
    const text = normaliseBody(truth[id]!.articleBody);
    if (text === '') continue;
    bodies++;
    const blocks = plainTextBlocks(text);
    const { labels } = classifyBlocks(blocks, 'text');
    let lost = false;
    blocks.forEach((block, index) => {
      characters += block.end - block.start;
      if (labels[index] === 'story') {
        kept += block.end - block.start;
        return;
      }
      lost = true;
      for (const [attribute, value] of Object.entries(droppedLineAttributes(text, block.start, block.end))) {
        const key = `${attribute} = ${value}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    });
    if (lost) bodiesLosing++;
  }
  console.log(
    `\n${basename(aebDirectory)} bodies as plain text: ${bodies} bodies, ${bodiesLosing} lose a line`,
  );
  console.log(`body characters kept: ${(kept / characters).toFixed(4)}`);
  for (const [key, count] of [...tally].sort(([x], [y]) => x.localeCompare(y))) {
    console.log(`${key.padEnd(60)}${String(count).padStart(6)}`);
  }
}
