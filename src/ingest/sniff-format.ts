const HTML_START =
  /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|header|!--)[\s>/]/i;
const CLOSING_TAGS = /<\/(?:p|div|span|a|html|body|article|li|td|h[1-6])>/gi;

/** True when text without a telling file name looks like HTML markup. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head)) return true;
  // Fragments that start with text: several closing tags make it markup.
  return (head.match(CLOSING_TAGS)?.length ?? 0) >= 3;
}

/** True when text without a telling file name looks like JSON Lines (its first record parses). */
export function looksLikeJsonl(text: string): boolean {
  const firstLine = text.trimStart().split('\n', 1)[0]?.trim() ?? '';
  if (!firstLine.startsWith('{') || !firstLine.endsWith('}')) return false;
  try {
    const record: unknown = JSON.parse(firstLine);
    return typeof record === 'object' && record !== null && ('text' in record || 'html' in record);
  } catch {
    return false;
  }
}

/** True when bytes start a WARC file ("WARC/1.0" or "WARC/1.1"). */
export function looksLikeWarc(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 8)).toString('latin1').startsWith('WARC/1.');
}

/** True when bytes start an ARC file, the older web archive format (its first record's URL). */
export function looksLikeArc(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 11)).toString('latin1') === 'filedesc://';
}

const FEED_ROOT =
  /^(?:\ufeff)?(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<\?xml-stylesheet[^>]*\?>|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)[\s>]/i;

/** True when text starts with an RSS or Atom root element (after an XML declaration and comments). */
export function looksLikeFeed(text: string): boolean {
  return FEED_ROOT.test(text.slice(0, 4096));
}
