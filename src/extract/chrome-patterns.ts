import type { BoilerplateKind } from '../model/article.js';

/**
 * Keyword patterns for page chrome that is recognisable by its wording alone. Most apply to
 * short lines only, so a story sentence that mentions Twitter or a newsletter is never hit.
 */
interface ChromePattern {
  kind: BoilerplateKind;
  pattern: RegExp;
  /** Longest block (in words) the pattern may classify. */
  maxWords: number;
  /** Shortest block (in words) the pattern may classify, when short lines of that shape are not chrome. */
  minWords?: number;
}

const SOCIAL_WORDS =
  'share|shares|tweet|tweets|pin|email|e-mail|print|facebook|twitter|google\\+|linkedin|whatsapp|reddit|pinterest|telegram|messenger|copy link|comments?|save|flipboard|sms|x';

/**
 * Prompts that open a comment section, in English and as blog software words them in other
 * languages ("Leave a Reply", "Lascia un commento", "Добавить комментарий").
 */
const COMMENT_PROMPTS =
  'leave a (?:reply|comment)|post a comment|add a comment|view comments|show comments|leave comments|no comments yet|be the first to comment|view the discussion(?: thread)?|join the (?:conversation|discussion)|lascia un commento|deja un comentario|deixe (?:um|seu) comentário|laisser un commentaire|schreibe einen kommentar|kommentar (?:hinterlassen|schreiben)|добавить комментарий|оставить комментарий|оставьте комментарий';

/**
 * Headers of lists of other stories: "TRENDING", "Latest News", "OPINION / BLOG / INTERVIEW",
 * "More:", "DON'T MISS", also naming a section or site ("Most read in sport").
 */
const LIST_HEADER =
  /^(?:(?:more|read more|see also|also read|read also|further reading)(?=\s*:\W*$)|trending(?: now| news| stories)?|don'?t miss|must read|latest(?: news| stories| updates)?|most (?:popular|read|viewed|shared|commented)|top (?:stories|news|picks)|more (?:\p{L}+ ){0,3}(?:stories|news|articles|reads)|more from [\w\s]+|related(?: articles?| stories| news| posts| content| links| coverage| reading)?|you (?:may|might) (?:also )?like|recommended(?: for you| stories)?|editor'?s? picks?|popular(?: now| stories)?|videos?|in other news|what to read next|opinion(?:\s*[/|]\s*\w+)*|(?:news|more) in \w+)(?:\s+(?:in|on|from)\s+\p{L}+(?:\s+\p{L}+){0,2})?\W*$/iu;

/** A photographer's name ("Jane Roe", "Ali KARIMI") in a caption's closing credit. */
const CREDITED_NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}";
/**
 * The agency after a photographer's name and a comma: an acronym ("AP", "AFP") or a picture
 * library ("Example Images"). A name and a title ("John Smith, Chairman") sign a letter.
 */
const CREDITED_AGENCY =
  '(?:\\p{Lu}{2,6}|\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*)?\\s+(?:Images|Photos?|Pictures))';
const CAPTION_CREDIT_END = new RegExp(
  `(?:${[
    `[.!?]["”’]?\\s+${CREDITED_NAME}\\s*[/|]\\s*\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){0,2}`,
    `[.!?]["”’]?\\s+${CREDITED_NAME}\\s*,\\s*${CREDITED_AGENCY}`,
    `[.!?]["”’]?\\s*\\(${CREDITED_NAME}\\s*\\/\\s*\\p{Lu}[^()]{1,60}\\)`,
    '\\([^()]{0,20}\\b[Pp]hoto\\s*\\/[^()]{1,60}\\)',
    '\\([Pp]hotos? by [^()]{1,100}\\)',
  ].join('|')})\\s*$`,
  'u',
);

/**
 * A tag list run into its header without a colon ("Tags Harbour Bridge City Council"): names and
 * keywords, with neither the function words nor the punctuation of a sentence ("Topics Discussed
 * At The Summit Included Trade, officials said.").
 */
const TAG_RUN =
  /^(?:Tags|TAGS|Topics|TOPICS)\s+(?!(?:.*\s)?(?:[Aa]n?|[Aa]nd|[Aa]t|[Tt]he|[Oo]f|[Tt]o|[Ii]n|[Oo]n|[Ff]or|[Bb]y|[Ww]ith|[Ii]s|[Aa]re|[Ww]as|[Ww]ere)(?:\s|$))\p{L}[^,.!?;]*$/u;

/** A month's name, abbreviated or not ("Dec.", "Sept.", "March"). */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.?';
/**
 * A news agency's caption: "In this Dec. 3, 2018, file photo, a ranger …", "This undated photo
 * provided by …", "In this image made from video …". It dates or files the picture, or says who
 * took or released it; a sentence that merely mentions a photo ("This is the first photo of …")
 * does neither.
 */
const AGENCY_CAPTION = new RegExp(
  `^(?:(?:in )?this (?:undated |(?:${MONTH} \\d{1,2},? )?\\d{4},? |${MONTH} \\d{1,2},? )(?:file |handout )?|(?:in )?this (?:file |handout )|in this )(?:photo|image|picture|frame grab)s?(?:,| (?:provided|released|made available|made from|taken|obtained|posted|shared|distributed|courtesy)\\b)`,
  'iu',
);

/** The author's bio: "Jane Doe (@jdoe) is a staff writer at …". The name is captured. */
const AUTHOR_BIO =
  /^(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})(?:\s+\(@\w+\))?\s+is\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent|[Cc]ontributor|[Jj]ournalist|[Cc]olumnist|[Pp]roducer)\b/u;
const MAX_BIO_WORDS = 80;
/** Reporting credits and republication notes at the foot of a story. */
const STORY_CREDIT =
  /^\(?(?:additional )?(?:reporting|writing|editing) by\b|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|^originally (?:published|appeared) (?:on|in|at)\b/i;
const MAX_CREDIT_WORDS = 40;

/** A picture credit at the end of a caption: "… wore masks (Image: GETTY )", "… Credit: Jane Roe". */
const TRAILING_PICTURE_CREDIT =
  /(?:\((?:photo|image|picture|pic)s?(?:\s+credits?)?\s*:[^()]{1,60}\)|\b(?:photo|image|picture)?\s*credits?\s*(?::|\.\.\.|…)\s*[^.!?:…]{1,60})\s*$/i;

const PATTERNS: readonly ChromePattern[] = [
  // Syndication and editorial disclaimers, whatever their length.
  {
    kind: 'disclaimer',
    pattern:
      /\b(?:has not been edited by|auto-generated from a syndicated feed|published from a (?:wire|syndicated) (?:agency )?feed|generated from (?:a|an) (?:syndicated|agency) feed|views expressed (?:here|in this|by the author)|opinions expressed (?:here|in this|by the author)|may (?:earn|receive|get) (?:a |an )?(?:small )?(?:affiliate )?commission|contains? affiliate links)\b/i,
    maxWords: 60,
  },
  // Teasers for other stories inserted into the text.
  {
    kind: 'teaser',
    pattern:
      /^(?:also read|read more|read also|see also|also see|see more|must read|don'?t miss|more on this|mehr|lesen sie auch|lire aussi|à lire aussi|leia também|leia mais|lee también|leer más|leggi anche|читайте также|recommended(?: reading)?|related(?: articles?| stories| news| coverage| content| reading)?|suggested(?: reading)?|click here|watch|listen|read|more)(?:\s*[:：|»>]|\s+[–—-]\s)/i,
    maxWords: 40,
  },
  {
    kind: 'teaser',
    pattern:
      /^(?:read more|continue reading|read (?:the )?full (?:story|article)|read on|more…?|click here.*)\W*$/i,
    maxWords: 8,
  },
  // Lists of other headlines.
  { kind: 'related', pattern: LIST_HEADER, maxWords: 8 },
  // "Related coverage from Example Money:", "More from our partners:", "More on:": a header
  // naming what its list holds or where it comes from. A clause ending in a colon ("More than 40
  // countries signed, including:") introduces the story's own list.
  {
    kind: 'related',
    pattern:
      /^(?:related|more|further|recommended|popular)(?:\s+(?:stories|articles?|news|coverage|reading|reads|links|tags|topics|posts|videos?|content|headlines))?(?:\s+(?:on|from|in|about|by|for)\b[^.!?,]{0,60})?\s*:$/i,
    maxWords: 12,
  },
  // Tag lists: "Tags: Harbour", "Filed under:", "Topics".
  {
    kind: 'navigation',
    pattern:
      /^(?:[Tt]ags?|TAGS?|[Tt]agged(?: with)?|[Tt]opics|TOPICS|[Ff]iled under|[Cc]ategories|[Kk]eywords)(?:\s*[:#|]|\s*$)/u,
    maxWords: 25,
  },
  { kind: 'navigation', pattern: TAG_RUN, maxWords: 25 },
  // Share, follow, subscribe and comment prompts; a comment count outside a sentence.
  {
    kind: 'social',
    pattern: new RegExp(
      `^(?:(?:${SOCIAL_WORDS})(?:\\s+(?:on|via|this|article|story|page))?[\\s|,/•·]*)+$`,
      'i',
    ),
    maxWords: 12,
  },
  {
    kind: 'social',
    pattern: new RegExp(
      `(?:^|\\s)(?:${COMMENT_PROMPTS})(?=$|[\\s.!:…])|\\b(?:give (?:us )?feedback|follow us|follow (?:[\\w@.]+ ){1,3}on (?:twitter|facebook|instagram|youtube|linkedin|tiktok)|like us on|subscribe (?:to|now|for|today)|sign up (?:for|to)|newsletter|get the app|download (?:our|the) app|share (?:this|on|via)|report (?:an? )?(?:error|typo))\\b|^(?!.*[.!?]["”’)]*$).*\\b\\d+ comments?\\b`,
      'iu',
    ),
    maxWords: 16,
  },
  // Requests for the reader's opinion of the site and invitations to its forums and newsletters,
  // which run to a couple of sentences.
  {
    kind: 'social',
    pattern:
      /\b(?:tell us what you think|join our (?:[\w-]+ ){0,2}(?:forums?|community|newsletter|mailing list)|delivered (?:straight |right )?to your inbox)\b/i,
    maxWords: 50,
  },
  // Subscription confirmations and script notices, which run to a couple of sentences.
  {
    kind: 'social',
    pattern:
      /\b(?:unsubscribe|no spam|activation link|(?:enable|turn on) javascript|javascript (?:is )?(?:disabled|required))\b/i,
    maxWords: 40,
  },
  // Copyright, contact lines and legal links.
  {
    kind: 'footer',
    pattern:
      /(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice)\b|\bterms (?:of|and) (?:use|service|conditions)\b|\bcookie (?:policy|settings|preferences)\b|^contact(?: us)?\b|^about us\b|^(?:e-?mail|phone|tel|fax|mobile|address)\s*:|\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?:\+|\b00)\d{1,3}[\s-]?\(?\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4})/i,
    maxWords: 25,
  },
  // Cookie and consent notices.
  {
    kind: 'footer',
    pattern:
      /\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|uses? cookies to|accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent)|privacy overview|manage consent)\b/i,
    maxWords: 120,
  },
  // Advertising, sponsored slots, trading and broker words, site promotions.
  {
    kind: 'advertising',
    pattern:
      /^(?:advertisements?|advertising|adverts?|sponsored(?: content| links?| stories)?|ad|ads by \w+|promoted(?: content| stories)?|paid (?:content|post|partner)|partner content|story continues below(?: advertisement)?|continue reading below|scroll to continue)\W*$/i,
    maxWords: 6,
  },
  {
    kind: 'advertising',
    pattern:
      /\b(?:spreads|forex|cfds?|trading (?:instr[a-z]*|platform|account)|online trading|brokers?|pips)\b/i,
    maxWords: 4,
  },
  {
    kind: 'advertising',
    pattern:
      /\b(?:visit our (?:homepage|website|site|education page|store|shop)|learn (?:more )?for free|sign up for free|free trial|buy now|shop now|limited offer)\b/i,
    maxWords: 30,
  },
  // Menus, breadcrumbs and site navigation.
  {
    kind: 'navigation',
    pattern:
      /^(?:(?:left|right|main|top|open|close|toggle) (?:menu|navigation)|menu|navigation|skip to (?:main )?content|skip navigation|home|sections?|search|sign in|log ?in|log ?out|register|back to (?:top|gallery)|return to top|next(?: article| story| post)?|previous(?: article| story| post)?|close|open|toggle|more|show more|load more|see all|view all|go to|subscribe|subscriber login|my account|edition|\w+ edition)\W*$/i,
    maxWords: 6,
  },
  { kind: 'other', pattern: STORY_CREDIT, maxWords: MAX_CREDIT_WORDS },
  // Image captions, credits and gallery counters.
  {
    kind: 'other',
    pattern:
      /^(?:(?:photo|image|picture|pic|video|file photo|graphic|illustration|credit|caption|source)s?\s*(?::|by\b|credit\b)|\(?(?:photo|image|picture|credit)s?(?:\s+credits?)?\s*:|image \d+ of \d+|\d+\s*(?:\/|of)\s*\d+$|(?:image|photo) caption\b|caption$|enlarge this image|hide caption|toggle caption|expand$|fullscreen$|loading\W*$)/i,
    maxWords: 30,
  },
  // A caption that ends with its photographer and agency: "… on the quay. Jane Roe, AP", "… the
  // old bridge. Ali Karimi / AFP", "… (AP Photo/John Doe)", "… (Jane Roe/Example Wire)", "(Photos
  // by …)".
  { kind: 'other', pattern: CAPTION_CREDIT_END, minWords: 15, maxWords: 80 },
  { kind: 'other', pattern: AGENCY_CAPTION, maxWords: 80 },
  // A caption that ends with its picture credit: "Protesters wore masks (Image: GETTY )".
  { kind: 'other', pattern: TRAILING_PICTURE_CREDIT, maxWords: 60 },
];

/** A caption opening with its picture's place in a gallery: "2 of 6 A crowd waits …". */
const GALLERY_COUNTER = /^(\d{1,3})\s*(?:of|\/)\s*(\d{1,3})\s+\p{Lu}/u;
const MAX_GALLERY_CAPTION_WORDS = 80;

/** Counters sharing a total that make a gallery by themselves: two may be a poll's shares. */
const MIN_GALLERY_COUNTERS = 3;

/**
 * Positions of the lines that caption a gallery: lines opening with a counter whose total is
 * shared by lines with at least two other positions ("1 of 6 …", "3 of 6 …", "4 of 6 …"), or by
 * one other when a picture credit is on or next to the line. Fewer counters are the starts of
 * sentences ("2 of 3 Americans said …", "1 of 3 Republicans said …").
 */
export function galleryCaptions(texts: readonly string[], words: readonly number[]): Set<number> {
  const positionsByTotal = new Map<string, Set<string>>();
  const counters = texts.map((text, index) => {
    const counter = words[index]! <= MAX_GALLERY_CAPTION_WORDS ? GALLERY_COUNTER.exec(text) : null;
    if (!counter || Number(counter[1]) > Number(counter[2])) return null;
    const positions = positionsByTotal.get(counter[2]!) ?? new Set<string>();
    positionsByTotal.set(counter[2]!, positions.add(counter[1]!));
    return counter[2]!;
  });
  const captions = new Set<number>();
  counters.forEach((total, index) => {
    if (total === null) return;
    const shared = positionsByTotal.get(total)!.size;
    if (shared >= MIN_GALLERY_COUNTERS || (shared >= 2 && creditNear(texts, words, index))) {
      captions.add(index);
    }
  });
  return captions;
}

/** A picture credit on the line (at its end) or on the line before or after it. */
function creditNear(texts: readonly string[], words: readonly number[], index: number): boolean {
  const text = texts[index]!;
  if (TRAILING_PICTURE_CREDIT.test(text) || CAPTION_CREDIT_END.test(text)) return true;
  return [index - 1, index + 1].some(
    (near) => near >= 0 && near < texts.length && isPictureCredit(texts[near]!, words[near]!),
  );
}

/** The kind of chrome a block's wording marks it as, or null. */
export function chromeKindByWording(text: string, words: number): BoilerplateKind | null {
  for (const { kind, pattern, maxWords, minWords = 0 } of PATTERNS) {
    if (words <= maxWords && words >= minWords && pattern.test(text)) return kind;
  }
  return null;
}

/** A list header such as "TRENDING", "Latest News" or "OPINION / BLOG": what follows is a list. */
export function isListHeader(text: string, words: number): boolean {
  return words <= 8 && LIST_HEADER.test(text);
}

/** "Home > World > Europe", "Disclaimer | Terms of use | Privacy Policy": short link segments. */
export function isLinkTrail(text: string): boolean {
  const segments = text.split(/\s+[|>»›/•·]\s+/);
  if (segments.length < 3) return false;
  return segments.every(
    (segment) => segment.trim().split(/\s+/).length <= 4 && !/[.!?]$/.test(segment.trim()),
  );
}

/** A comment thread's header: a count, then the story's title in quotes ("3 thoughts on “Title”"). */
const COMMENT_THREAD = /^\W*(?:\d+|one) (?:thoughts?|responses?|replies|comments?) (?:on|to)\s*["“„«‘']/iu;
/** A count of comments ("Headline 16 comments", "12 Responses to Title"), in a line that is no sentence. */
const COMMENT_COUNT = /^\W*\d+ (?:thoughts?|responses?|replies|comments?) (?:on|to)\b|\b\d+ comments?\b/iu;
const SENTENCE_END = /[.!?]["”’)]*$/u;

const COMMENT_SECTION = new RegExp(
  `^\\W*(?:\\d+\\s+)?comments?\\W*(?:\\d+)?\\W*$|(?:^|\\s)(?:${COMMENT_PROMPTS})(?=$|[\\s.!:…])|\\b(?:log in to (?:post a )?comment|comments? (?:are|have been) closed)\\b`,
  'iu',
);

/**
 * A line that opens the comment section ("42 comments", "3 thoughts on “Title”", "Leave a
 * Reply"): the story is over. A count of comments in a sentence ("The agency received 300
 * responses to its request.") is news; a lone "Reply" may be a tweet's.
 */
export function isCommentSectionMarker(text: string, words: number): boolean {
  if (words > 12) return false;
  return (
    COMMENT_SECTION.test(text) ||
    COMMENT_THREAD.test(text) ||
    (COMMENT_COUNT.test(text) && !SENTENCE_END.test(text))
  );
}

const PICTURE_CREDIT = /^\(?(?:photo|image|picture|pic)s?(?:\s+credits?)?\s*:|^\(?credits?\s*:/i;

/** A line that only credits a picture ("(Image credit: NASA)", "Photo: Reuters"). */
export function isPictureCredit(text: string, words: number): boolean {
  return words <= 12 && PICTURE_CREDIT.test(text);
}

/**
 * A press release's company profile: "Acme (Europe) Ltd is a family-owned maker of …",
 * "Acme, Inc. is the leading maker of …". The name is captured.
 */
const COMPANY_PROFILE =
  /^(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})(?:,?\s+(?:Inc|Ltd|LLC|AG|SA|SE|NV|plc|Corp|GmbH)\.?)?(?:\s+\([^)]{1,40}\))?,?\s+is\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,6}?(?:provider|company|leader|manufacturer|maker|developer|supplier|producer|group|firm|organi[sz]ation|platform|specialist|operator|bank|agency|retailer|distributor|innovator|pioneer|publisher|network)\b/u;
const MAX_PROFILE_WORDS = 120;

/**
 * "About" and a name (capitalised words: "About Jane Doe", "About the Example Group"), the author
 * or the site ("About the author", "Über uns"). "About the new budget" is a subhead of the story.
 */
const ABOUT_HEADER = new RegExp(
  `^(?:[Aa]bout|ABOUT|[Ss]obre|SOBRE|[Üü]ber|ÜBER|[Àà] propos(?: de)?|À PROPOS(?: DE)?|[Aa]cerca de|ACERCA DE)\\s+(?:${[
    '(?:the|THE) (?:authors?|writer|editor|company|AUTHORS?|WRITER|EDITOR|COMPANY)',
    'us|US|me|ME|uns|UNS|nous|NOUS|nosotros|NOSOTROS|nós|o autor|la autora|el autor|l.auteur',
    "(?:[Tt]he |THE )?\\p{Lu}[\\p{L}\\p{N}.'’&-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}.'’&-]*|&|de|da|do|dos|van|von|der))*",
  ].join('|')})\\W*$`,
  'u',
);

/**
 * A line that closes the story even when prose follows it (the box's own text, say): the header
 * of a box about the author or company ("About Jane Doe", "Sobre Ana Lima") or a reporting credit.
 */
export function closesStory(text: string, words: number): boolean {
  return isAboutHeader(text, words) || (words <= MAX_CREDIT_WORDS && STORY_CREDIT.test(text));
}

/** The header of a box about the author or company: "About Jane Doe", "Sobre Ana Lima". */
export function isAboutHeader(text: string, words: number): boolean {
  return words <= 6 && !/[.!?]$/.test(text) && ABOUT_HEADER.test(text);
}

/**
 * Wording of a company's box rather than of news about the firm: where it is based and when it was
 * founded, where to learn more (a web address), the legal note on forward-looking statements.
 */
const COMPANY_BOX_WORDING =
  /\b(?:headquartered|based) in\b|\bfounded in\b|\bfor more information\b|\bforward-looking statements\b|https?:\/\/|\bwww\.\S/i;

/** A line of a company's box: its seat, founding, web address or legal note. */
export function hasCompanyBoxWording(text: string): boolean {
  return COMPANY_BOX_WORDING.test(text);
}

/**
 * Words of a bio that place its writer: a handle, the site they write for ("staff writer at
 * Example News"), their beat ("covering transport") or home ("based in Leeds").
 */
const BIO_PLACE =
  /\(@\w+\)|(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent|[Cc]ontributor|[Jj]ournalist|[Cc]olumnist|[Pp]roducer)\s+(?:at|for|of|with)\s+(?:the\s+)?[\p{Lu}\p{N}]|\bcover(?:s|ing)\b|\b(?:based|living) in\b/u;

/** An author's bio or a company profile, and whom it is about. */
export interface Profile {
  subject: string;
  /** A bio that says where its writer works, what they cover or where they live. */
  placesWriter: boolean;
}

/**
 * An author's bio ("Jane Doe is a staff writer at …") or a company profile ("Acme, Inc. is the
 * leading maker of …"), or null. Such a line reads like a news sentence about the same person
 * or firm, so it closes a story only after the story's last paragraph.
 */
export function profileOf(text: string, words: number): Profile | null {
  const bio = words <= MAX_BIO_WORDS ? AUTHOR_BIO.exec(text) : null;
  if (bio) return { subject: bio[1]!, placesWriter: BIO_PLACE.test(text) };
  const company = words <= MAX_PROFILE_WORDS ? COMPANY_PROFILE.exec(text) : null;
  return company ? { subject: company[1]!, placesWriter: false } : null;
}
