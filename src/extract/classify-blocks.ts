import { describeBlocks } from './block-info.js';
import type { WeightMode } from './block-weights.js';
import { datelineFacts } from './dateline-facts.js';
import {
  type BlockLabel,
  initialLabels,
  keepBestGuess,
  labelChromeInside,
  labelCreditedCaptions,
  labelRepeats,
  spreadAdvertisingOverLists,
} from './label-blocks.js';
import { chooseStoryRegion } from './region-choice.js';
import type { TextBlock } from './text-block.js';
import { cleanestTitle, withoutRepeatedSiteName } from './title.js';
import { findTitle, labelTitleCopies } from './title-blocks.js';

export type { BlockLabel } from './label-blocks.js';

export interface Classification {
  labels: BlockLabel[];
  title: string | null;
  published: string | null;
  byline: string | null;
}

/**
 * Labels every block as story or one kind of chrome. The story region is chosen first (the
 * densest run of prose on a flattened page, the content container in HTML); chrome around it
 * is labelled by wording and position; inside it only blocks that wording, list structure or
 * repetition give away are dropped. `knownTitle` (from HTML metadata) replaces the search for a
 * headline line.
 */
export function classifyBlocks(
  blocks: readonly TextBlock[],
  mode: WeightMode,
  knownTitle: string | null = null,
): Classification {
  const infos = describeBlocks(blocks);
  const { region, whole } = chooseStoryRegion(blocks, infos, mode);
  const labels = initialLabels(infos, region);
  labelChromeInside(infos, labels, region, !whole);
  spreadAdvertisingOverLists(infos, labels);
  // An HTML figure marks its caption itself; a credit there may follow a story paragraph.
  if (mode === 'text') labelCreditedCaptions(infos, labels);

  const title = knownTitle ?? findTitle(infos, labels, region, whole);
  if (title !== null) labelTitleCopies(infos, labels, title);
  const titleCopies = infos.filter((_, index) => labels[index] === 'title').map((info) => info.text);
  labelRepeats(infos, labels);
  if (!labels.includes('story')) keepBestGuess(infos, labels);

  const cleanTitle = title === null ? null : cleanestTitle(title, titleCopies);
  return {
    labels,
    // HTML metadata has split the site name off already; a flattened page shows it on its lines.
    title:
      cleanTitle === null || knownTitle !== null
        ? cleanTitle
        : withoutRepeatedSiteName(
            cleanTitle,
            infos.map((info) => info.text),
          ),
    ...datelineFacts(infos, labels, region),
  };
}
