import { LedgerEntryRequest } from '../ledger.types';

/** Points a rule gave one account for one event, as the rules report them. */
export interface AwardedPoints {
  ruleId: string;
  accountId: string;
  /** The recipient's part in the event: its own account, or a referral's referrer or referred party. */
  role: 'self' | 'referrer' | 'referred';
  /** Positive, 2 decimals. */
  points: string;
  /** ISO-8601; null when the points do not expire. */
  expiresAt: string | null;
}

/**
 * The ledger line an award becomes: an accrual lot, or the reversal of what the purchase earned
 * when the event is a refund. The idempotency key is `<eventId>:<ruleId>:<type>` plus `:<role>`
 * for a referral party; keys already in the ledger depend on this exact form, so it never changes.
 */
export function awardEntry(eventId: string, refund: boolean, award: AwardedPoints): LedgerEntryRequest {
  const type = refund ? 'reversal' : 'accrual';
  const role = award.role === 'self' ? '' : `:${award.role}`;
  return {
    accountId: award.accountId,
    type,
    points: award.points,
    eventId,
    ruleId: award.ruleId,
    idempotencyKey: `${eventId}:${award.ruleId}:${type}${role}`,
    expiresAt: type === 'accrual' && award.expiresAt ? new Date(award.expiresAt) : null,
  };
}
