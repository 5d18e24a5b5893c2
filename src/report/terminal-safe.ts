/**
 * Text from documents (titles, story text, file names) must not drive the terminal: an escape
 * sequence in a page title could set the window title, clear the screen, plant a hyperlink or
 * reorder what follows (bidi overrides). These helpers remove or show such characters.
 */

/* biome-ignore-start lint/suspicious/noControlCharactersInRegex: finding control characters is the point */
/**
 * Escape sequences, 7-bit and 8-bit: CSI (ESC [ … final byte), OSC / DCS / SOS / PM / APC strings
 * (ended by BEL or ST, or running to the end), and two-character escapes.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
/** C0 and C1 controls other than tab and line breaks, DEL, and the bidi embedding/override/isolate marks. */
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Every control character, line breaks and tab included, for one-line names. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The SGR colour codes the terminal report itself writes. */
const OWN_SGR = /\u001b\[[0-9;]*m/g;
/* biome-ignore-end lint/suspicious/noControlCharactersInRegex: finding control characters is the point */

/** Removes escape sequences and control characters; keeps tabs and line breaks. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * A name (file path, URL, record id) shown on one line: control characters become visible
 * escapes ("\n", "\u001b"), so the user can still find the file and no name can forge a line.
 */
export function safeName(name: string): string {
  return name.replace(ANY_CONTROL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A message for one stderr line: every control character shown as an escape, never a break. */
export function safeLine(text: string): string {
  return safeName(text);
}

/**
 * Last pass over terminal output: keeps line breaks, tabs and (when `color`) the report's own
 * colour codes, removes every other escape sequence and control character.
 */
export function safeTerminalText(text: string, color: boolean): string {
  if (!color) return stripControls(text);
  const kept: string[] = [];
  let last = 0;
  for (const match of text.matchAll(OWN_SGR)) {
    kept.push(stripControls(text.slice(last, match.index)), match[0]);
    last = match.index + match[0].length;
  }
  kept.push(stripControls(text.slice(last)));
  return kept.join('');
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON.stringify, with DEL, C1 controls, bidi marks and line separators written as \u escapes
 * (JSON.stringify escapes only C0): the same value, but safe to print on a terminal.
 */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
