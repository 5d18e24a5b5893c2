import { WiretraceError } from '../errors.js';
import { type OutputFile, type OutputFileSystem, openOutputFile } from './atomic-file.js';
import type { Console } from './io.js';

export const OUTPUT_FORMATS = ['text', 'json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The format asked for: --format wins; the older --json flag means `json` (or `jsonl` where that was its shape). */
export function outputFormat(
  format: string | undefined,
  json: boolean | undefined,
  jsonMeans: OutputFormat,
): OutputFormat {
  if (format !== undefined) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new WiretraceError(
        'USAGE',
        `--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${format}"`,
      );
    }
    if (json === true && format !== 'json' && format !== 'jsonl') {
      throw new WiretraceError('USAGE', `--json cannot be used with --format ${format}`);
    }
    return format as OutputFormat;
  }
  return json === true ? jsonMeans : 'text';
}

/** Where a command's results go, piece by piece as they are ready. */
export interface Output {
  write(text: string): void;
  /** The output is complete: a file is put in place. */
  commit(): void;
  /** The run failed: a file output leaves the previous file as it was. */
  abort(): void;
  /** Text written here may reach a terminal (and is cleaned of control characters). */
  readonly toTerminal: boolean;
}

function consoleOutput(io: Console): Output {
  return { write: (text) => io.out(text), commit: () => {}, abort: () => {}, toTerminal: io.isTTY };
}

function fileOutput(file: OutputFile): Output {
  return {
    write: (text) => file.write(text),
    commit: () => file.commit(),
    abort: () => file.abort(),
    toTerminal: false,
  };
}

/** Every file a command writes, opened before any input is read. */
export class Outputs {
  readonly main: Output;
  readonly #files: Output[] = [];
  readonly #fileSystem: OutputFileSystem | undefined;

  /** `path` undefined or "-" means standard output. */
  constructor(io: Console, path: string | undefined, fileSystem?: OutputFileSystem) {
    this.#fileSystem = fileSystem ?? io.fileSystem;
    this.main = path === undefined || path === '-' ? consoleOutput(io) : this.file(path);
  }

  /** Opens another output file (an HTML report, a second CSV); fails at once when it cannot be written. */
  file(path: string): Output {
    let output: Output;
    try {
      output = fileOutput(openOutputFile(path, this.#fileSystem));
    } catch (error) {
      this.abort();
      throw error;
    }
    this.#files.push(output);
    return output;
  }

  commit(): void {
    this.main.commit();
    for (const file of this.#files) if (file !== this.main) file.commit();
  }

  abort(): void {
    for (const file of this.#files) file.abort();
  }

  /** Runs the command's work, then puts every file in place, or leaves the old files on any failure. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      const value = await work();
      this.commit();
      return value;
    } catch (error) {
      this.abort();
      throw error;
    }
  }
}
