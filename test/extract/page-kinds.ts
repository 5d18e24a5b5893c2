/**
 * Hand-written pages of a made-up news site: pages with no story (home page, search results,
 * sign-in form, "page not found", photo gallery) and story pages that must still come out,
 * all in the same page chrome.
 */

const SECTIONS = [
  'Home',
  'World',
  'Business',
  'Politics',
  'Technology',
  'Science',
  'Health',
  'Sport',
  'Culture',
  'Travel',
  'Opinion',
  'Video',
];

const HEADLINES = [
  'Floods close two bridges as river rises',
  'Council approves new budget after long debate',
  'Central bank holds rates steady for third month',
  'Striking rail workers reach deal with operators',
  'Scientists map the seabed off the northern coast',
  'Local team wins cup final on penalties',
  'Museum reopens after two-year renovation',
  'Hospital waiting lists fall for the first time in years',
  'New bus routes to link the suburbs with the centre',
  'Court rules on disputed housing development',
  'Heatwave warning issued for the weekend',
  'Airport expansion plan faces fresh challenge',
];

const TEASERS = [
  'The mayor urged residents to stay away from the river bank.',
  'The plan includes money for schools and road repairs.',
  'Borrowing costs are unchanged as inflation eases.',
  'Services will return to normal from Monday.',
  'The survey found several shipwrecks and a reef.',
  'The winning kick came in the last minute of extra time.',
  'Visitors queued from early morning to see the new galleries.',
  'Officials credited extra weekend clinics for the change.',
  'The first buses will run from next month.',
  'Residents had objected to the height of the towers.',
  'Temperatures are expected to pass 35C in some areas.',
  'Campaigners say the new runway breaks climate promises.',
];

function header(): string {
  const links = SECTIONS.map((section) => `<li><a href="/${section.toLowerCase()}">${section}</a></li>`).join(
    '',
  );
  return `<header><a class="logo" href="/">The Daily Example</a><nav class="main-nav"><ul>${links}</ul></nav><form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></header>`;
}

function footer(): string {
  const columns = [
    ['About us', 'Contact', 'Careers', 'Advertise with us', 'Press office'],
    ['Terms of use', 'Privacy policy', 'Cookie settings', 'Accessibility', 'Sitemap'],
    ['Newsletters', 'Podcasts', 'Apps', 'Puzzles', 'Archive'],
  ];
  const lists = columns
    .map(
      (links) =>
        `<ul>${links.map((link) => `<li><a href="/${link.replace(/ /g, '-')}">${link}</a></li>`).join('')}</ul>`,
    )
    .join('');
  return `<footer>${lists}<p>© 2021 The Daily Example Ltd. All rights reserved. Registered in England and Wales.</p><div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p><button>Accept all cookies</button></div></footer>`;
}

function sidebar(): string {
  const items = HEADLINES.slice(0, 6)
    .map((headline, index) => `<li><a href="/story/${index}">${headline}</a></li>`)
    .join('');
  return `<aside class="sidebar"><h3>Most read</h3><ol>${items}</ol></aside>`;
}

function document(title: string, main: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Daily Example</title></head><body>${header()}<div class="layout"><main>${main}</main>${sidebar()}</div>${footer()}</body></html>`;
}

/** A front page: headline links with one-line teasers, in several sections. */
export function homePage(): string {
  const cards = HEADLINES.map(
    (headline, index) =>
      `<article class="card"><h3><a href="/story/${index}">${headline}</a></h3><p class="teaser">${TEASERS[index]}</p><span class="time">${index + 1} hours ago</span></article>`,
  ).join('');
  return document(
    'Home',
    `<section class="top-stories"><h2>Top stories</h2>${cards}</section><section><h2>In pictures</h2><a href="/pictures">The week in pictures</a></section>`,
  );
}

/** Search results: titles, snippets cut with an ellipsis, page numbers. */
export function searchPage(): string {
  const results = HEADLINES.slice(0, 10)
    .map(
      (headline, index) =>
        `<li class="result"><h3><a href="/story/${index}">${headline}</a></h3><p class="snippet">${TEASERS[index]!.slice(0, -1)} and officials said more details would follow …</p><cite>dailyexample.com/story/${index}</cite></li>`,
    )
    .join('');
  return document(
    'Search',
    `<h1>Search results for “flood”</h1><p class="count">About 1,240 results</p><ol class="results">${results}</ol><nav class="pagination"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">Next</a></nav>`,
  );
}

/** A sign-in form. */
export function loginPage(): string {
  return document(
    'Sign in',
    `<h1>Sign in to your account</h1><form class="login"><label for="email">Email address</label><input id="email" type="email"><label for="password">Password</label><input id="password" type="password"><label><input type="checkbox"> Keep me signed in</label><button type="submit">Sign in</button></form><p><a href="/forgot">Forgot your password?</a></p><p>Don't have an account? <a href="/register">Register now</a></p><p class="small">By signing in you agree to our <a href="/terms">Terms of use</a> and <a href="/privacy">Privacy policy</a>.</p>`,
  );
}

/** "Page not found" with links to try instead. */
export function notFoundPage(): string {
  const links = HEADLINES.slice(0, 5)
    .map((headline, index) => `<li><a href="/story/${index}">${headline}</a></li>`)
    .join('');
  return document(
    'Page not found',
    `<div class="error-page"><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist or has been moved.</p><p>Try searching for it, or go back to the <a href="/">home page</a>.</p><h2>Popular right now</h2><ul>${links}</ul></div>`,
  );
}

/** A photo gallery: pictures with short captions, credits and counters. */
export function galleryPage(): string {
  const captions = [
    'Flood water in the city centre.',
    'A bridge closed to traffic.',
    'Volunteers fill sandbags.',
    'The river at its highest point.',
    'A shop owner clears up.',
    'Rescue boats on Main Street.',
    'Cars stranded in a car park.',
    'The view from the cathedral tower.',
  ];
  const figures = captions
    .map(
      (caption, index) =>
        `<figure class="slide"><img src="/img/${index}.jpg" alt=""><figcaption>${caption} <span class="credit">Photo: Jane Doe/Example Agency</span></figcaption><span class="counter">${index + 1} of ${captions.length}</span></figure>`,
    )
    .join('');
  return document(
    'In pictures: floods across the region',
    `<h1>In pictures: floods across the region</h1><div class="gallery">${figures}</div><div class="gallery-nav"><a href="#prev">Previous</a> <a href="#next">Next</a></div>`,
  );
}

/**
 * A story told in short lines: the scorers of a cup final, none a sentence of prose, in the full
 * page chrome. With `declared`, the page's og:type calls it an article.
 */
export function scorersPage(declared: boolean): string {
  const lines = [
    'City 3 United 1',
    'City: Adams 12, Brown 55, Clarke 80',
    'United: Davies 71',
    'Attendance: 41,200',
    'Referee: M. Evans',
    'Man of the match: Brown',
  ]
    .map((line) => `<p>${line}</p>`)
    .join('');
  const page = document(
    'Cup final: City beat United',
    `<article><h1>Cup final: City beat United</h1>${lines}</article>`,
  );
  return declared ? withDeclaredArticle(page) : page;
}

/** How a publisher declares a page an article: an og:type tag, or a schema.org type in JSON-LD. */
const DECLARATIONS = {
  'og:type': '<meta property="og:type" content="article">',
  'JSON-LD':
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Cup final: City beat United"}]}</script>',
};

/** The page with a declaration calling it an article, as most publishers' pages have. */
export function withDeclaredArticle(page: string, how: keyof typeof DECLARATIONS = 'og:type'): string {
  return page.replace('<meta charset="utf-8">', `<meta charset="utf-8">${DECLARATIONS[how]}`);
}

/** A short news brief (three sentences) in the full page chrome: a story all the same. */
export function briefPage(): string {
  return document(
    'Bridge reopens after floods',
    `<article><h1>Bridge reopens after floods</h1><p class="byline">By Jane Doe</p><p>The Victoria Bridge reopened to traffic on Friday morning, three days after flood water forced the council to close it.</p><p>Engineers checked the structure overnight and found no damage, a council spokesperson said.</p><p>The second bridge, further downstream, is expected to stay closed until next week.</p></article>`,
  );
}

/** A one-paragraph story in the full page chrome. */
export function oneParagraphPage(): string {
  return document(
    'Rail strike called off',
    `<article><h1>Rail strike called off</h1><p>A rail strike planned for next week has been called off after the union and train operators agreed a pay deal late on Thursday, ending a dispute that had lasted more than six months and disrupted travel for thousands of commuters across the region.</p></article>`,
  );
}

/** A list article: an introduction, then numbered items each followed by its shop link. */
export function listiclePage(): string {
  const items = HEADLINES.slice(0, 10)
    .map(
      (headline, index) =>
        `<p>${index + 1}) ${headline}</p><p><a href="https://shop.example/${index}">https://shop.example/${index}</a></p>`,
    )
    .join('');
  return document(
    'Ten gifts for the flood volunteers',
    `<article><h1>Ten gifts for the flood volunteers</h1><p>Volunteers spent the whole week filling sandbags, clearing mud from homes and shops, and cooking for families who had to leave their houses when the river burst its banks.</p><p>Readers asked how to thank them, so we put together a list of small gifts that local businesses have offered at a discount until the end of the month.</p>${items}</article>`,
  );
}

/** Flattened page text: one block per line, as a page-to-text tool writes it. */
export function flattened(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(
      /<\/?(?:p|div|h\d|li|ul|ol|nav|header|footer|article|section|figure|figcaption|main|aside|form|label|button|cite)\b[^>]*>/g,
      '\n',
    )
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim();
}
