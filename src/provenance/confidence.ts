/**
 * How sure a vote total makes us that its side is right, in [0.01, 0.99]: 0.5 at a tie, about
 * 0.8 at a total of 1, never certainty, since every signal can mislead (a wrong date, a copy
 * that restored quotes).
 */
export function confidenceFromVotes(total: number): number {
  const confidence = 0.5 + 0.5 * Math.tanh(total / 1.5);
  return Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 1000) / 1000;
}
