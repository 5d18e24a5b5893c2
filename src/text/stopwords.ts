/**
 * English function words. They carry no content of their own, so alignment gives them no
 * weight; they still count for verbatim runs.
 */
const ENGLISH = `a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can cannot could couldn't did didn't do does doesn't doing don't down
during each either few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's
me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until
up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who
who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself
yourselves s t 's 't d ll re ve m just even still yet however though although whether upon via per among amid
within without across around toward towards onto into `;

/** The function words, each once. */
export const STOPWORD_LIST: readonly string[] = [
  ...new Set(ENGLISH.split(/\s+/).filter((word) => word.length > 0)),
];

const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_LIST);

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}
