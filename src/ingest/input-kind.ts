/** What a file name says about its content; 'sniff' means look at the bytes. */
export type DeclaredKind = 'html' | 'jsonl' | 'text' | 'warc' | 'feed' | 'sniff';

export interface InputKind {
  gzip: boolean;
  kind: DeclaredKind;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
/** Feeds by name; ".xml" is looked at, since it could hold anything. */
const FEED_EXTENSIONS = new Set(['.rss', '.atom']);

/** Reads the kind of an input from its file name (extension, with an optional ".gz"). */
export function inputKindFromName(name: string): InputKind {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
  const gzip = base.endsWith('.gz');
  const inner = gzip ? base.slice(0, -'.gz'.length) : base;
  const dot = inner.lastIndexOf('.');
  // A leading dot (".profile") is a hidden name, not an extension.
  const extension = dot > 0 ? inner.slice(dot) : '';
  if (HTML_EXTENSIONS.has(extension)) return { gzip, kind: 'html' };
  if (extension === '.jsonl' || extension === '.ndjson') return { gzip, kind: 'jsonl' };
  if (extension === '.warc') return { gzip, kind: 'warc' };
  if (FEED_EXTENSIONS.has(extension)) return { gzip, kind: 'feed' };
  if (extension === '' || extension === '.xml') return { gzip, kind: 'sniff' };
  return { gzip, kind: 'text' };
}
