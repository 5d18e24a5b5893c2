/**
 * Progress of a long call, for front ends to show (the CLI's progress line, a server's job
 * status). `read`: documents read and extracted so far; `compare`: document pairs compared out
 * of those to compare (`total` when known). Callbacks are called synchronously and must be cheap.
 */
export interface ProgressEvent {
  stage: 'read' | 'compare';
  done: number;
  total?: number;
}

export type OnProgress = (event: ProgressEvent) => void;
