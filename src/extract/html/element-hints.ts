import { attribute, type HtmlElement } from './dom.js';

/** Class/id words of page chrome (after Mozilla Readability, plus share/promo/newsletter words). */
const UNLIKELY =
  /-ad-|(?:^|[\s_-])(?:ads?|advert\w*)(?:$|[\s_-])|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscribe|signup|promo|recirc|trending|most-popular|outbrain|taboola|cookie|consent|byline|author|dateline|caption|credit|toolbar|tags\b|widget/i;
/** Class/id words that rescue an element the pattern above would drop. */
const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow|story|post-text|entry/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|social|newsletter|subscribe/i;
const CHROME_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
]);
const NEVER_UNLIKELY = new Set(['html', 'body', 'article', 'main', 'a']);

/** The signals that hide an element from readers, as hidingSignal names them. */
export type HidingSignal =
  | 'hidden attribute'
  | 'aria-hidden'
  | 'inline style display:none or visibility:hidden';

/** Which signal hides the element from readers, or null when none does. */
export function hidingSignal(element: HtmlElement): HidingSignal | null {
  if (attribute(element, 'hidden') !== null) return 'hidden attribute';
  if (attribute(element, 'aria-hidden') === 'true' && element.name !== 'figure') return 'aria-hidden';
  const style = attribute(element, 'style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
    return 'inline style display:none or visibility:hidden';
  return null;
}

/** Hidden from readers: hidden attribute, aria-hidden, display:none / visibility:hidden. */
export function isHidden(element: HtmlElement): boolean {
  return hidingSignal(element) !== null;
}

/** Page chrome by class, id or ARIA role (menus, share bars, comments, related links…). */
export function isUnlikelyContent(element: HtmlElement): boolean {
  if (NEVER_UNLIKELY.has(element.name)) return false;
  const role = attribute(element, 'role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  const hints = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  return UNLIKELY.test(hints) && !MAYBE_CONTENT.test(hints);
}

/** The role or class/id word that names an element as chrome (what isUnlikelyContent read), or null. */
export function unlikelyWord(element: HtmlElement): string | null {
  if (!isUnlikelyContent(element)) return null;
  const role = attribute(element, 'role');
  if (role !== null && CHROME_ROLES.has(role)) return `role ${role}`;
  const hints = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  return (UNLIKELY.exec(hints)?.[0] ?? '').replace(/^[\s_-]+|[\s_-]+$/g, '').toLowerCase();
}

/** Readability's class weight: +25 per positive class or id, -25 per negative one. */
export function classWeight(element: HtmlElement): number {
  let weight = 0;
  for (const value of [attribute(element, 'class'), attribute(element, 'id')]) {
    if (!value) continue;
    if (NEGATIVE.test(value)) weight -= 25;
    if (POSITIVE.test(value)) weight += 25;
  }
  return weight;
}
