// Adds a golden extraction case, or rewrites the expected files of existing ones, from the
// output of the built extractor (run through `npm run fixture:add`, which builds first).
//
//   npm run fixture:add -- <input-file> <case-name>            new case from an input file
//   npm run fixture:add -- <input-file> <case-name> --update   replace a case's input and rewrite it
//   npm run fixture:add -- --update [<case-name> ...]          rewrite cases (all when none named)
//
// The output is a draft: review expected.txt and expected.json and correct them to what is
// right. Rewriting keeps the notes (minimumF1, knownWrong, source, licence, note) and prints what
// changed. A case whose minimumF1 is below 1 keeps its expected.txt, which is a reference text
// rather than the extractor's output, and its current F1 is printed. Fields listed in knownWrong
// keep their (right) expected value; a field the extractor now gets right leaves the list.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import { shingleF1 } from '../dist/eval/extraction.js';
import {
  articleMetadata,
  CASE_NOTES,
  extractFile,
  GOLDEN_DIRECTORY,
  goldenCaseNames,
  inputFile,
  readGoldenCase,
} from '../dist/eval/golden-cases.js';

const USAGE = `usage: npm run fixture:add -- <input-file> <case-name> [--update]
       npm run fixture:add -- --update [<case-name> ...]`;

const update = process.argv.includes('--update');
const positional = process.argv.slice(2).filter((argument) => argument !== '--update');

try {
  const cases = goldenCaseNames();
  if (positional.length === 2 && !cases.includes(positional[0])) {
    await addCase(positional[0], positional[1]);
  } else if (update) {
    const names = positional.length > 0 ? positional : cases;
    const unknown = names.filter((name) => !cases.includes(name));
    if (unknown.length > 0) throw new Error(`no such case: ${unknown.join(', ')}`);
    for (const name of names) await rewriteCase(name);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`fixture:add: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/** Copies the input into a new case folder (or over an existing case's input with --update). */
async function addCase(source, name) {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    throw new Error(`case names are lower-case letters, digits, ".", "_" and "-": ${name}`);
  }
  if (!existsSync(source)) throw new Error(`no such input file: ${source}`);
  const folder = join(GOLDEN_DIRECTORY, name);
  if (existsSync(folder) && !update) throw new Error(`${name} exists; add --update to replace it`);
  // Read the new input before touching the case, so a bad file leaves it as it was.
  await extractFile(source);
  mkdirSync(folder, { recursive: true });
  for (const file of readdirSync(folder)) {
    if (file === 'input' || file.startsWith('input.')) rmSync(join(folder, file));
  }
  copyFileSync(source, join(folder, `input${inputExtension(source)}`));
  await rewriteCase(name);
}

/** The input's extension, gzip included ("page.html.gz" → ".html.gz"), so ingest reads it the same way. */
function inputExtension(path) {
  const name = basename(path).toLowerCase();
  const match = /(\.[a-z0-9]+)?(\.gz)?$/.exec(name.replace(/^\.+/, ''));
  return match ? match[0] : '';
}

/** Writes expected.txt and expected.json from the current output, keeping the case's notes. */
async function rewriteCase(name) {
  const folder = join(GOLDEN_DIRECTORY, name);
  const jsonPath = join(folder, 'expected.json');
  const textPath = join(folder, 'expected.txt');
  const previous = existsSync(jsonPath) ? readGoldenCase(name) : null;
  const article = await extractFile(inputFile(folder));

  const notes = { ...previous?.notes };
  const output = articleMetadata(article);
  const metadata = { ...output };
  const lines = [`${name}:`];
  const stillWrong = [];
  for (const field of previous?.knownWrong ?? []) {
    const right = previous.metadata[field];
    if (JSON.stringify(right) === JSON.stringify(output[field])) {
      lines.push(`  ${field}: now right, no longer known wrong`);
    } else {
      stillWrong.push(field);
      metadata[field] = right;
    }
  }
  if (stillWrong.length > 0) notes.knownWrong = stillWrong;
  else delete notes.knownWrong;
  const expected = {};
  for (const key of CASE_NOTES) if (key in notes) expected[key] = notes[key];
  Object.assign(expected, metadata);
  writeFileSync(jsonPath, formatJson(expected));

  const reference = previous !== null && previous.minimumF1 < 1;
  if (reference) {
    const f1 = shingleF1(previous.expectedText, article.text);
    const verdict = f1 >= previous.minimumF1 ? 'ok' : 'BELOW minimumF1';
    lines.push(`  text kept (reference): F1 ${f1.toFixed(3)}, minimumF1 ${previous.minimumF1} (${verdict})`);
  } else {
    const text = `${article.text}\n`;
    const changed = previous === null || readFileSync(textPath, 'utf8') !== text;
    writeFileSync(textPath, text);
    lines.push(`  text ${previous === null ? 'written' : changed ? 'REWRITTEN' : 'unchanged'}`);
  }
  if (previous !== null) {
    for (const field of new Set([...Object.keys(previous.metadata), ...Object.keys(metadata)])) {
      const before = field in previous.metadata ? JSON.stringify(previous.metadata[field]) : '(absent)';
      const after = field in metadata ? JSON.stringify(metadata[field]) : '(absent)';
      if (before !== after) lines.push(`  ${field}: ${before} → ${after}`);
    }
  }
  if (previous === null) {
    lines.push(
      `  review ${relative('.', textPath)} and ${relative('.', jsonPath)}: correct them to what is right`,
    );
  }
  console.log(lines.join('\n'));
}

/** One key per line with compact values, the layout the project's formatter keeps for short lists. */
function formatJson(object) {
  const compact = (value) =>
    Array.isArray(value)
      ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
      : JSON.stringify(value);
  const entries = Object.entries(object).map(([key, value]) => `  ${JSON.stringify(key)}: ${compact(value)}`);
  return `{\n${entries.join(',\n')}\n}\n`;
}
