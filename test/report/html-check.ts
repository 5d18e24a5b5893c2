/** Small structural checks of generated HTML, enough to catch broken nesting and dangling links. */

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** SVG elements written self-closing (`<path … />`). */
const SELF_CLOSING = /\/>$/;

/** The markup without the contents of <script> and <style>, which are not HTML. */
export function withoutRawText(html: string): string {
  return html.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '<$1></$1>');
}

/** Problems with tag nesting: unclosed, stray or mismatched end tags. */
export function nestingProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const match of withoutRawText(html).matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    const [tag, closing, rawName] = match;
    const name = rawName!.toLowerCase();
    if (closing === '') {
      if (!VOID_ELEMENTS.has(name) && !SELF_CLOSING.test(tag)) stack.push(name);
      continue;
    }
    const open = stack.pop();
    if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
  }
  for (const name of stack) problems.push(`<${name}> never closed`);
  return problems;
}

export function idsOf(html: string): string[] {
  return [...withoutRawText(html).matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
}

export function fragmentLinks(html: string): string[] {
  return [...withoutRawText(html).matchAll(/\shref="#([^"]*)"/g)].map((match) => match[1]!);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text of markup: tags removed, entities decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/** The inner HTML of the element with the given id (elements of the same tag may nest). */
export function elementById(html: string, id: string): string {
  const open = new RegExp(`<([a-zA-Z][\\w-]*)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (open === null) throw new Error(`no element #${id}`);
  const name = open[1]!;
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  tags.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    depth += match[1] === '' ? 1 : -1;
    if (depth === 0) return html.slice(open.index + open[0].length, match.index);
  }
  throw new Error(`element #${id} is not closed`);
}
