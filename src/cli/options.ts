import type { ParseArgsConfig } from 'node:util';

/** Options every batch command takes: output format and file, and quiet. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The help lines for OUTPUT_OPTIONS, shared by the commands' usage texts. */
export const OUTPUT_HELP = `  -o, --output FILE  write the results to FILE instead of standard output; FILE is
                     written as a temporary file in the same folder and renamed when
                     complete, so an interrupted run leaves the previous FILE intact
  -q, --quiet        no progress line (progress is only ever shown when standard
                     error is a terminal)
  -h, --help         show this help`;
