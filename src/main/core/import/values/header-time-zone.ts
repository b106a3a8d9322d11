/**
 * The zone a column's header declares for its values — `Submit Date (UTC)` (Typeform),
 * `Created (GMT)` — or null when the header says nothing and the import's zone setting applies.
 */
export function headerTimeZone(header: string): string | null {
  return /(?:^|[\s(（[【])(?:utc|gmt|z)(?:$|[\s)）\]】])/i.test(header.normalize('NFKC')) ? 'UTC' : null
}
