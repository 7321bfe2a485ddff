import { parseEventFacts } from './event-facts-validation';

describe('parseEventFacts', () => {
  it('reads every field, numbers as decimal strings and the date as ISO UTC', () => {
    const parsed = parseEventFacts({
      eventType: 'purchase', operationType: 'purchase', performedOn: '2025-03-15T15:00:00+03', amount: 100.5, currency: 'EUR',
      classification: 'C', merchant: 123456, terminal: 'T', businessUnit: 'B', unit: 'U', customerEvent: 'birthday', bankEvent: 'registration',
      customerType1: 'a', customerType2: 'b', customerType3: 'c', customerType4: 'd', customerType5: 'e', mcc: '5411', bankProduct: 'Gold',
      products: [{ code: 'MILK', quantity: 2, totalAmount: '3.5' }], socialMedia: 'fb', action: 'like', website: 'shop.example.com',
      kpis: [{ code: 'steps', value: -3 }], referral: { referrerAccountId: 7, referredAccountId: '8' },
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        eventType: 'purchase', operationType: 'purchase', performedOn: '2025-03-15T12:00:00.000Z', amount: '100.5', currency: 'EUR',
        classification: 'C', merchant: '123456', terminal: 'T', businessUnit: 'B', unit: 'U', customerEvent: 'birthday', bankEvent: 'registration',
        customerType1: 'a', customerType2: 'b', customerType3: 'c', customerType4: 'd', customerType5: 'e', mcc: '5411', bankProduct: 'Gold',
        products: [{ code: 'MILK', quantity: '2', totalAmount: '3.5' }], socialMedia: 'fb', action: 'like', website: 'shop.example.com',
        kpis: [{ code: 'steps', value: '-3' }], referral: { referrerAccountId: '7', referredAccountId: '8' },
      },
    });
  });

  it('needs an event type and a date; everything else is optional', () => {
    expect(parseEventFacts({ eventType: 'web', performedOn: '2025-03-15T12:00:00Z' })).toEqual({
      ok: true, value: { eventType: 'web', performedOn: '2025-03-15T12:00:00.000Z' },
    });
    expect(parseEventFacts({})).toEqual({
      ok: false,
      errors: [
        'event.eventType must be one of: operation, event, purchase, referral, achievement, financial_achievement, financial_statement, web, social_media',
        'event.performedOn must be an ISO-8601 date-time such as 2025-01-01T00:00:00Z',
      ],
    });
  });

  it('names each bad nested field', () => {
    const parsed = parseEventFacts({
      eventType: 'referral', performedOn: '2025-03-15T12:00:00Z',
      products: [{ code: 'A', quantity: '-1', totalAmount: 1, price: 2 }], kpis: [{ value: 1 }], referral: { referrerAccountId: 'x', referredAccountId: 0 },
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'event.products[0].price is not a field of a product (code, quantity, totalAmount)',
        'event.products[0].quantity must be a non-negative decimal number with at most 4 decimals (a JSON number or a string)',
        'event.kpis[0].code must be a non-empty string',
        'event.referral.referrerAccountId must be a bonus account id (a positive integer)',
        'event.referral.referredAccountId must be a bonus account id (a positive integer)',
      ],
    });
  });
});
