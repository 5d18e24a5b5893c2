import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';

/**
 * Story lines worded like the page chrome a wording rule is for (a gallery counter, an agency
 * caption, a list header, a bio, a tag list, a picture credit, a comment count) must stay in the
 * story, on flattened pages and in HTML, while the chrome itself still goes.
 */

const MENU = ['Home', 'World', 'Business', 'Sport', 'Culture', 'Sign In'];

const OPENING = [
  'The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for more than a decade.',
  'Engineers had warned that the steel frame, built in 1931, could no longer carry the weight of modern lorries and buses.',
  'The council said the new bridge would have a wider footpath and a separate lane for bicycles on its eastern side.',
  'Shopkeepers on both banks welcomed the decision, though some worried about losing trade while the works go on.',
  'The mayor, who had campaigned for a new crossing, called the vote a victory for every family that lives by the water.',
];

const CLOSING = [
  'Work is due to start next spring and should take three years, during which a ferry will carry people across the river.',
  'A public meeting on the design will be held at the town hall next month, and residents can send comments online.',
];

/** A flattened page: menu, headline, the story with `middle` inside it, a footer. */
function textPage(
  middle: readonly string[],
  after: readonly string[] = ['Share', 'Privacy Policy'],
): Article {
  const lines = [
    ...MENU,
    'Council votes to rebuild harbour bridge',
    ...OPENING,
    ...middle,
    ...CLOSING,
    ...after,
  ];
  return extractArticle({
    input: 'page.txt',
    format: 'text',
    content: lines.join('\n\n'),
    encoding: 'utf-8',
  });
}

/** An HTML page: navigation, the story (with `middle` as its paragraphs or markup), a footer. */
function htmlPage(middle: readonly string[], after = ''): Article {
  const paragraphs = (lines: readonly string[]) =>
    lines.map((line) => (line.startsWith('<') ? line : `<p>${line}</p>`)).join('\n');
  const content = `<html><head><title>Council votes to rebuild harbour bridge | Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Council votes to rebuild harbour bridge</h1>
${paragraphs([...OPENING, ...middle, ...CLOSING])}
${after}</article>
<footer><p>© 2019 Daily Example. All rights reserved.</p></footer></body></html>`;
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

/** The story line `line` is in the article, and so is the story after it. */
function assertKept(article: Article, line: string): void {
  assert.ok(article.text.includes(line), `dropped: ${line}`);
  assert.ok(article.text.includes(CLOSING[1]!), `story cut after: ${line}`);
}

const BOTH = [
  ['flattened text', textPage],
  ['HTML', htmlPage],
] as const;

describe('story lines worded like chrome stay in the story', () => {
  for (const [mode, build] of BOTH) {
    it(`keeps a sentence opening with a share ("3 of 5 …") (${mode})`, () => {
      const line =
        '3 of 5 Americans say they support the plan, according to a poll released on Monday by the university.';
      assertKept(build([line]), line);
    });

    it(`keeps two sentences opening with shares of one total (${mode})`, () => {
      const first = '2 of 3 Americans said they back the plan, according to a poll released on Monday.';
      const second = '1 of 3 Republicans said the bridge should not be rebuilt at all, the same poll found.';
      const article = build([first, second]);
      assertKept(article, first);
      assertKept(article, second);
    });

    it(`keeps a sentence about a photo (${mode})`, () => {
      const line =
        'This is the first photo of a black hole ever taken, and scientists said it confirms decades of theory about gravity.';
      assertKept(build([line]), line);
    });

    it(`keeps a line introducing the story's own list (${mode})`, () => {
      const intro = 'More than 40 countries signed the pact, including:';
      const list =
        mode === 'HTML'
          ? ['<ul><li>France and Germany</li><li>Japan</li></ul>']
          : ['France and Germany', 'Japan'];
      const article = build([intro, ...list]);
      assertKept(article, intro);
      assert.ok(article.text.includes('France and Germany'));
    });

    it(`keeps a news sentence about a reporter (${mode})`, () => {
      const line =
        'Jane Roe is a Daily Example reporter who was detained abroad in March while on assignment, her editors said.';
      assertKept(build([line]), line);
    });

    it(`keeps a news sentence about a reporter followed by a list (${mode})`, () => {
      const line =
        'John Doe is a Daily Example reporter who spent the week on the river, talking to ferry crews.';
      const list =
        mode === 'HTML'
          ? ['<ul><li>North Quay</li><li>Old Market Steps</li></ul>']
          : ['North Quay', 'Old Market Steps'];
      assertKept(build([line, ...list]), line);
    });

    it(`keeps a news sentence about a company (${mode})`, () => {
      const line =
        'Voltra is the largest electric car company in the world by market value, and its shares rose 5% on Tuesday.';
      assertKept(build([line]), line);
    });

    it(`keeps a closing news sentence about a company (${mode})`, () => {
      const line =
        'Voltra is the largest electric car company in the world by market value, and its shares rose 5% on Tuesday.';
      const article = mode === 'HTML' ? htmlPage([], `<p>${line}</p>`) : textPage([], [line, 'Share']);
      assert.ok(article.text.includes(line), `dropped: ${line}`);
    });

    it(`keeps a closing news sentence about a reporter (${mode})`, () => {
      const line =
        'Jane Roe is a newspaper reporter who was detained in March while on assignment, and her editors are still waiting for news.';
      const article = mode === 'HTML' ? htmlPage([], `<p>${line}</p>`) : textPage([], [line, 'Share']);
      assert.ok(article.text.includes(line), `dropped: ${line}`);
    });

    it(`keeps the story after an "About …" subhead on its topic (${mode})`, () => {
      const subhead = 'About the new bridge';
      const article = build(mode === 'HTML' ? [`<h2>${subhead}</h2>`] : [subhead]);
      assertKept(article, subhead);
    });

    it(`keeps a sentence that starts with "Topics" (${mode})`, () => {
      const line = 'Topics Discussed At The Summit Included Trade And Security, officials said.';
      assertKept(build([line]), line);
    });

    it(`keeps a quoted letter signed with a name and title (${mode})`, () => {
      const line =
        'Sincerely, the board thanks every member who attended the annual meeting this year. John Smith, Chairman';
      assertKept(build([line]), line);
    });

    it(`keeps a sentence that counts responses (${mode})`, () => {
      const line = 'The agency received 300 responses to its request.';
      assertKept(build([line]), line);
    });
  }

  it('keeps the story after an embedded tweet with its "Reply" link (flattened text)', () => {
    const article = textPage([
      'Our crews are on the bridge now. Expect delays on the ring road this morning.',
      '— City Roads (@cityroads) November 19, 2019',
      'Reply',
    ]);
    assert.ok(article.text.includes(CLOSING[1]!));
  });
});

describe('the chrome those rules are for still goes', () => {
  it('drops the captions of a gallery, each opening with its counter', () => {
    const article = textPage([
      '1 of 3 Commuters queue for the ferry at North Quay on Tuesday as work on the bridge begins in the early morning',
      '2 of 3 The old harbour bridge at dusk, seen from the north bank of the river on Monday evening',
      '3 of 3 A drawing of the new bridge released by the city council shows a wider footpath',
    ]);
    assert.ok(!article.text.includes('of 3'));
  });

  it('drops an agency caption ("In this …, file photo, …")', () => {
    for (const build of [textPage, htmlPage]) {
      const article = build([
        'In this Nov. 19, 2019, file photo, commuters queue for the ferry at North Quay as work on the bridge begins.',
      ]);
      assert.ok(!article.text.includes('file photo'));
    }
  });

  it('drops a header naming the source of a list of links', () => {
    const article = textPage(
      [],
      ['Related coverage from Daily Example Money:', 'Ten bridges that changed their cities', 'Share'],
    );
    assert.ok(!article.text.includes('Related coverage'));
  });

  it('drops a tag list', () => {
    const article = textPage([], ['Tags Harbour Bridge City Council Transport', 'Share']);
    assert.ok(!article.text.includes('Tags'));
  });

  it('drops a comment thread under its header', () => {
    const article = textPage(
      [],
      [
        '2 Responses to “Council votes to rebuild harbour bridge”',
        'Mary Jones',
        'I drive over that bridge every day and it is about time somebody did something about it.',
        'Peter Brown',
        'What a waste of money, the ferry was good enough for my grandparents and it is good enough for me.',
      ],
    );
    assert.ok(!article.text.includes('Mary Jones'));
    assert.ok(!article.text.includes('waste of money'));
  });

  it("ends the story at its writer's bio when other stories follow it", () => {
    const article = textPage(
      [],
      [
        'Jane Roe is a contributing editor who covers ports and rivers for the Daily Example',
        'Read next',
        'Why ferries are coming back in fashion in cities that gave them up decades ago, and what they cost to run.',
        'The best river walks for a Sunday afternoon, from the estuary to the old mill and back along the towpath.',
      ],
    );
    assert.ok(article.text.endsWith(CLOSING[1]!));
  });

  it('drops a box about the author under its "About" header', () => {
    const bio = 'Jane Roe has reported on rivers and bridges for twenty years.';
    assert.ok(!textPage([], ['About Jane Roe', bio, 'Share']).text.includes(bio));
    assert.ok(!htmlPage([], `<h2>About Jane Roe</h2><p>${bio}</p>`).text.includes(bio));
  });

  it('drops a company profile with its contact details after the story', () => {
    const profile =
      'Voltra is a leading maker of electric ferries, founded in 2004 and headquartered in North Quay.';
    assert.ok(!textPage([], [profile, 'Share']).text.includes(profile));
    assert.ok(!htmlPage([], `<p>${profile}</p>`).text.includes(profile));
  });

  it("drops the author's bio after the story", () => {
    const bio = 'Jane Roe is a staff writer at the Daily Example covering transport and city politics.';
    assert.ok(!textPage([], [bio, 'Share']).text.includes(bio));
    assert.ok(!htmlPage([], `<p>${bio}</p>`).text.includes(bio));
  });
});
