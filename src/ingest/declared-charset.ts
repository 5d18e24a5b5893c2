/** How far into an HTML document a charset declaration is looked for (browsers use 1024 bytes). */
const PRESCAN_BYTES = 4096;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * The charset an HTML document declares for itself: `<meta charset>`, the
 * `http-equiv="Content-Type"` content attribute (both contain "charset="), or an XML
 * declaration. Read on the raw bytes, which are ASCII-compatible wherever a declaration can be.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const match = META_CHARSET.exec(head) ?? XML_ENCODING.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
