import { readFileSync } from 'node:fs';
import { isWiretraceError } from '../errors.js';
import { type Console, processConsole, reportError } from './io.js';
import { EXIT } from './usage.js';

export const MAIN_HELP = `Usage: wiretrace <command> [options]

Traces news stories through their copies: which document is the original, which copy
which, how each copy was made and what it changed.

Commands:
  trace INPUT...     group documents into stories and build each story's family tree
  compare A B        compare two documents (or many pairs with --pairs FILE)
  extract INPUT...   print the article extracted from each input
  add INPUT...       add articles to a corpus on disk (--db PATH, default ./wiretrace.db)
  find INPUT|ID      the stored copies and sources of an article
  stories            the corpus's stories (trace --db PATH STORY_ID traces one)
  remove ID...       remove documents by id, --source or --before DATE
  prune              remove documents older than --keep-days N

Run "wiretrace <command> --help" for a command's options.
  -h, --help         show this help
  -v, --version      show the version
`;

type Command = (args: readonly string[], io: Console) => Promise<number>;

/** Commands load on demand, so that --help and --version answer at once. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  trace: async () => (await import('./trace.js')).runTrace,
  compare: async () => (await import('./compare.js')).runCompare,
  extract: async () => (await import('./extract.js')).runExtract,
  add: async () => (await import('./add.js')).runAdd,
  find: async () => (await import('./find.js')).runFind,
  stories: async () => (await import('./stories.js')).runStories,
  remove: async () => (await import('./remove.js')).runRemove,
  prune: async () => (await import('./prune.js')).runPrune,
};

/** Runs the CLI and returns its exit code: 0 success, 1 bad input, 2 bad usage. */
export async function main(args: readonly string[], io: Console = processConsole): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(MAIN_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '-v' || command === '--version') {
    io.out(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[command];
  if (load === undefined) {
    io.err(`wiretrace: unknown command "${command}" (try wiretrace --help)\n`);
    return EXIT.usage;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    reportError(io, error);
    if (isWiretraceError(error) && error.code === 'USAGE') return EXIT.usage;
    if (isWiretraceError(error)) return EXIT.badInput;
    throw error;
  }
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
