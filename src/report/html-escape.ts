const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Renders attributes: null and false are left out, true gives a bare attribute, the rest is escaped. */
export function attributes(values: Readonly<Record<string, string | number | boolean | null>>): string {
  return Object.entries(values)
    .flatMap(([name, value]) => {
      if (value === null || value === false) return [];
      if (value === true) return [` ${name}`];
      return [` ${name}="${escapeHtml(String(value))}"`];
    })
    .join('');
}

/** An element with escaped attributes around already-rendered inner HTML. */
export function element(
  tag: string,
  values: Readonly<Record<string, string | number | boolean | null>>,
  inner: string,
): string {
  return `<${tag}${attributes(values)}>${inner}</${tag}>`;
}
