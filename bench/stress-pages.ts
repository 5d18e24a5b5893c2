/**
 * Pages at the edge of what extraction must cope with, generated so that the tests (behaviour)
 * and the benchmark (time) read the same inputs.
 */

/** Three paragraphs of an ordinary story. */
export const STRESS_STORY = [
  'Heavy rain flooded dozens of streets in the city centre on Tuesday night, forcing the council to close two bridges and open an emergency shelter at the town hall.',
  'The mayor said repairs to the drainage system would begin next week and urged residents to stay away from the river bank until the water level falls.',
  'Forecasters expect more rain on Thursday, although they said the worst of the storm had passed and the river should drop below the flood mark by the weekend.',
];

/** The story inside `depth` nested <div>s, closed or left open as broken pages do. */
export function deeplyNestedPage(depth: number, closed: boolean): string {
  const story = STRESS_STORY.map((text) => `<p>${text}</p>`).join('');
  return `<html><body>${'<div>'.repeat(depth)}${story}${closed ? '</div>'.repeat(depth) : ''}</body></html>`;
}

/**
 * The story inside `depth` nested wrappers whose class reads as page chrome, after its headline:
 * every wrapper is a candidate for skipping, and holds all the others.
 */
export function nestedChromePage(depth: number): string {
  const story = STRESS_STORY.map((text) => `<p>${text}</p>`).join('');
  return `<html><body><h1>Floods close bridges</h1>${'<div class="sidebar">'.repeat(depth)}${story}${'</div>'.repeat(depth)}</body></html>`;
}

/** The story, then a paragraph holding one link around `depth` nested <span>s. */
export function deepLinkPage(depth: number): string {
  const story = STRESS_STORY.map((text) => `<p>${text}</p>`).join('');
  return `<html><body>${story}<p><a href="/more">${'<span>'.repeat(depth)}More${'</span>'.repeat(depth)}</a></p></body></html>`;
}

/** What an unclosed-markup page opens and never closes. */
export type UnclosedOpening = 'comment' | 'script' | 'link';

/**
 * About `bytes` of markup opening comments, scripts or links by the thousand and never closing
 * one, after a headline and a short story paragraph: a pattern over the markup that looks for
 * the closing part scans to the end of the page from every opening. An open comment or script
 * hides the rest of the page; open links go on as one long linked paragraph.
 */
export function unclosedMarkupPage(opening: UnclosedOpening, bytes: number): string {
  const parts: string[] = [];
  for (let index = 0, size = 0; size < bytes; index++) {
    const part =
      opening === 'link'
        ? `${STRESS_STORY[index % STRESS_STORY.length]} <a href="/story/${index}">`
        : `<p>Line ${index} ${opening === 'comment' ? '<!--' : '<script>'} note</p>`;
    parts.push(part);
    size += part.length;
  }
  const rest = opening === 'link' ? `<p>${parts.join('')}</p>` : parts.join('');
  return `<html><body><h1>Floods close bridges</h1><p>${STRESS_STORY[0]}</p>${rest}</body></html>`;
}

/**
 * The story, then `pairs` pairs of lines about its writer, each worded like a bio ("… is a staff
 * writer at …") with a line about the same person after it: every bio is a candidate end of the
 * story, to be weighed against the prose before and after it.
 */
export function bioRunPage(format: 'html' | 'text', pairs: number): string {
  const bio = ['Jane Doe is a staff writer at Example News covering transport.', 'Jane Doe likes cats.'];
  const lines = ['Floods close bridges', ...STRESS_STORY];
  for (let pair = 0; pair < pairs; pair++) lines.push(...bio);
  if (format === 'text') return lines.join('\n\n');
  return `<html><body><article>${lines.map((line, index) => (index === 0 ? `<h1>${line}</h1>` : `<p>${line}</p>`)).join('')}</article></body></html>`;
}

/** Paragraphs in the large page's story. */
export const LARGE_PAGE_PARAGRAPHS = 30;

/**
 * A page over 10 MB: 6 MB of inline JSON data, a menu of 25,000 links, 30 story paragraphs and
 * 10,000 comments, the way a heavy news page is built.
 */
export function largePage(): string {
  const story = Array.from(
    { length: LARGE_PAGE_PARAGRAPHS },
    (_, index) =>
      `<p>Paragraph ${index}: the council said on Tuesday that repairs to the flood defences would cost ${index + 2} million pounds, and that work on the river wall would begin in the spring.</p>`,
  ).join('\n');
  const data: string[] = [];
  for (let index = 0, size = 0; size < 6_000_000; index++) {
    const item = `{"id":${index},"title":"Another headline about something","url":"/a/b/${index}"},`;
    data.push(item);
    size += item.length;
  }
  const menu: string[] = [];
  for (let index = 0; index < 25_000; index++) {
    menu.push(
      `<li><a href="/story/${index}">Headline number ${index} about events today</a><span class="time">${index % 24} hours ago</span></li>`,
    );
  }
  const comments: string[] = [];
  for (let index = 0; index < 10_000; index++) {
    comments.push(
      `<div class="comment"><span class="user">user${index}</span><p>I think this is comment number ${index} and I agree with the council.</p></div>`,
    );
  }
  return `<!DOCTYPE html><html><head><title>Flood repairs</title><script>window.__DATA__=[${data.join('')}]</script></head><body><nav><ul>${menu.join('\n')}</ul></nav><article><h1>Flood repairs</h1>${story}</article><section class="comments">${comments.join('\n')}</section></body></html>`;
}
