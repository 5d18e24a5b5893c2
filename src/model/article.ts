import type { OffsetMap } from '../text/offsets.js';
import type { Span } from './span.js';

/** What kind of input an article came from. */
export type InputFormat = 'text' | 'html';

/**
 * Where a publication date was read: the JSON Lines record, the page's JSON-LD, its meta tags
 * (and microdata), a <time> element, the URL path, or a visible date line of the page or text.
 */
export type PublishedSource = 'jsonl' | 'json-ld' | 'meta' | 'time' | 'url' | 'dateline';

/**
 * Why a block of the input was left out of the story text. The vocabulary is stable: reports
 * and change detection rely on it.
 */
export type BoilerplateKind =
  | 'title' // the headline, kept in Article.title rather than in the text
  | 'dateline' // "Reuters | Updated: 24-03-2021 20:48 IST": source and date, kept as metadata
  | 'duplicate' // a standfirst or repeated block whose sentences recur in the body
  | 'navigation' // menus, section lists, breadcrumbs
  | 'related' // other headlines and their teasers, TRENDING / Latest News lists
  | 'teaser' // "ALSO READ: …" / "Read more: …" inserted into the story
  | 'advertising' // ad slots and trading/broker words ("Support / Platform / Spreads")
  | 'social' // share / subscribe / follow / newsletter / comment prompts ("Leave a Reply")
  | 'disclaimer' // "This story has not been edited by … staff", syndication notes
  | 'footer' // copyright, contact lines, legal links
  | 'other';

/** A block of the input that is page chrome rather than story, in input coordinates. */
export interface BoilerplateBlock {
  kind: BoilerplateKind;
  /** Offsets into Article.input (the decoded input). */
  start: number;
  end: number;
  text: string;
}

/** A reader comment under the story, kept apart from the story text; offsets into Article.content. */
export interface ReaderComment {
  text: string;
  start: number;
  end: number;
}

/**
 * What a line of the article's header is: its headline, a byline ("By Jane Roe"), a dateline
 * ("Updated 4:12 pm EST, March 6, 2020"), or another line (a kicker, a standfirst, a caption).
 */
export type HeaderLineKind = 'headline' | 'byline' | 'dateline' | 'other';

/**
 * A line of the article's header, the page's lines from its headline down to the story; offsets
 * into Article.content.
 */
export interface HeaderLine {
  kind: HeaderLineKind;
  text: string;
  start: number;
  end: number;
}

/** A raw document as read from disk, stdin or a JSONL record, before extraction. */
export interface RawDocument {
  /** The name the user gave (path exactly as given, "-" for stdin, "file.jsonl#id" for records). */
  input: string;
  format: InputFormat;
  /** The decoded text of the input: plain text or HTML markup. */
  content: string;
  /** The character encoding the bytes were decoded from, e.g. "utf-8", "windows-1252". */
  encoding: string;
  /** Metadata supplied alongside the content (JSONL fields); wins over what extraction finds. */
  meta?: {
    id?: string;
    url?: string;
    title?: string;
    /** A date in any common wording, read as ISO 8601; ignored when it holds no date. */
    published?: string;
    source?: string;
  };
}

/** A news article: the story text with everything needed to point back into the input. */
export interface Article {
  input: string;
  format: InputFormat;
  encoding: string;
  /** The decoded input (plain text or HTML) that every reported offset refers to. */
  content: string;
  /** The story text: body paragraphs joined by "\n\n". Analysis works on this. */
  text: string;
  /** Paragraph spans into `text`. */
  paragraphs: Span[];
  /** Maps offsets in `text` to offsets in `content`. */
  origin: OffsetMap;
  title: string | null;
  /** ISO 8601 date ("2021-03-24") or date-time ("2021-03-24T20:48:00+05:30"), when stated. */
  published: string | null;
  /** Where `published` was read; null when there is no date. */
  publishedFrom: PublishedSource | null;
  /**
   * 0–1: how sure `published` is the publication day. 1 for a date the JSONL record gives;
   * higher when independent parts of the page agree, lower for a URL or a bare visible date, or
   * when other clues disagree. Null when there is no date.
   */
  publishedConfidence: number | null;
  /** ISO 8601 date of the last modification, when the page states one. */
  modified: string | null;
  /** Byline or credited source, e.g. "Reuters"; several authors read "A and B". */
  byline: string | null;
  /** The publication's name ("Example News"), when the page states it. */
  siteName: string | null;
  /** The document's URL: the JSONL record's, else the page's canonical URL (or og:url). */
  url: string | null;
  /** The URL the page declares canonical (<link rel="canonical">), even when `url` differs. */
  canonicalUrl: string | null;
  /** ISO 639-1 code, or null when unknown. */
  language: string | null;
  /** Blocks of the input that are not part of the story, in input order. */
  boilerplate: BoilerplateBlock[];
  /**
   * The page's reader comments, in page order, when asked for (`extract --comments`); never
   * part of `text`, so they do not enter comparisons.
   */
  comments?: ReaderComment[];
  /**
   * The article's header when asked for (`extract --header`): the page's lines from its headline
   * down to the story (kicker, standfirst, byline, dateline), in page order; empty when the page
   * sets no headline above the story. Never part of `text`.
   */
  header?: HeaderLine[];
  /**
   * The block of contiguous input text each paragraph is in (see align/paragraph-blocks), given
   * when the article travels without its input text (to a worker thread); computed otherwise.
   */
  paragraphBlocks?: number[];
}
