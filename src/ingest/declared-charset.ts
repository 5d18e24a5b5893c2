/** How far into an HTML document a charset declaration is looked for: its head, at most this far. */
const PRESCAN_BYTES = 64 * 1024;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;
/** Where the head ends: a declaration after it belongs to embedded content, not the page. */
const HEAD_END = /<\/head\s*>|<body[\s>]/i;

/**
 * The charset an HTML document declares for itself: `<meta charset>`, the
 * `http-equiv="Content-Type"` content attribute (both contain "charset="), or an XML
 * declaration. Read on the raw bytes, which are ASCII-compatible wherever a declaration can be.
 * Browsers honour a declaration anywhere in the head (re-parsing when it comes late, after big
 * inline scripts), so the whole head is read, not only its first kilobyte.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const end = HEAD_END.exec(head);
  if (end) head = head.slice(0, end.index);
  const match = META_CHARSET.exec(head) ?? XML_ENCODING.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
