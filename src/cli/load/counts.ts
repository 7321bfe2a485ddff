import Decimal from 'decimal.js';

/**
 * What a load did, as the summary reports it: sent = accepted at step 1; processed, rejected (at
 * either step, or unreadable) and failed = final outcomes; points accrued, a decimal string (null:
 * not followed, CRM API).
 */
export interface LoadCounts {
  sent: number;
  processed: number;
  rejected: number;
  failed: number;
  points: string | null;
}

export const noCounts = (followsPoints: boolean): LoadCounts => ({ sent: 0, processed: 0, rejected: 0, failed: 0, points: followsPoints ? '0.00' : null });

export function addCounts(a: LoadCounts, b: Partial<LoadCounts>): LoadCounts {
  const points = a.points === null || b.points === null ? null : new Decimal(a.points).plus(b.points ?? '0').toFixed(2);
  return {
    sent: a.sent + (b.sent ?? 0),
    processed: a.processed + (b.processed ?? 0),
    rejected: a.rejected + (b.rejected ?? 0),
    failed: a.failed + (b.failed ?? 0),
    points,
  };
}

export function summaryLine(c: LoadCounts): string {
  const points = c.points === null ? 'points not followed (CRM API)' : `points ${c.points}`;
  return `sent ${c.sent}, processed ${c.processed}, rejected ${c.rejected}, failed ${c.failed}, ${points}`;
}

/** 0 when every event was processed, 1 when some were rejected or failed. */
export const loadExitCode = (c: LoadCounts): 0 | 1 => (c.rejected + c.failed > 0 ? 1 : 0);
