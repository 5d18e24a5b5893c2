import type { BoilerplateKind } from '../model/article.js';
import { type BlockFeatures, blockFeatures } from './block-features.js';
import type { WeighedBlock } from './block-weights.js';
import {
  chromeKindByWording,
  galleryCaptions,
  isCommentSectionMarker,
  isLinkTrail,
} from './chrome-patterns.js';
import { type Dateline, readDateline } from './dateline.js';
import { normalisedKey } from './normalise-words.js';
import type { TextBlock } from './text-block.js';

/** Everything the classifier knows about one block before choosing the story region. */
export interface BlockInfo extends WeighedBlock {
  text: string;
  /** The kind of chrome the block's wording gives away, if any. */
  wordingKind: BoilerplateKind | null;
  datelineInfo: Dateline | null;
  /** A blank line (or a block boundary) comes before the block. */
  separated: boolean;
}

/** Describes every block of a page; gallery captions are told by the counters of their neighbours. */
export function describeBlocks(blocks: readonly TextBlock[]): BlockInfo[] {
  const features = blocks.map(blockFeatures);
  const gallery = galleryCaptions(
    blocks.map((block) => block.text),
    features.map((f) => f.words),
  );
  return blocks.map((block, index) =>
    describeBlock(block, blocks[index - 1], features[index]!, gallery.has(index)),
  );
}

function describeBlock(
  block: TextBlock,
  previous: TextBlock | undefined,
  features: BlockFeatures,
  galleryCaption: boolean,
): BlockInfo {
  let wordingKind = galleryCaption ? 'other' : chromeKindByWording(block.text, features.words);
  // Datelines come before link trails: "Reuters | Updated: … | Created: …" has the same shape.
  const datelineInfo = wordingKind === null ? readDateline(block.text, features.words) : null;
  if (wordingKind === null && datelineInfo === null && isLinkTrail(block.text)) {
    wordingKind = /©|copyright|privacy|terms|disclaimer/i.test(block.text) ? 'footer' : 'navigation';
  }
  return {
    text: block.text,
    features,
    wordingKind,
    datelineInfo,
    separated: block.separated,
    chromeByWording: wordingKind !== null,
    caption: wordingKind === 'other',
    dateline: datelineInfo !== null,
    commentMarker: isCommentSectionMarker(block.text, features.words),
    repeatsPrevious:
      previous !== undefined &&
      features.words >= 3 &&
      normalisedKey(previous.text) === normalisedKey(block.text),
  };
}
