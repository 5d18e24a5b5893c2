/**
 * Helpers for the CLI tests: run a command in-process (`main(args, io)` with a captured console)
 * or, for the few smoke tests of the binary itself, as a child process; find the examples; use a
 * temp dir.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Console } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createEngine } from '../../src/engine/engine.js';
import type { ExtractJson } from '../../src/report/json.js';

/** The repository root: this file runs from dist/test/cli/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const BINARY = join(REPO_ROOT, 'bin', 'wiretrace.js');

/** The example story, as paths relative to the repository root (the CLI runs there). */
export const EXAMPLE_DIR = 'examples/nato-russia';
export const WIRE = `${EXAMPLE_DIR}/001_91a7594f1c02de45.txt`;
export const SPUN = `${EXAMPLE_DIR}/000_31f6c2312a741652.txt`;
export const REWRITE = `${EXAMPLE_DIR}/002_8e4e4f2d4b117ffc.txt`;
/** In the order a shell would expand examples/nato-russia/*.txt. */
export const EXAMPLE_FILES = [SPUN, WIRE, REWRITE] as const;

/**
 * One engine for every in-process run of a test file, so the lexicon loads once per file (the
 * binary makes one per command). Its pool threads stop by themselves when idle.
 */
const ENGINE = createEngine();

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Piped to standard input. */
  input?: string | Buffer | NodeJS.ReadableStream;
  /** Console fields to override (a TTY stderr, an injected file system). */
  io?: Partial<Console>;
}

/**
 * Runs `wiretrace …args` in this process, from the repository root, with stdout and stderr
 * captured (so not a TTY), and returns its exit code and output as the binary would.
 */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  // Inputs in the tests are named relative to the repository root, as a user in it would.
  if (process.cwd() !== REPO_ROOT.replace(/\/$/, '')) process.chdir(REPO_ROOT);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const input = options.input ?? '';
  const io: Console = {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    isTTY: false,
    errIsTTY: false,
    engine: ENGINE,
    stdin: typeof input === 'string' || Buffer.isBuffer(input) ? Readable.from([Buffer.from(input)]) : input,
    ...options.io,
  };
  const status = await main(args, io);
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

/**
 * Runs `node bin/wiretrace.js …args` from the repository root with stdout and stderr piped
 * (so not a TTY): for the smoke tests of the binary (exit codes, --help, signals).
 */
export function spawnCli(
  args: readonly string[],
  options: { input?: string | Buffer; killAfterMs?: number } = {},
): Promise<CliRun> {
  const env = { ...process.env };
  // Colour must be off because stdout is not a terminal, not because NO_COLOR happens to be set.
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], { cwd: REPO_ROOT, env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    child.stdin.end(options.input ?? '');
    if (options.killAfterMs !== undefined) {
      const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
      child.on('close', () => clearTimeout(timer));
    }
  });
}

/** A failure message showing what the CLI printed. */
export function describeRun(run: CliRun): string {
  return `exit ${run.status}\n--- stdout ---\n${run.stdout.slice(0, 2000)}\n--- stderr ---\n${run.stderr}`;
}

/** Parses stdout as JSON; the caller names the expected shape. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Parses stdout as JSON Lines, one value per non-empty line. */
export function parseJsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The non-empty lines of stderr. */
export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line.trim() !== '');
}

/** Reads a file of the repository (an input as the CLI was given it) as UTF-8 text. */
export function readRepoFile(relativePath: string): string {
  return readFileSync(join(REPO_ROOT, relativePath), 'utf8');
}

/** A temporary directory for one test file; `remove()` deletes it with everything in it. */
export interface TempDir {
  path: string;
  /** Writes a file in the directory and returns its absolute path. */
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'wiretrace-cli-'));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Deterministic junk: pseudo-random bytes with NULs sprinkled in (a small LCG, same bytes every run). */
export function junkBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = index % 7 === 0 ? 0 : state >>> 24;
  }
  return bytes;
}

/** True when the text holds an ANSI escape sequence (colour, cursor movement). */
export function hasAnsiEscapes(text: string): boolean {
  return text.includes('\u001b[');
}

/** One line of `wiretrace extract --json`. */
export type ExtractedDocument = ExtractJson;

/** Runs `extract --json` on the inputs and returns the documents by input name. */
export async function extractDocuments(inputs: readonly string[]): Promise<Map<string, ExtractedDocument>> {
  const run = await runCli(['extract', ...inputs, '--json']);
  if (run.status !== 0) throw new Error(`extract failed: ${describeRun(run)}`);
  const documents = parseJsonLines<ExtractedDocument>(run.stdout);
  return new Map(documents.map((document) => [document.input, document]));
}
