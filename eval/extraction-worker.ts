import { parentPort, workerData } from 'node:worker_threads';
import { extractPages, type PageFile } from './extraction-pages.js';

/** A worker thread of the extraction eval: extracts its share of the pages and posts them back. */
parentPort?.postMessage(await extractPages(workerData as PageFile[]));
