/** Helpers for the corpus tests: made-up distinct articles, JSON Lines files, temporary corpora. */

/** Content words only: shuffled, they make articles that share no phrase, name or number. */
const VOCABULARY = `harbour ledger tractor violin meadow lantern quarry saddle thimble orchard
  glacier pepper canvas falcon pillow rocket walnut compass velvet anchor biscuit candle
  dolphin engine feather goblet hammer island jacket kettle ladder magnet needle oyster
  parrot quilt ribbon shovel tunnel umbrella valley wagon yogurt zipper basket cactus
  desert elbow fountain garden helmet insect jungle kitchen lemon mirror napkin ostrich
  pencil rabbit silver teapot uniform vessel window blanket cottage dragon emerald forest
  guitar horizon iceberg jasmine kayak lobster marble nectar oven pebble quartz river
  saucer timber tulip vapour whistle banner copper drizzle ember flannel granite hazel
  ivory juniper kernel lilac mosaic nutmeg olive plaster quiver rudder sapphire tinsel`
  .split(/\s+/)
  .filter((word) => word !== '');

/** A small deterministic generator (mulberry32): the same seed gives the same articles. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An article of `paragraphs` paragraphs of random content words: unrelated to any other. */
export function distinctArticle(seed: number, paragraphs = 3, words = 30): string {
  const next = random(seed);
  const blocks: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentence = Array.from({ length: words }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
    blocks.push(`${sentence.join(' ')}.`);
  }
  return blocks.join('\n\n');
}

/** JSON Lines of `count` distinct articles with ids `doc-0`, `doc-1`… */
export function distinctRecords(count: number, seedOffset = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(JSON.stringify({ id: `doc-${i}`, text: distinctArticle(seedOffset + i + 1) }));
  }
  return `${lines.join('\n')}\n`;
}

/** A temporary folder for one test file: the CLI tests' own helper. */
export { makeTempDir as tempFolder } from '../cli/run-cli.js';
