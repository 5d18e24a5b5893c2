/** The value trimmed, or null when nothing is left (a missing field, an empty attribute). */
export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
