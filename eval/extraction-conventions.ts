import { basename } from 'node:path';
import { isWiretraceError } from '../src/errors.js';
import { storyLayout } from '../src/extract/extract-html.js';
import { extractionSetFolders, isStoryText, sideOfStory, truthPages, words } from './extraction-truths.js';

/**
 * Where the benchmarks' conventions part (`npm run eval -- extraction-conventions [--sets ...]`):
 * for each chrome label the line filter gives inside the content container (headline, dateline
 * or byline, footer, caption or credit, related, navigation…), by side of the story, the share of
 * those blocks each set's truth counts as story (words; segments on trafilatura's set) and on how
 * many pages. A label every set calls chrome is right; one every set calls story is an error kind
 * to fix; one the sets disagree on is a convention, and a rule that follows one set's convention
 * costs on another's.
 */

interface Share {
  story: number;
  all: number;
  pages: Set<string>;
}

type Table = Map<string, Map<string, Share>>;

async function tallySet(folder: string, table: Table): Promise<void> {
  const set = basename(folder);
  for await (const { id, truth, page } of truthPages(folder)) {
    let layout: ReturnType<typeof storyLayout>;
    try {
      layout = storyLayout(page);
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
      continue;
    }
    if (!layout.labels.includes('story')) continue;
    layout.containerBlocks.forEach((block, index) => {
      const label = layout.labels[index]!;
      const story = label === 'story' ? null : isStoryText(truth, block.text);
      if (story === null) return;
      const side = sideOfStory(index, layout.labels.indexOf('story'), layout.labels.lastIndexOf('story'));
      const key = `${label}, ${side} the story`;
      const row = table.get(key) ?? new Map<string, Share>();
      table.set(key, row);
      const share = row.get(set) ?? { story: 0, all: 0, pages: new Set<string>() };
      row.set(set, share);
      const amount = 'with' in truth ? 1 : words(block.text);
      share.all += amount;
      if (story) {
        share.story += amount;
        share.pages.add(id);
      }
    });
  }
}

export async function evaluateExtractionConventions(
  datasets: string,
  sets: readonly string[],
): Promise<void> {
  const folders = extractionSetFolders(datasets, sets);
  const table: Table = new Map();
  for (const folder of folders) await tallySet(folder, table);
  const names = folders.map((folder) => basename(folder));
  console.log(
    'container blocks under a chrome label: share the truth counts as story (story / labelled, pages)',
  );
  console.log(`${'label, side'.padEnd(32)}${names.map((name) => name.padEnd(28)).join('')}`);
  for (const [key, row] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) {
    const cells = names.map((name) => {
      const share = row.get(name);
      if (share === undefined) return '-'.padEnd(28);
      const ratio = (share.story / Math.max(1, share.all)).toFixed(2);
      return `${ratio} of ${share.all} (${share.pages.size}p)`.padEnd(28);
    });
    console.log(`${key.padEnd(32)}${cells.join('')}`);
  }
}
