import { basename } from 'node:path';
import { evaluateExtraction } from './extraction.js';
import { fixed } from './suite.js';

/** Article extraction on the ScrapingHub benchmark, both tracks (HTML pages and flattened text). */
export async function evaluateSuite(directory: string): Promise<void> {
  const html = await evaluateExtraction(directory, 'html');
  const text = await evaluateExtraction(directory, 'text');
  console.log(
    `\nArticle extraction, ScrapingHub benchmark (${basename(directory)}, ${html.pages} pages), token-shingle metric`,
  );
  console.log('track                   precision  recall   F1      pages/s  published F1 (181 pages)');
  console.log(
    `html pages              ${fixed(html.precision)}      ${fixed(html.recall)}    ${fixed(html.f1)}   ${speed(html.pagesPerSecond)}  rs_trafilatura & AutoExtract 0.970, trafilatura 0.958, Readability.js 0.947, jusText 0.804`,
  );
  console.log(
    `flattened page text     ${fixed(text.precision)}      ${fixed(text.recall)}    ${fixed(text.f1)}   ${speed(text.pagesPerSecond)}  whole page as-is 0.665`,
  );
  console.log('(pages/s: extraction alone on one core, one cold pass; `npm run bench` times it warmed up)');
  for (const [name, run] of [
    ['html pages', html],
    ['flattened page text', text],
  ] as const) {
    console.log(
      `${name}: F1 on even / odd pages ${fixed(run.halvesF1[0])} / ${fixed(run.halvesF1[1])}; pages with no text: ${run.empty}`,
    );
  }
}

/** Pages per second, right-aligned in the table's column. */
function speed(pagesPerSecond: number): string {
  return pagesPerSecond.toFixed(0).padStart(7);
}
