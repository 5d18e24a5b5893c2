import type { Token } from '../model/analysis.js';
import type { Change } from '../model/change.js';
import { citeTokens, quoted, tokenText } from './cite.js';
import type { ChangeContext } from './context.js';

interface NameEdit {
  a: number;
  b: number;
  misspelt: boolean;
}

/**
 * Names carried with another spelling (op 'spelling': Antony → Anthony) or replaced in place by
 * another name (op 'substitute' between capitalised words: "Antony Blinken" → "Mike Pompeo",
 * neighbouring words merged into one change). A name swapped for a word the lexicon relates to
 * it (Russia → Moscow) is left alone: the same referent under another label.
 */
export function detectNameChanges(context: ChangeContext): Change[] {
  const { source, copy, tokens } = context;
  const edits: NameEdit[] = [];
  for (const a of [...tokens.fromSource.keys()].sort((x, y) => x - y)) {
    const link = tokens.fromSource.get(a)!;
    if (link.op !== 'spelling' && link.op !== 'substitute') continue;
    if (!isName(source.tokens[a]!) || !isName(copy.tokens[link.other]!)) continue;
    edits.push({ a, b: link.other, misspelt: link.op === 'spelling' });
  }
  return mergeNeighbours(edits).map((run) => nameChange(context, run));
}

/** A capitalised word that is not just capitalised for starting its sentence. */
function isName(token: Token): boolean {
  return token.kind === 'word' && token.capitalized && !token.stop;
}

/** Neighbouring edits of one kind form one name ("Antony Blinken"). */
function mergeNeighbours(edits: readonly NameEdit[]): NameEdit[][] {
  const runs: NameEdit[][] = [];
  for (const edit of edits) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    const continues =
      previous !== undefined &&
      edit.a === previous.a + 1 &&
      edit.b === previous.b + 1 &&
      edit.misspelt === previous.misspelt;
    if (run !== undefined && continues) run.push(edit);
    else runs.push([edit]);
  }
  return runs;
}

function nameChange(context: ChangeContext, run: readonly NameEdit[]): Change {
  const { source, copy, claims } = context;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  for (const { a, b } of run) {
    claims.source.add(a);
    claims.copy.add(b);
  }
  const before = quoted(tokenText(source, first.a, last.a));
  const after = quoted(tokenText(copy, first.b, last.b));
  return {
    type: first.misspelt ? 'name-misspelt' : 'name-changed',
    source: citeTokens(source, first.a, last.a),
    copy: citeTokens(copy, first.b, last.b),
    note: first.misspelt ? `Name ${before} spelt ${after}.` : `Name ${before} replaced by ${after}.`,
    weight: first.misspelt ? 2 : 3,
  };
}
