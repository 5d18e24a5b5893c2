import { Worker } from 'node:worker_threads';
import { isWiretraceError } from '../src/errors.js';
import { contentRoot, parseHtml } from '../src/extract/html/dom.js';
import { htmlBlocks } from '../src/extract/html/html-blocks.js';
import { extractArticle } from '../src/extract/index.js';
import { isInputFailure, readInputs } from '../src/ingest/index.js';
import { type LayoutFacts, layoutFacts } from './extraction-layout.js';

/** One page to extract: its id in the benchmark and the file holding it. */
export interface PageFile {
  id: string;
  path: string;
}

/** What extraction made of one page, with the simple baseline and facts for error analysis. */
export interface ExtractedPage {
  id: string;
  /** The story text; "" when the page could not be read or was refused. */
  text: string;
  /** The article's title ("" when none or refused). */
  title: string;
  /** The article's header lines, from the headline down to the story ("" when none or refused). */
  header: string;
  /** The reader comments kept apart from the story ("" when none). */
  comments: string;
  /** Why the page was judged to hold no article, or null. */
  refusal: string | null;
  /** Extraction time alone (reading and decoding not timed). */
  milliseconds: number;
  /** The baseline: every visible block of the page, one per line. */
  visibleText: string;
  layout: LayoutFacts | null;
}

/** Extracts every page in this thread. */
export async function extractPages(files: readonly PageFile[]): Promise<ExtractedPage[]> {
  const pages: ExtractedPage[] = [];
  for (const file of files) pages.push(await extractPage(file));
  return pages;
}

/**
 * Extracts the pages on `jobs` worker threads (pages dealt out in turn), or in this thread
 * when `jobs` is 1. Results come back in the order of `files` whatever the number of jobs.
 */
export async function extractPagesInParallel(
  files: readonly PageFile[],
  jobs: number,
): Promise<ExtractedPage[]> {
  if (jobs <= 1 || files.length < 2) return extractPages(files);
  const shares = Array.from({ length: jobs }, (_, job) => files.filter((_, index) => index % jobs === job));
  const results = await Promise.all(shares.map(runWorker));
  const byId = new Map(results.flat().map((page) => [page.id, page]));
  return files.map((file) => byId.get(file.id)!);
}

function runWorker(files: readonly PageFile[]): Promise<ExtractedPage[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./extraction-worker.js', import.meta.url), { workerData: files });
    worker.once('message', (pages: ExtractedPage[]) => resolve(pages));
    worker.once('error', reject);
  });
}

async function extractPage(file: PageFile): Promise<ExtractedPage> {
  const empty: ExtractedPage = {
    id: file.id,
    text: '',
    title: '',
    header: '',
    comments: '',
    refusal: null,
    milliseconds: 0,
    visibleText: '',
    layout: null,
  };
  for await (const item of readInputs([file.path])) {
    if (isInputFailure(item)) return { ...empty, refusal: 'unreadable' };
    const visibleText =
      item.format === 'html'
        ? htmlBlocks(item.content, contentRoot(parseHtml(item.content)), { skipUnlikely: false })
            .map((block) => block.text)
            .join('\n')
        : item.content;
    const layout = item.format === 'html' ? layoutFacts(item.content) : null;
    const started = performance.now();
    try {
      const article = extractArticle(item, { comments: true, header: true });
      return {
        ...empty,
        text: article.text,
        title: article.title ?? '',
        header: article.header?.map((line) => line.text).join('\n\n') ?? '',
        comments: article.comments?.map((comment) => comment.text).join('\n\n') ?? '',
        milliseconds: performance.now() - started,
        visibleText,
        layout,
      };
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
      const reason = /\(([^)]*)\)\s*$/.exec(error.message)?.[1] ?? error.code;
      return { ...empty, refusal: reason, milliseconds: performance.now() - started, visibleText, layout };
    }
  }
  return empty;
}
