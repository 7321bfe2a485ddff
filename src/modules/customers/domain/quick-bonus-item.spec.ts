import { validateQuickBonusItem } from './quick-bonus-item';

describe('validateQuickBonusItem (addBonusExtQuick step 1)', () => {
  it('reads an item with one customer identifier', () => {
    expect(validateQuickBonusItem({ amount: 15.5, phone: '+79161234567', eventId: 'q1', eventDate: '2025-01-01T10:00:00+03:00', comment: 'Welcome' })).toEqual({
      ok: true,
      item: { reference: { by: 'phone', value: '79161234567' }, amount: '15.50', eventId: 'q1', eventDate: '2025-01-01T07:00:00.000Z', comment: 'Welcome' },
    });
  });

  it.each([
    [{ amount: 1, eventId: 'e' }, 'A customer reference must name exactly one of uniqId, guid, customerId, phone, email'],
    [{ amount: 1, eventId: 'e', uniqId: 'u', email: 'a@example.com' }, 'A customer reference must name exactly one of uniqId, guid, customerId, phone, email'],
    [{ eventId: 'e', uniqId: 'u' }, 'Required parameter amount is missing'],
    [{ amount: 0, eventId: 'e', uniqId: 'u' }, 'Invalid amount: a positive number with at most 2 decimals is expected'],
    [{ amount: 1, uniqId: 'u' }, 'Required parameter eventId is missing'],
    [{ amount: 1, eventId: 'e', uniqId: 'u', eventDate: 'yesterday' }, 'Invalid eventDate: an ISO 8601 date-time with offset is expected'],
    [{ amount: 1, eventId: 'e', email: 'nope' }, 'Invalid email'],
  ])('refuses %p: %s', (raw, error) => {
    expect(validateQuickBonusItem(raw)).toMatchObject({ ok: false, error });
  });
});
