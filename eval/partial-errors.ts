/**
 * `npm run eval -- partial-errors [--pan-seeds 3001,3002] [--dump FILE]`: why pairs of the
 * PAN-format suite that share a planted passage are not called derived, in tallies only (no
 * item is listed). Each missed pair is counted by the stage that lost the planted passage:
 * - no link: no sentence of the planted passage in the copy was linked to one of it in the source;
 * - passage model: linked sentences, but the passage model (src/align/passage-evidence.ts) took
 *   the group for a chance resemblance;
 * - gate, kept / gate, reworded: a passage was found in both texts (keeping the wording, or only
 *   reworded) and the partial-reuse gate (src/classify/partial-evidence.ts) did not take it;
 * by obfuscation, passage length, shape and host length. Hosts with nothing planted that are
 * called derived are counted too (precision). `--dump FILE` writes every kept passage's gate
 * features with its pair's truth, to weigh other gates on the same passages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { alignArticles } from '../src/align/align.js';
import { probability } from '../src/align/logistic.js';
import { PARTIAL_FEATURES, PARTIAL_MODEL, partialEvidence } from '../src/classify/partial-evidence.js';
import { sharedPassages } from '../src/classify/partial-reuse.js';
import { createEngine } from '../src/engine/engine.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import { DERIVED_RELATIONS } from '../src/model/relation.js';
import type { Span } from '../src/model/span.js';
import { toInputSpan } from '../src/report/pair.js';
import { droppedLineAttributes } from './dropped-lines.js';
import { analysedPanPairs, writePanSuite } from './pan.js';
import type { PanAnnotation } from './pan-metrics.js';
import { buildPanSuite } from './pan-suite.js';

type Stage = 'derived' | 'no link' | 'passage model' | 'gate, kept' | 'gate, reworded';
const STAGES: readonly Stage[] = ['derived', 'no link', 'passage model', 'gate, kept', 'gate, reworded'];

/** Sentences of the article whose input span overlaps [start, end). */
function sentencesOver(article: AnalysedArticle, start: number, end: number): Set<number> {
  const inside = new Set<number>();
  for (const sentence of article.sentences) {
    const span: Span = toInputSpan(article.article, { start: sentence.start, end: sentence.end });
    if (span.start < end && span.end > start) inside.add(sentence.index);
  }
  return inside;
}

/**
 * Why a planted passage got no link, by kind: its text is not in an extracted article, its
 * sentence in the copy runs on into host text (split otherwise), it holds few content words.
 */
function noLinkKind(
  source: AnalysedArticle,
  copy: AnalysedArticle,
  plantedA: ReadonlySet<number>,
  plantedB: ReadonlySet<number>,
  truth: PanAnnotation,
): string {
  if (plantedA.size === 0) return 'not in extracted source';
  if (plantedB.size === 0) return 'not in extracted copy';
  const covered = (article: AnalysedArticle, sentences: ReadonlySet<number>): number =>
    [...sentences].reduce((sum, index) => {
      const sentence = article.sentences[index]!;
      return sum + sentence.end - sentence.start;
    }, 0);
  const merged =
    covered(copy, plantedB) > 1.5 * truth.thisLength || covered(source, plantedA) > 1.5 * truth.sourceLength;
  const content = [...plantedB].reduce((sum, index) => {
    const sentence = copy.sentences[index]!;
    let words = 0;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++)
      if (!copy.tokens[token]!.stop) words++;
    return sum + words;
  }, 0);
  const size = content < 6 ? '<6 content words' : content < 12 ? '6-11 content words' : '≥12 content words';
  return `${merged ? 'runs into other text' : 'own sentences'}, ${size}`;
}

function lengthBin(characters: number): string {
  if (characters < 1500) return '<1500 chars';
  if (characters < 3000) return '1500-3000';
  if (characters < 6000) return '3000-6000';
  return '≥6000';
}

export async function evaluatePartialErrors(
  datasets: string,
  aebFolder: string,
  seeds: readonly number[],
  dump = '',
): Promise<void> {
  const engine = createEngine({ workers: 1 });
  const lexicon = engine.lexicon;
  const cells = new Map<string, Map<string, Record<Stage, number>>>();
  const free = { total: 0, derived: 0 };
  const rows: Array<{
    seed: number;
    pair: string;
    group: string;
    kind: string;
    planted: boolean;
    passages: Array<{ features: number[]; reuse: boolean }>;
  }> = [];
  const count = (attributes: Record<string, string>, stage: Stage): void => {
    for (const [attribute, value] of Object.entries(attributes)) {
      const values = cells.get(attribute) ?? new Map<string, Record<Stage, number>>();
      const cell = values.get(value) ?? {
        derived: 0,
        'no link': 0,
        'passage model': 0,
        'gate, kept': 0,
        'gate, reworded': 0,
      };
      cell[stage]++;
      values.set(value, cell);
      cells.set(attribute, values);
    }
  };
  try {
    for (const seed of seeds) {
      const directory = mkdtempSync(join(tmpdir(), 'wiretrace-partial-errors-'));
      try {
        const pairs = buildPanSuite(datasets, { aebFolder: basename(aebFolder), seed }, lexicon);
        for await (const { item, source, copy } of analysedPanPairs(
          engine,
          writePanSuite(pairs, directory),
        )) {
          const result = engine.compare(source.article, copy.article, { changes: false });
          const derived = DERIVED_RELATIONS.has(result.relation);
          const alignment = alignArticles(source, copy, lexicon);
          const truth: PanAnnotation | undefined = item.truth[0];
          const plantedA =
            truth === undefined
              ? new Set<number>()
              : sentencesOver(source, truth.sourceOffset, truth.sourceOffset + truth.sourceLength);
          const plantedB =
            truth === undefined
              ? new Set<number>()
              : sentencesOver(copy, truth.thisOffset, truth.thisOffset + truth.thisLength);
          const onCase = (sentencesA: readonly number[], sentencesB: readonly number[]): boolean =>
            sentencesA.some((index) => plantedA.has(index)) &&
            sentencesB.some((index) => plantedB.has(index));
          const kept = sharedPassages(alignment);
          const evidence = kept.map((passage) => partialEvidence(source, copy, alignment, passage, lexicon));
          rows.push({
            seed,
            pair: item.pair.suspicious.name,
            group: item.pair.sourceArticle,
            kind: `${item.pair.shape}:${item.pair.cases[0]?.obfuscation ?? 'nothing'}`,
            planted: truth !== undefined,
            passages: kept.map((passage, index) => ({
              features: evidence[index]!,
              reuse: onCase(passage.sentencesA, passage.sentencesB),
            })),
          });
          if (truth === undefined) {
            free.total++;
            if (derived) free.derived++;
            continue;
          }
          const plantedCase = item.pair.cases[0]!;
          let stage: Stage = 'derived';
          if (!derived) {
            const linked = alignment.pairs.some((pair) => onCase([pair.a], [pair.b]));
            const onCaseIndices = kept.flatMap((passage, index) =>
              onCase(passage.sentencesA, passage.sentencesB) ? [index] : [],
            );
            const onCasePassages = onCaseIndices.map((index) => kept[index]!);
            stage = !linked
              ? 'no link'
              : onCasePassages.length === 0
                ? 'passage model'
                : onCasePassages.some((passage) => passage.kind !== 'reworded')
                  ? 'gate, kept'
                  : 'gate, reworded';
            if (stage === 'no link') {
              const why = noLinkKind(source, copy, plantedA, plantedB, truth);
              count({ 'no link, why': why }, stage);
              // Which line label lost the passage, on the side that lost it.
              const lost =
                why === 'not in extracted source'
                  ? droppedLineAttributes(
                      item.pair.source.text,
                      truth.sourceOffset,
                      truth.sourceOffset + truth.sourceLength,
                    )
                  : why === 'not in extracted copy'
                    ? droppedLineAttributes(
                        item.pair.suspicious.text,
                        truth.thisOffset,
                        truth.thisOffset + truth.thisLength,
                      )
                    : {};
              count(lost, stage);
            }
            if (stage === 'gate, kept' || stage === 'gate, reworded') {
              const best = Math.max(
                ...onCaseIndices.map((index) => probability(PARTIAL_MODEL, evidence[index]!)),
              );
              count({ [`gate probability (threshold ${PARTIAL_MODEL.threshold})`]: best.toFixed(1) }, stage);
            }
          }
          const sentences = plantedCase.sentences === 1 ? '1' : plantedCase.sentences <= 3 ? '2-3' : '4-6';
          count(
            {
              all: 'all',
              kind: `${item.pair.shape}:${plantedCase.obfuscation}`,
              'obfuscation, sentences': `${plantedCase.obfuscation}, ${sentences}`,
              'copy length': lengthBin(item.pair.suspicious.text.length),
              'source length': lengthBin(item.pair.source.text.length),
            },
            stage,
          );
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
  } finally {
    await engine.close();
  }
  console.log(
    `\nPAN-format suites of seeds ${seeds.join(', ')}: pairs with a planted passage by the stage that lost it`,
  );
  console.log(`${'attribute = value'.padEnd(44)}${STAGES.map((stage) => stage.padStart(16)).join('')}`);
  for (const [attribute, values] of cells) {
    for (const [value, cell] of [...values].sort(([x], [y]) => x.localeCompare(y))) {
      console.log(
        `${`${attribute} = ${value}`.padEnd(44)}${STAGES.map((stage) => String(cell[stage]).padStart(16)).join('')}`,
      );
    }
  }
  console.log(`hosts with nothing planted called derived: ${free.derived} of ${free.total}`);
  if (dump !== '') writeFileSync(dump, JSON.stringify({ features: PARTIAL_FEATURES, rows }));
}
