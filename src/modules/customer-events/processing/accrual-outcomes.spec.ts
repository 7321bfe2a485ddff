import { LedgerEntryResult } from '../../bonus-accounts';
import { accrualOutcomes, CUSTOMER_BLOCKED, EventEntry, newlyActive } from './accrual-outcomes';
import { PendingEvent } from './pending-event';

const event = (id: string, accountId: string | null, facts: Partial<PendingEvent['facts']> = {}): PendingEvent => ({
  number: id, id, clientId: '1', source: 'crm', commandId: null, customerId: null, accountId, payload: null, acceptedAt: 0,
  facts: { eventType: 'purchase', performedOn: '2025-03-15T12:00:00Z', ...facts },
});
const entry = (e: PendingEvent, accountId: string, type: 'accrual' | 'reversal', applied: string, shortfall = '0.00'): EventEntry => ({
  event: e,
  result: {
    request: { accountId, type, points: applied, eventId: e.id, ruleId: '1', idempotencyKey: `${e.id}:1:${type}`, expiresAt: null },
    applied, shortfall, operationId: '9', duplicate: false,
  } as LedgerEntryResult,
});
const customerOf = (accountId: string) => (accountId ? `c${accountId}` : undefined);

describe('accrualOutcomes', () => {
  it('sums what each event’s own account gained, less what a refund took back, and reports a reversal’s shortfall', () => {
    const a = event('a', '1');
    const r = event('r', '2', { eventType: 'operation', operationType: 'refund' });
    const outcomes = accrualOutcomes([a, r], [entry(a, '1', 'accrual', '10.50'), entry(a, '1', 'accrual', '0.25'), entry(r, '2', 'reversal', '3.00', '1.10')], () => false, customerOf);
    expect(outcomes).toEqual([
      { id: 'a', state: 'processed', customerId: 'c1', accountId: '1', points: '10.75', error: null },
      { id: 'r', state: 'processed', customerId: 'c2', accountId: '2', points: '-3.00', error: 'Balance too low to reverse everything: 1.10 points not reversed' },
    ]);
  });

  it('rejects events of blocked customers unless they are refunds or rewarded another party, and events without an account', () => {
    const blocked = (id: string | null) => !id || id === '1';
    const a = event('a', '1');
    const r = event('r', '1', { eventType: 'operation', operationType: 'refund' });
    const x = event('x', '1', { eventType: 'referral', referral: { referrerAccountId: '2', referredAccountId: '1' } });
    const n = event('n', null);
    const outcomes = accrualOutcomes([a, r, x, n], [entry(x, '2', 'accrual', '5.00')], blocked, customerOf);
    expect(outcomes.map((o) => [o.id, o.state, o.points, o.error])).toEqual([
      ['a', 'rejected', '0.00', CUSTOMER_BLOCKED],
      ['r', 'processed', '0.00', null],
      ['x', 'processed', '0.00', null],
      ['n', 'rejected', '0.00', CUSTOMER_BLOCKED],
    ]);
  });
});

describe('newlyActive', () => {
  it('names the new holders of accounts that gained points', () => {
    const a = event('a', '1');
    const holders: Record<string, { customerId: string; customerStatus: string }> = {
      1: { customerId: 'c1', customerStatus: 'new' }, 2: { customerId: 'c2', customerStatus: 'active' }, 3: { customerId: 'c3', customerStatus: 'new' },
    };
    const entries = [entry(a, '1', 'accrual', '1.00'), entry(a, '1', 'accrual', '2.00'), entry(a, '2', 'accrual', '1.00'), entry(a, '3', 'reversal', '1.00')];
    expect(newlyActive(entries, (id) => holders[id])).toEqual(['c1']);
  });
});
