import { validateCommandEvent } from './load-customer-events-ext.validation';

const seedEvent = {
  customerId: '5C5720C6-3BF9-49E1-927C-1E85EFF4D870', customerEvent: 'birhdate', bankEvent: 'registration',
  customerType1: 'debitCardHolder', customerType2: 'depositHolder', customerType3: 'creditHolder', customerType4: 'male',
  customerType5: 'goldSupport', eventId: '123456', eventDate: '2015-01-01T00:00:00+03', eventType: 'operation',
  operationType: 'purchase', operationAmount: 100.0, operationCurrencyRate: 1, merchantId: 123456, terminalId: 123456, merchantName: 'TSUM',
};

describe('validateCommandEvent', () => {
  it('accepts the seed 000 event and normalises it', () => {
    const result = validateCommandEvent(seedEvent);
    expect(result).toEqual({
      ok: true,
      event: {
        guid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', eventId: '123456', performedOn: new Date('2014-12-31T21:00:00Z'),
        eventType: 'operation', operationType: 'purchase', operationAmount: '100.0000', operationCurrencyRate: '1', baseAmount: '100.0000',
        merchant: '123456', terminal: '123456', merchantName: 'TSUM', customerEvent: 'birhdate', bankEvent: 'registration',
        customerTypes: { customerType1: 'debitCardHolder', customerType2: 'depositHolder', customerType3: 'creditHolder', customerType4: 'male', customerType5: 'goldSupport' },
      },
    });
  });

  it('multiplies the amount by the currency rate exactly', () => {
    const result = validateCommandEvent({ ...seedEvent, operationAmount: '10.0001', operationCurrencyRate: '3.3' });
    expect(result.ok && result.event.baseAmount).toBe('33.0003');
  });

  it('rounds the product once: 123456784999.9995 × 1.00000001 = 123456786234.567349999995 is 123456786234.5673', () => {
    const result = validateCommandEvent({ ...seedEvent, operationAmount: '123456784999.9995', operationCurrencyRate: '1.00000001' });
    expect(result.ok && result.event.baseAmount).toBe('123456786234.5673');
  });

  it('refuses a product of amount and rate that an amount column cannot hold', () => {
    const result = validateCommandEvent({ ...seedEvent, operationAmount: 99999999999999, operationCurrencyRate: 2 });
    expect(result).toEqual({
      ok: false,
      error: { eventId: '123456', typeOfError: 'wrongParam', description: 'Invalid operationAmount: operationAmount × operationCurrencyRate must be at most 99999999999999.9999' },
    });
  });

  it.each([
    ['customerId', 'Required parameter customerId is missing'],
    ['eventDate', 'Required parameter eventDate is missing'],
    ['operationAmount', 'Required parameter operationAmount is missing'],
    ['terminalId', 'Required parameter terminalId is missing'],
  ])('reports a missing %s', (field, description) => {
    const { [field]: _, ...rest } = seedEvent as Record<string, unknown>;
    expect(validateCommandEvent(rest)).toEqual({ ok: false, error: { eventId: '123456', typeOfError: 'wrongParam', description } });
  });

  it.each([
    [{ customerId: 'not-a-uuid' }, 'Invalid customerId: a UUID is expected'],
    [{ eventDate: '2015-01-01T00:00:00' }, 'Invalid eventDate: an ISO 8601 date-time with offset is expected'],
    [{ eventType: 'purchase' }, 'Invalid eventType: operation or event is expected'],
    [{ operationType: 'gift' }, 'Invalid operationType: one of purchase, refund, payment, transfer, cashWithdrawal, deposit, other is expected'],
    [{ operationAmount: -1 }, 'Invalid operationAmount: a non-negative number with at most 4 decimals is expected'],
    [{ operationAmount: '1.00001' }, 'Invalid operationAmount: a non-negative number with at most 4 decimals is expected'],
    [{ operationCurrencyRate: 0 }, 'Invalid operationCurrencyRate: a positive number is expected'],
    [{ merchantId: 12.5 }, 'Invalid merchantId: an integer is expected'],
    [{ terminalId: 'T1' }, 'Invalid terminalId: an integer is expected'],
    [{ customerType3: 42 }, 'Invalid customerType3: a string of at most 191 characters is expected'],
    [{ eventId: 'x'.repeat(65) }, 'Invalid eventId: a string of at most 64 characters is expected'],
  ])('rejects %j', (change, description) => {
    const result = validateCommandEvent({ ...seedEvent, ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.description).toBe(description);
  });

  it('rejects an item that is not an object', () => {
    expect(validateCommandEvent('event')).toEqual({ ok: false, error: { eventId: null, typeOfError: 'wrongParam', description: 'Event must be an object' } });
  });
});
