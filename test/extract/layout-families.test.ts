import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';

/**
 * One made-up page per layout family that extraction must read as a story: old table layouts
 * with <font> text, text broken by <br> only, lists that are the content, a short brief among
 * full chrome, a page in a script without spaces, and reader comments kept apart.
 */
function extract(content: string, options: { comments?: boolean } = {}) {
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' }, options);
}

const MENU = ['Home', 'World', 'Business', 'Sport', 'Weather', 'Contact us']
  .map((entry) => `<a href="/${entry.toLowerCase()}">${entry}</a>`)
  .join(' | ');
const OTHER_HEADLINES = [
  'Council approves new budget for schools',
  'Harbour festival returns this summer',
  'Local team wins the regional cup final',
  'New bus routes start on Monday morning',
  'Library extends its weekend opening hours',
];
const LINK_LIST = `<ul>${OTHER_HEADLINES.map((headline, index) => `<li><a href="/story/${index}">${headline}</a></li>`).join('')}</ul>`;
const FOOTER = '<p>Copyright 2008 The Valley Courier. All rights reserved. <a href="/terms">Terms</a></p>';
/** What a page built by script shows beside its loading box: a notice, not a story. */
const APP_SHELL_NOTICE =
  'We use cookies to improve your experience of our website. By continuing to browse the site you agree to our use of cookies. Read our privacy policy to find out how we use your data and how you can change your settings at any time.';

const TABLE_STORY = [
  'The old mill on the river will be turned into a museum of local crafts, the town council decided on Tuesday evening after a long debate.',
  'Members voted eleven to four in favour of the plan, which will cost about two million pounds and be paid for largely by a heritage grant.',
  'Work on the roof is expected to start in the spring, and the first rooms could open to visitors by the end of next year.',
];

describe('layout families', () => {
  it('reads a story set in <font> text inside a table layout', () => {
    const page = `<html><head><title>Old mill to become museum - The Valley Courier</title></head><body>
<table width="100%"><tr><td colspan="2"><font size="5">The Valley Courier</font><br>${MENU}</td></tr>
<tr><td width="160" valign="top"><font size="2"><b>Sections</b><br>${OTHER_HEADLINES.map((headline) => `<a href="/s">${headline}</a><br>`).join('')}</font></td>
<td valign="top"><font face="Arial" size="4"><b>Old mill to become museum</b></font><br><br>
<font face="Arial" size="2">${TABLE_STORY.join('<br><br>\n')}</font></td></tr>
<tr><td colspan="2"><font size="1">${FOOTER}</font></td></tr></table></body></html>`;
    const article = extract(page);
    for (const sentence of TABLE_STORY) assert.ok(article.text.includes(sentence), sentence);
    for (const headline of OTHER_HEADLINES) assert.ok(!article.text.includes(headline), headline);
  });

  it('reads paragraphs separated by <br> alone', () => {
    const page = `<html><body><div class="top">${MENU}</div>${LINK_LIST}<div class="text"><h1>Old mill to become museum</h1>${TABLE_STORY.join('<br><br>')}</div><div class="bottom">${FOOTER}</div></body></html>`;
    const article = extract(page);
    assert.deepEqual(article.text.split('\n\n'), TABLE_STORY);
  });

  it('keeps a list that is the content: ingredients and steps of a recipe', () => {
    const ingredients = ['250 g flour', '2 eggs', '300 ml milk', 'a pinch of salt', 'butter for the pan'];
    const steps = [
      'Whisk the flour, eggs and milk into a smooth batter.',
      'Let the batter rest for half an hour.',
      'Fry thin pancakes in a little butter until golden on both sides.',
    ];
    const page = `<html><body><nav>${MENU}</nav><article><h1>Simple pancakes for Sunday</h1>
<p>These pancakes need only a few things from the cupboard, and children can help with every step of making them on a lazy weekend morning.</p>
<h2>Ingredients</h2><ul>${ingredients.map((item) => `<li>${item}</li>`).join('')}</ul>
<h2>Method</h2><ol>${steps.map((step) => `<li>${step}</li>`).join('')}</ol></article><aside>${LINK_LIST}</aside></body></html>`;
    const article = extract(page);
    for (const line of [...ingredients, ...steps]) assert.ok(article.text.includes(line), line);
  });

  it('extracts a two-sentence brief among full page chrome', () => {
    const brief =
      'A lorry overturned on the ring road early on Monday. No one was hurt, and the road reopened at nine.';
    const page = `<html><head><title>Lorry overturns on ring road</title></head><body><header>${MENU}</header>
<div class="content"><h1>Lorry overturns on ring road</h1><p>${brief}</p></div>
<div class="more"><h2>More news</h2>${LINK_LIST}${LINK_LIST}</div><footer>${FOOTER}</footer></body></html>`;
    assert.equal(extract(page).text, brief);
  });

  it('reads a page in a script written without spaces', () => {
    const story = [
      '市政府周二宣布，将在河边的旧工厂建立一座新的图书馆，预计明年秋天开放。',
      '新图书馆将提供儿童阅读区和自习室，市民可以免费使用。',
      '负责人表示，工程费用主要来自省级文化基金。',
    ];
    const menu = ['首页', '新闻', '体育', '财经', '联系我们']
      .map((entry) => `<a href="/">${entry}</a>`)
      .join(' ');
    const page = `<html lang="zh"><body><div class="nav">${menu}</div><div class="article"><h1>旧工厂将变身图书馆</h1>${story.map((line) => `<p>${line}</p>`).join('')}</div><div class="links"><a href="/1">天气预报</a> <a href="/2">交通信息</a></div></body></html>`;
    const article = extract(page);
    assert.equal(article.text, story.join('\n\n'));
    assert.equal(article.language, 'zh');
  });

  it('keeps reader comments apart from the story, and only when asked', () => {
    const comments = [
      'Great news for the town, the mill has been empty for far too long.',
      'I hope the museum will also show the old weaving machines that used to work there.',
    ];
    const thread = `<div id="comments"><h3>2 comments</h3><ol class="comment-list">${comments
      .map(
        (comment, index) =>
          `<li class="comment"><div class="comment-author"><a href="/u/${index}">reader${index}</a></div><div class="comment-body"><p>${comment}</p></div><a class="reply" href="#r">Reply</a></li>`,
      )
      .join(
        '',
      )}</ol><form class="comment-form"><textarea></textarea><button>Post comment</button></form></div>`;
    const page = `<html><body><nav>${MENU}</nav><article><h1>Old mill to become museum</h1>${TABLE_STORY.map((line) => `<p>${line}</p>`).join('')}</article>${thread}<footer>${FOOTER}</footer></body></html>`;
    const withComments = extract(page, { comments: true });
    assert.equal(withComments.text, TABLE_STORY.join('\n\n'));
    assert.deepEqual(
      withComments.comments?.map((comment) => comment.text),
      comments,
    );
    for (const comment of withComments.comments ?? []) {
      assert.equal(page.slice(comment.start, comment.end), comment.text);
    }
    assert.equal(extract(page).comments, undefined);
  });

  it('sets apart reader comments inside the box of the story, styled as its paragraphs are', () => {
    const comments = [
      'What a shame that it took the council so many years to decide, but better late than never for the old mill.',
      'My grandmother worked at the mill for thirty years and would have loved to see the machines shown again.',
      'I hope the entry will be free for the children of the town, as the museum was paid for by all of us.',
    ];
    // A thread named in words the unlikely-content test does not know, inside the story's own box.
    const thread = `<div class="discussion">${comments.map((comment) => `<p>${comment}</p>`).join('')}</div>`;
    const story = TABLE_STORY.map((line) => `<p>${line}</p>`).join('');
    const page = `<html><body><nav>${MENU}</nav><div class="post"><h1>Old mill to become museum</h1><div class="text">${story}${thread}</div></div><footer>${FOOTER}</footer></body></html>`;
    const article = extract(page, { comments: true });
    assert.equal(article.text, TABLE_STORY.join('\n\n'));
    assert.deepEqual(
      article.comments?.map((comment) => comment.text),
      comments,
    );
  });

  it('keeps the lead set apart from the body by a picture, a byline and a row of links', () => {
    const lead = TABLE_STORY[0]!;
    const body = TABLE_STORY.slice(1);
    const shareLinks = [
      'Facebook',
      'Twitter',
      'Email',
      'Print',
      'WhatsApp',
      'Reddit',
      'LinkedIn',
      'Copy link',
    ]
      .map((name) => `<li><a href="/s/${name.toLowerCase()}">${name}</a></li>`)
      .join('');
    const page = `<html><head><title>Old mill to become museum</title></head><body><nav>${MENU}</nav>
<div class="top"><h1>Old mill to become museum</h1><div class="standfirst"><p>${lead}</p></div>
<div class="picture"><p>The mill in 1910</p><p>Photo: Town archive</p></div><div class="who"><p>By Jane Doe</p><p>12 March 2008</p></div>
<ul class="tools">${shareLinks}</ul></div>
<div class="main-column"><div class="text">${body.map((line) => `<p>${line}</p>`).join('')}<p>${body.join(' ')}</p></div></div>
<div class="more">${LINK_LIST}</div><footer>${FOOTER}</footer></body></html>`;
    // With an <h1> for the headline, and with the headline in bold type repeating the page's title.
    for (const variant of [page, page.replace(/<h1>(.*?)<\/h1>/, '<div class="hl"><b>$1</b></div>')]) {
      const article = extract(variant);
      assert.ok(article.text.startsWith(lead), article.text);
      for (const line of body) assert.ok(article.text.includes(line), line);
      for (const word of ['Facebook', 'Copy link', 'Council approves'])
        assert.ok(!article.text.includes(word), word);
    }
  });

  it('reads the story of a table layout whose story cell has a class named like chrome', () => {
    const headlines = OTHER_HEADLINES.map((headline) => `${headline} after a long meeting of the board`);
    const page = `<html><head><title>Old mill to become museum</title></head><body><table><tr>
<td class="nav"><div>${headlines.map((headline, index) => `<div><a href="/n/${index}">${headline}</a></div>`).join('')}</div></td>
<td class="sidebar-wide"><font size="4">Old mill to become museum</font><br>${TABLE_STORY.join('<br><br>')}</td>
</tr></table>${FOOTER}</body></html>`;
    const article = extract(page);
    for (const sentence of TABLE_STORY) assert.ok(article.text.includes(sentence), sentence);
    for (const headline of headlines) assert.ok(!article.text.includes(headline), headline);
  });

  it('reads a post its theme sets in an <aside>', () => {
    const page = `<html><head><title>Old mill to become museum - Valley Notes</title></head><body><header>${MENU}</header>
<aside class="post format-aside"><h2>Old mill to become museum</h2>${TABLE_STORY.map((line) => `<p>${line}</p>`).join('')}</aside>
<div class="widgets">${LINK_LIST}</div><footer>${FOOTER}</footer></body></html>`;
    const article = extract(page);
    for (const sentence of TABLE_STORY) assert.ok(article.text.includes(sentence), sentence);
    for (const headline of OTHER_HEADLINES) assert.ok(!article.text.includes(headline), headline);
  });

  it('reads a story a script-built page gives only in <noscript>', () => {
    const page = `<html><head><title>Old mill to become museum - Valley Notes</title></head><body><header>${MENU}</header>
<div id="app"><p>Loading…</p></div><noscript><article><h1>Old mill to become museum</h1>${TABLE_STORY.map((line) => `<p>${line}</p>`).join('')}</article></noscript>
<footer><p>${APP_SHELL_NOTICE}</p>${FOOTER}</footer></body></html>`;
    const article = extract(page);
    assert.equal(article.text, TABLE_STORY.join('\n\n'));
  });
});
