import { formatCents, toCents } from '../../../common/decimal/cents';
import { LedgerEntryResult } from '../../bonus-accounts';
import { EventOutcome } from './event-outcome';
import { PendingEvent } from './pending-event';

export const CUSTOMER_BLOCKED = 'Customer is blocked: no points accrued';

export const isRefund = (event: PendingEvent): boolean => event.facts.operationType === 'refund';

/** The accounts an event may credit or debit: a referral's two parties, otherwise its own account. */
export function partiesOf(event: PendingEvent): string[] {
  const referral = event.facts.referral;
  if (referral) return [referral.referrerAccountId, referral.referredAccountId];
  return event.accountId ? [event.accountId] : [];
}

/** A ledger result with the event it was written for. */
export interface EventEntry {
  event: PendingEvent;
  result: LedgerEntryResult;
}

/**
 * What each event of a chunk comes to once its awards are in the ledger: the points its own
 * account gained (less what a refund took back), or rejection when its customer is blocked —
 * unless it was a refund or rewarded another party — and the shortfall of a reversal the balance
 * could not cover.
 */
export function accrualOutcomes(
  events: readonly PendingEvent[],
  entries: readonly EventEntry[],
  isBlocked: (accountId: string | null) => boolean,
  customerOfAccount: (accountId: string) => string | undefined,
): EventOutcome[] {
  const points = new Map<string, bigint>();
  const shortfall = new Map<string, bigint>();
  const rewarded = new Set<string>();
  for (const { event, result } of entries) {
    rewarded.add(event.id);
    const applied = toCents(result.applied);
    if (result.request.accountId === event.accountId) {
      points.set(event.id, (points.get(event.id) ?? 0n) + (result.request.type === 'reversal' ? -applied : applied));
    }
    const missing = toCents(result.shortfall);
    if (missing > 0n) shortfall.set(event.id, (shortfall.get(event.id) ?? 0n) + missing);
  }
  return events.map((event) => {
    const evaluated = !!event.accountId && (isRefund(event) || partiesOf(event).some((id) => !isBlocked(id)));
    const blocked = !evaluated || (isBlocked(event.accountId) && !isRefund(event) && !rewarded.has(event.id));
    const missing = shortfall.get(event.id);
    return {
      id: event.id,
      state: blocked ? 'rejected' : 'processed',
      customerId: event.customerId ?? customerOfAccount(event.accountId ?? '') ?? null,
      accountId: event.accountId,
      points: blocked ? '0.00' : formatCents(points.get(event.id) ?? 0n),
      error: blocked
        ? CUSTOMER_BLOCKED
        : missing ? `Balance too low to reverse everything: ${formatCents(missing)} points not reversed` : null,
    };
  });
}

/** Customers whose first points these are: 'new' holders of an account that gained points. */
export function newlyActive(entries: readonly EventEntry[], holderOf: (accountId: string) => { customerId: string; customerStatus: string } | undefined): string[] {
  const customers = new Set<string>();
  for (const { result } of entries) {
    if (result.request.type !== 'accrual' || toCents(result.applied) <= 0n) continue;
    const holder = holderOf(result.request.accountId);
    if (holder?.customerStatus === 'new') customers.add(holder.customerId);
  }
  return [...customers];
}
