import type { PassageKind } from '../model/alignment.js';
import type { ChangeType } from '../model/change.js';
import type { RelationKind } from '../model/relation.js';
import { changeTone } from './labels.js';

/** SGR codes used by the terminal report. Each styled run is reset on its own, never nested. */
const CODES = {
  bold: '1',
  dim: '2',
  red: '31',
  green: '32',
  yellow: '33',
  blue: '34',
  magenta: '35',
  cyan: '36',
} as const;

export type Style = keyof typeof CODES;

/** Applies styles to text, or returns it untouched when colour is off. */
export type Painter = (text: string, ...styles: Style[]) => string;

export function painter(color: boolean): Painter {
  if (!color) return (text) => text;
  return (text, ...styles) => {
    if (styles.length === 0 || text === '') return text;
    return `\u001b[${styles.map((style) => CODES[style]).join(';')}m${text}\u001b[0m`;
  };
}

export const PASSAGE_STYLE: Readonly<Record<PassageKind, Style>> = {
  verbatim: 'green',
  edited: 'blue',
  spun: 'yellow',
  reworded: 'magenta',
  dropped: 'red',
  added: 'cyan',
};

export const RELATION_STYLE: Readonly<Record<RelationKind, Style>> = {
  identical: 'green',
  copy: 'green',
  'near-copy': 'blue',
  spun: 'yellow',
  rewrite: 'magenta',
  'same-story': 'dim',
  unrelated: 'dim',
};

export function changeStyle(type: ChangeType): Style {
  const tone = changeTone(type);
  if (tone === 'removed') return 'red';
  if (tone === 'added') return 'cyan';
  return type === 'meaning-shift' ? 'magenta' : 'yellow';
}
