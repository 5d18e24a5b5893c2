/**
 * The word-4-gram seed-and-extend baseline of PAN text alignment: every word 4-gram the two
 * documents share is a seed; seeds close to each other in both documents are extended into
 * one passage. Computed by the eval on the same pairs, as a floor to beat.
 */

interface WordToken {
  start: number;
  end: number;
  word: string;
}

const GRAM = 4;
/** Seeds at most this many words apart in both documents belong to one passage. */
const MAX_GAP = 20;

function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(/\w+/g)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() });
  }
  return tokens;
}

export interface BaselinePassage {
  /** Character ranges [start, end) in the suspicious and the source text. */
  suspicious: [number, number];
  source: [number, number];
}

export function ngramBaseline(suspicious: string, source: string): BaselinePassage[] {
  const tokensS = wordTokens(suspicious);
  const tokensR = wordTokens(source);
  const positions = new Map<string, number[]>();
  for (let index = 0; index + GRAM <= tokensR.length; index++) {
    const key = gramKey(tokensR, index);
    const list = positions.get(key);
    if (list === undefined) positions.set(key, [index]);
    else list.push(index);
  }
  const seeds: Array<[number, number]> = [];
  for (let index = 0; index + GRAM <= tokensS.length; index++) {
    for (const at of positions.get(gramKey(tokensS, index)) ?? []) seeds.push([index, at]);
  }
  seeds.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const clusters: Array<Array<[number, number]>> = [];
  for (const seed of seeds) {
    const cluster = clusters.find((candidate) => {
      const last = candidate[candidate.length - 1]!;
      return seed[0] - last[0] <= MAX_GAP && Math.abs(seed[1] - last[1]) <= MAX_GAP;
    });
    if (cluster === undefined) clusters.push([seed]);
    else cluster.push(seed);
  }
  return clusters.map((cluster) => {
    const firstS = cluster[0]![0];
    const lastS = cluster[cluster.length - 1]![0];
    const firstR = Math.min(...cluster.map((seed) => seed[1]));
    const lastR = Math.max(...cluster.map((seed) => seed[1]));
    return {
      suspicious: [tokensS[firstS]!.start, tokensS[lastS + GRAM - 1]!.end],
      source: [tokensR[firstR]!.start, tokensR[lastR + GRAM - 1]!.end],
    };
  });
}

function gramKey(tokens: readonly WordToken[], index: number): string {
  return tokens
    .slice(index, index + GRAM)
    .map((token) => token.word)
    .join(' ');
}
