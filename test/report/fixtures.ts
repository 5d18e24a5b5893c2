/**
 * Hand-built results for the renderer tests: a wire story (wire.txt), a verbatim copy wrapped
 * in page chrome (portal.html), a spun copy (spun.txt) and an unrelated document (weather.txt).
 */
import type { Alignment, Passage, PassageKind } from '../../src/model/alignment.js';
import type { Article, BoilerplateBlock, BoilerplateKind } from '../../src/model/article.js';
import type { Change, ChangeType, Citation } from '../../src/model/change.js';
import type { PairResult } from '../../src/model/relation.js';
import type { Span } from '../../src/model/span.js';
import type { Story, TraceResult } from '../../src/model/story.js';
import { identityOffsetMap, MappedTextBuilder, spanToSource } from '../../src/text/offsets.js';

const WIRE_PARAGRAPHS = [
  'The West must engage with Russia to promote mutual interests but remain "very clear-eyed", U.S. Secretary of State Antony Blinken said on Wednesday.',
  'NATO Secretary General Jens Stoltenberg called on Russia to resume dialogue through a council that has not met for two years.',
  '"Dialogue is essential, especially when times are difficult as they are now," Stoltenberg told reporters in Brussels.',
  'The NATO-Russia Council last met in July 2019.',
];

const SPUN_PARAGRAPHS = [
  'The West must engage with Moscow to develop mutual interests but remain very clear-eyed, U.S. Secretary of State Anthony Blinken announced on Wednesday.',
  'NATO Secretary General Jens Stoltenberg called on Russia to continue the dialogue through a council that has not met for two years.',
  'He announced that dialogue is essential, especially when times are problematic as they are now.',
  'Readers wrote <script>alert("spun")</script> & asked for more.',
];

function paragraphSpans(paragraphs: readonly string[]): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const paragraph of paragraphs) {
    spans.push({ start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return spans;
}

interface ArticleMeta {
  title: string | null;
  published?: string | null;
  byline?: string | null;
}

/** A plain-text article whose input is exactly its story text. */
function plainArticle(input: string, paragraphs: readonly string[], meta: ArticleMeta): Article {
  const text = paragraphs.join('\n\n');
  return {
    input,
    format: 'text',
    encoding: 'utf-8',
    content: text,
    text,
    paragraphs: paragraphSpans(paragraphs),
    origin: identityOffsetMap(text.length),
    title: meta.title,
    published: meta.published ?? null,
    publishedFrom: meta.published ? 'dateline' : null,
    publishedConfidence: meta.published ? 0.5 : null,
    modified: null,
    byline: meta.byline ?? null,
    siteName: null,
    url: null,
    canonicalUrl: null,
    language: 'en',
    boilerplate: [],
  };
}

/** An HTML page: the wire's first three paragraphs inside navigation, a teaser and a footer. */
function portalArticle(): Article {
  const builder = new MappedTextBuilder();
  const boilerplate: BoilerplateBlock[] = [];
  let content = '<!doctype html><html><body>';
  const chrome = (kind: BoilerplateKind, tag: string, text: string): void => {
    content += `<${tag}>`;
    boilerplate.push({ kind, start: content.length, end: content.length + text.length, text });
    content += `${text}</${tag}>\n`;
  };
  const paragraph = (text: string): void => {
    if (builder.size > 0) builder.appendSeparator('\n\n');
    content += '<p>';
    builder.appendFrom(text, content.length, content.length + text.length);
    content += `${text}</p>\n`;
  };
  chrome('navigation', 'nav', 'Left Menu');
  chrome('title', 'h1', 'Engage Russia but remain clear-eyed, Blinken tells NATO');
  paragraph(WIRE_PARAGRAPHS[0]!);
  chrome('teaser', 'aside', 'ALSO READ: Markets rally as oil slips');
  paragraph(WIRE_PARAGRAPHS[1]!);
  paragraph(WIRE_PARAGRAPHS[2]!);
  chrome('footer', 'footer', '© 2021 Portal News');
  content += '</body></html>\n';
  const text = builder.toString();
  return {
    input: 'portal.html',
    format: 'html',
    encoding: 'windows-1252',
    content,
    text,
    paragraphs: paragraphSpans(WIRE_PARAGRAPHS.slice(0, 3)),
    origin: builder.map,
    title: 'Engage Russia but remain clear-eyed, Blinken tells NATO',
    published: '2021-03-24T20:48:00+05:30',
    publishedFrom: 'meta',
    publishedConfidence: 0.8,
    modified: null,
    byline: null,
    siteName: 'Portal News',
    url: 'https://portal.example/story',
    canonicalUrl: 'https://portal.example/story',
    language: 'en',
    boilerplate,
  };
}

export const wire = plainArticle('wire.txt', WIRE_PARAGRAPHS, {
  title: 'Engage Russia but remain "clear-eyed", Blinken tells NATO',
  published: '2021-03-24',
  byline: 'Reuters',
});
export const portal = portalArticle();
export const spun = plainArticle('spun.txt', SPUN_PARAGRAPHS, {
  title: 'West must engage with Moscow to develop mutual interests',
});
export const weather = plainArticle(
  'weather.txt',
  ['Heavy rain is expected across the region on Thursday, forecasters said.'],
  { title: null },
);

/** The span of the `occurrence`-th match of `needle` in the article's story text. */
export function textSpan(article: Article, needle: string, occurrence = 0): Span {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = article.text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`fixture: "${needle}" not in ${article.input}`);
  return { start, end: start + needle.length };
}

/** A citation of story text, with input offsets. */
function cite(article: Article, needle: string, occurrence = 0): Citation {
  const span = textSpan(article, needle, occurrence);
  const input = spanToSource(article.origin, span.start, span.end);
  return { text: article.content.slice(input.start, input.end), ...input };
}

/** A citation of page chrome, which exists only in the input. */
function citeInput(article: Article, needle: string): Citation {
  const start = article.content.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in ${article.input}`);
  return { text: needle, start, end: start + needle.length };
}

function change(
  type: ChangeType,
  source: Citation | null,
  copy: Citation | null,
  weight: number,
  note: string,
): Change {
  return { type, source, copy, weight, note };
}

function passage(
  kind: PassageKind,
  a: Span | null,
  b: Span | null,
  sentences: [number[], number[]],
  similarity: number,
): Passage {
  return { kind, a, b, sentencesA: sentences[0], sentencesB: sentences[1], similarity };
}

function paragraphOf(article: Article, index: number): Span {
  const span = article.paragraphs[index];
  if (span === undefined) throw new Error(`fixture: no paragraph ${index} in ${article.input}`);
  return span;
}

function through(article: Article, first: number, last: number): Span {
  return { start: paragraphOf(article, first).start, end: paragraphOf(article, last).end };
}

const portalAlignment: Alignment = {
  pairs: [],
  passages: [
    passage('verbatim', paragraphOf(wire, 0), paragraphOf(portal, 0), [[0], [0]], 1),
    // One passage across a paragraph break, as the aligner merges consecutive verbatim sentences.
    passage(
      'verbatim',
      through(wire, 1, 2),
      through(portal, 1, 2),
      [
        [1, 2],
        [1, 2],
      ],
      0.99871,
    ),
    passage('dropped', paragraphOf(wire, 3), null, [[3], []], 0),
  ],
  stats: {
    coverageA: 0.78123,
    coverageB: 1,
    strictA: 0.78,
    strictB: 1,
    verbatimA: 0.78,
    verbatimB: 1,
    pairs: { verbatim: 3, edited: 0, spun: 0, reworded: 0 },
    topical: 0.8,
    words: { equal: 52, synonym: 0, related: 0, spelling: 0, substitute: 0 },
  },
};

/** wire.txt compared with portal.html: a verbatim copy, a → b. */
export const portalPair: PairResult = {
  relation: 'copy',
  score: 0.93456,
  direction: {
    direction: 'a->b',
    confidence: 0.91,
    signals: [
      { name: 'chrome', vote: 0.4, detail: 'portal.html wraps the text in page chrome' },
      { name: 'trimmed', vote: 0.3, detail: 'portal.html lacks the last paragraph' },
    ],
  },
  alignment: portalAlignment,
  changes: [
    change(
      'teaser-added',
      null,
      citeInput(portal, 'ALSO READ: Markets rally as oil slips'),
      1,
      'teaser inserted',
    ),
    change('paragraph-dropped', cite(wire, WIRE_PARAGRAPHS[3]!), null, 2, 'last paragraph dropped'),
  ],
};

const spunAlignment: Alignment = {
  pairs: [],
  passages: [
    passage('spun', paragraphOf(wire, 0), paragraphOf(spun, 0), [[0], [0]], 0.71),
    passage('edited', paragraphOf(wire, 1), paragraphOf(spun, 1), [[1], [1]], 0.9),
    passage('reworded', paragraphOf(wire, 2), paragraphOf(spun, 2), [[2], [2]], 0.62),
    passage('dropped', paragraphOf(wire, 3), null, [[3], []], 0),
    passage('added', null, paragraphOf(spun, 3), [[], [3]], 0),
  ],
  stats: {
    coverageA: 0.8,
    coverageB: 0.74,
    strictA: 0.52,
    strictB: 0.49,
    verbatimA: 0.3,
    verbatimB: 0.28,
    pairs: { verbatim: 0, edited: 1, spun: 1, reworded: 1 },
    topical: 0.7,
    words: { equal: 38, synonym: 5, related: 0, spelling: 1, substitute: 2 },
  },
};

/**
 * spun.txt compared with wire.txt (in that order): the wire is the source, so the direction is
 * "b->a" and the alignment's side a is wire.txt.
 */
export const spunPair: PairResult = {
  relation: 'spun',
  score: 0.84567,
  direction: {
    direction: 'b->a',
    confidence: 0.81,
    signals: [
      {
        name: 'quote-intact',
        vote: -0.6,
        detail: 'a direct quote of wire.txt is reported speech in spun.txt',
      },
      { name: 'published', vote: -0.3, detail: 'wire.txt carries the earlier date' },
      { name: 'length', vote: 0.1, detail: 'spun.txt is longer' },
    ],
  },
  alignment: spunAlignment,
  changes: [
    change(
      'synonym-substituted',
      cite(wire, 'promote'),
      cite(spun, 'develop'),
      1,
      '“promote” → “develop” (synonym)',
    ),
    change(
      'synonym-substituted',
      cite(wire, 'Russia'),
      cite(spun, 'Moscow'),
      2,
      '“Russia” → “Moscow” (synonym)',
    ),
    change(
      'name-misspelt',
      cite(wire, 'Antony Blinken'),
      cite(spun, 'Anthony Blinken'),
      2,
      'Antony → Anthony',
    ),
    change(
      'quote-to-reported',
      cite(wire, 'Dialogue is essential, especially when times are difficult as they are now'),
      cite(
        spun,
        'He announced that dialogue is essential, especially when times are problematic as they are now',
      ),
      3,
      'direct quote turned into reported speech',
    ),
    change('synonym-substituted', cite(wire, 'resume'), cite(spun, 'continue'), 1, '“resume” → “continue”'),
    change(
      'synonym-substituted',
      cite(wire, 'difficult'),
      cite(spun, 'problematic'),
      1,
      '“difficult” → “problematic”',
    ),
    change('synonym-substituted', cite(wire, 'said'), cite(spun, 'announced'), 1, '“said” → “announced”'),
    change('paragraph-dropped', cite(wire, WIRE_PARAGRAPHS[3]!), null, 2, 'last paragraph dropped'),
    change('paragraph-added', null, cite(spun, SPUN_PARAGRAPHS[3]!), 1, 'paragraph added'),
  ],
};

export const wireStory: Story = {
  id: 'story-1',
  documents: ['wire.txt', 'portal.html', 'spun.txt'],
  root: 'wire.txt',
  rootConfidence: 0.86,
  edges: [
    { source: 'wire.txt', copy: 'portal.html', result: portalPair },
    { source: 'wire.txt', copy: 'spun.txt', result: spunPair },
  ],
  siblings: [],
};

export const trace: TraceResult = {
  articles: [wire, portal, spun, weather],
  stories: [
    wireStory,
    { id: 'story-2', documents: ['weather.txt'], root: null, rootConfidence: 0, edges: [], siblings: [] },
  ],
};
