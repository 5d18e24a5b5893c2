/**
 * Verbs that only attribute speech. Copies swap them freely (said → told → stressed) without
 * changing what the story says, so their substitutions are rewording noise. Lemmas.
 */
const REPORTING_VERBS: ReadonlySet<string> = new Set(
  `say tell announce add stress state note explain argue claim insist declare remark comment observe assert
  report mention reply respond emphasise emphasize underline acknowledge affirm according reiterate`.split(
    /\s+/,
  ),
);

export function isReportingVerb(lemma: string): boolean {
  return REPORTING_VERBS.has(lemma);
}
