const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The notice threshold a lot is within: the smallest of `days` (largest first) whose window reaches
 * its expiry, or null. A lot already past a smaller threshold is announced for that one only.
 */
export function noticeThreshold(days: number[], expiresAt: Date, now: Date): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  let found: number | null = null;
  for (const d of days) if (left <= d * DAY_MS && (found === null || d < found)) found = d;
  return found;
}
