import { formatCents } from '../../../common/decimal/cents';
import { pointsExpired, WebhookMessage } from '../../webhooks';
import { LockedAccount } from '../ledger.types';
import { PlannedOperation } from './ledger-book';

/** points.expired: one message per account, listing the lots an expiry run emptied. */
export function expiredMessages(accounts: Map<string, LockedAccount>, operations: PlannedOperation[], expiredAt: Date): WebhookMessage[] {
  const byAccount = new Map<string, Array<{ lotId: string; points: string }>>();
  for (const o of operations) {
    if (o.type !== 'expiry' || !o.lotId) continue;
    const lots = byAccount.get(o.accountId) ?? [];
    lots.push({ lotId: o.lotId, points: formatCents(o.points < 0n ? -o.points : o.points) });
    byAccount.set(o.accountId, lots);
  }
  return [...byAccount].map(([accountId, lots]) => pointsExpired({ customerGuid: accounts.get(accountId)?.customerGuid ?? null, lots, expiredAt }));
}
