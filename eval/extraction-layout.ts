/**
 * Coarse layout facts of a page, counted from its markup, to group extraction errors by kind
 * (table layouts, <br>/<font> text, lists, scripts) rather than page by page.
 */
export interface LayoutFacts {
  tables: number;
  cells: number;
  paragraphs: number;
  lineBreaks: number;
  fonts: number;
  listItems: number;
  /** The language the page declares (<html lang>), lower case, or "". */
  declaredLanguage: string;
}

export function layoutFacts(html: string): LayoutFacts {
  const count = (pattern: RegExp): number => (html.match(pattern) ?? []).length;
  return {
    tables: count(/<table\b/gi),
    cells: count(/<td\b/gi),
    paragraphs: count(/<p\b/gi),
    lineBreaks: count(/<br\b/gi),
    fonts: count(/<font\b/gi),
    listItems: count(/<li\b/gi),
    declaredLanguage: (/<html\b[^>]*\blang=["']?([a-z]{2})/i.exec(html)?.[1] ?? '').toLowerCase(),
  };
}
