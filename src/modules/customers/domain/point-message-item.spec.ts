import { SEED_EXAMPLES } from '../../../apis/command-api/seed-examples';
import { validatePointMessageItem } from './point-message-item';

describe('validatePointMessageItem (seed 001 step 1)', () => {
  it('reads the seed example', () => {
    expect(validatePointMessageItem(SEED_EXAMPLES.addCustomerPointMessage.request.add[0])).toEqual({
      ok: true,
      item: {
        uniqId: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', email: null, phone: null, info: null, amount: '200.00',
        eventId: '123456', eventDate: '2014-12-31T21:00:00.000Z',
        event: { eventType: 'operation', operationType: 'purchase', operationAmount: '100.0000', merchantName: 'TZUM', bankProduct: 'Gold card', mcc: 'Petrol station' },
        message: { text: 'Message for customer', showCount: 3, showTill: '2019-10-23T18:25:43.511Z' },
      },
    });
  });

  it('needs only uniqId; an empty amount is 0 and the event fields are then ignored', () => {
    expect(validatePointMessageItem({ uniqId: 7, amount: '', eventDate: 'not a date', operationType: 'bogus' })).toEqual({
      ok: true,
      item: { uniqId: '7', guid: null, email: null, phone: null, info: null, amount: '0.00', eventId: null, eventDate: null, event: null, message: null },
    });
  });

  it('normalises the phone and the GUID', () => {
    const result = validatePointMessageItem({ uniqId: 'u', phone: '+79161234567', guid: '9803D32E-8FCD-4984-A736-9F02F726B3C0' });
    expect(result).toMatchObject({ ok: true, item: { phone: '79161234567', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0' } });
  });

  it('defaults showCount to 1', () => {
    expect(validatePointMessageItem({ uniqId: 'u', message: 'Hi' })).toMatchObject({ ok: true, item: { message: { text: 'Hi', showCount: 1, showTill: null } } });
  });

  it.each([
    [{}, 'Required parameter uniqId is missing'],
    [{ uniqId: 'u', email: 'ivan@' }, 'Invalid email: an e-mail address is expected'],
    [{ uniqId: 'u', phone: '0123' }, 'Invalid phone: ^\\+?[1-9]\\d{9,14}$ is expected'],
    [{ uniqId: 'u', guid: 'x' }, 'Invalid guid: a UUID is expected'],
    [{ uniqId: 'u', amount: -1 }, 'Invalid amount: a non-negative number with at most 2 decimals is expected'],
    [{ uniqId: 'u', amount: '1.005' }, 'Invalid amount: a non-negative number with at most 2 decimals is expected'],
    [{ uniqId: 'u', amount: 5 }, 'Required parameter eventId is missing'],
    [{ uniqId: 'u', amount: 5, eventId: 'e' }, 'Required parameter eventDate is missing'],
    [{ uniqId: 'u', amount: 5, eventId: 'e', eventDate: '2015-01-01T00:00:00' }, 'Invalid eventDate: an ISO 8601 date-time with offset is expected'],
    [{ uniqId: 'u', amount: 5, eventId: 'e', eventDate: '2015-01-01T00:00:00Z', eventType: 'x' }, 'Invalid eventType: operation or event is expected'],
    [{ uniqId: 'u', amount: 5, eventId: 'e', eventDate: '2015-01-01T00:00:00Z', operationType: 'x' },
      'Invalid operationType: one of purchase, refund, payment, transfer, cashWithdrawal, deposit, other is expected'],
    [{ uniqId: 'u', message: 'm', showCount: 0 }, 'Invalid showCount: an integer of at least 1 is expected'],
    [{ uniqId: 'u', message: 'm', showTill: 'soon' }, 'Invalid showTill: an ISO 8601 date-time is expected'],
  ])('refuses %p: %s', (raw, error) => {
    expect(validatePointMessageItem(raw)).toMatchObject({ ok: false, error });
  });

  it('echoes the login and GUID of a refused item', () => {
    expect(validatePointMessageItem({ uniqId: 'u', guid: 'G', email: 'bad' })).toEqual({ ok: false, error: 'Invalid guid: a UUID is expected', login: 'u', guid: 'G' });
    expect(validatePointMessageItem('x')).toEqual({ ok: false, error: 'Item must be an object', login: null, guid: null });
  });
});
