import type { OnProgress, ProgressEvent } from '../service/progress.js';
import type { Console } from './io.js';

export type { OnProgress, ProgressEvent } from '../service/progress.js';

/** A progress line on stderr; `finish` clears it before the results are printed. */
export interface ProgressLine {
  onProgress: OnProgress;
  finish(): void;
}

/** Redraws at most this often, so progress never slows the run down. */
const REDRAW_MS = 100;

const SILENT: ProgressLine = { onProgress: () => {}, finish: () => {} };

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The line for an event: counts, rate and (with a total) the time left. */
export function progressText(event: ProgressEvent, documents: number, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  if (event.stage === 'read') {
    return `read ${event.done} document${event.done === 1 ? '' : 's'} · ${(event.done / seconds).toFixed(1)}/s`;
  }
  const rate = event.done / seconds;
  const parts = [
    `${documents} documents`,
    `compared ${event.done}${event.total === undefined ? '' : `/${event.total}`} pairs`,
  ];
  parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)}/s`);
  if (event.total !== undefined && rate > 0 && event.done < event.total) {
    parts.push(`${duration((event.total - event.done) / rate)} left`);
  }
  return parts.join(' · ');
}

/**
 * Progress on stderr when stderr is a terminal and --quiet is not given; nothing otherwise (a
 * log file or a pipe gets only the results and the error lines).
 */
export function progressLine(io: Console, quiet: boolean, now: () => number = Date.now): ProgressLine {
  if (quiet || io.errIsTTY !== true) return SILENT;
  let stageStart = now();
  let stage: ProgressEvent['stage'] = 'read';
  let documents = 0;
  let lastDraw = 0;
  let shown = false;
  return {
    onProgress(event) {
      const time = now();
      if (event.stage !== stage) {
        stage = event.stage;
        stageStart = time;
      }
      if (event.stage === 'read') documents = event.done;
      const last = event.total !== undefined && event.done >= event.total;
      if (time - lastDraw < REDRAW_MS && !last) return;
      lastDraw = time;
      shown = true;
      io.err(`\r${progressText(event, documents, time - stageStart)}\u001b[K`);
    },
    finish() {
      if (shown) io.err('\r\u001b[K');
      shown = false;
    },
  };
}
