import { awardEntry, AwardedPoints } from './award-entries';

const award = (overrides: Partial<AwardedPoints> = {}): AwardedPoints => ({
  ruleId: '12', accountId: '7', role: 'self', points: '10.50', expiresAt: '2026-03-01T00:00:00.000Z', ...overrides,
});
const EVENT = '0123456789abcdef0123456789abcdef';

describe('awardEntry', () => {
  it('makes an accrual lot keyed by event, rule and type, expiring as the award says', () => {
    expect(awardEntry(EVENT, false, award())).toEqual({
      accountId: '7', type: 'accrual', points: '10.50', eventId: EVENT, ruleId: '12',
      idempotencyKey: `${EVENT}:12:accrual`, expiresAt: new Date('2026-03-01T00:00:00.000Z'),
    });
    expect(awardEntry(EVENT, false, award({ expiresAt: null })).expiresAt).toBeNull();
  });

  it('makes a refund’s award a reversal, which never expires', () => {
    expect(awardEntry(EVENT, true, award())).toEqual(expect.objectContaining({
      type: 'reversal', idempotencyKey: `${EVENT}:12:reversal`, expiresAt: null,
    }));
  });

  it('keys a referral party’s award by its role', () => {
    expect(awardEntry(EVENT, false, award({ role: 'referrer' })).idempotencyKey).toBe(`${EVENT}:12:accrual:referrer`);
    expect(awardEntry(EVENT, false, award({ role: 'referred', accountId: '8' })).idempotencyKey).toBe(`${EVENT}:12:accrual:referred`);
  });
});
