import Decimal from 'decimal.js';
import { CrmItemFailure } from '../crm-api.errors';
import { SINGLE_PURCHASE_EXAMPLE } from '../crm-examples';
import { spendPoints, validateSinglePurchase } from './validate-single-purchase';

const now = new Date('2024-01-01T00:00:00Z');
const seed = SINGLE_PURCHASE_EXAMPLE.request as Record<string, unknown>;

function errorOf(body: unknown): { code: string; description: string } {
  try {
    validateSinglePurchase(body, now);
  } catch (error) {
    if (error instanceof CrmItemFailure) return error.error;
    throw error;
  }
  throw new Error('no error');
}

describe('validateSinglePurchase', () => {
  it('reads the seed 003 example', () => {
    const purchase = validateSinglePurchase(seed, now);
    expect(purchase.customer.key).toEqual({ by: 'authenticationCode', value: '4A30966F684B0269AD91' });
    expect(purchase.referenceNumber).toBe('RF000001');
    expect(purchase.performedOn.toISOString()).toBe('2019-10-30T08:17:57.000Z');
    expect(purchase.amount?.toFixed()).toBe('15.19');
    expect(purchase.products.map((p) => [p.ref.value, p.quantity.toFixed()])).toEqual([['FREDESPR001', '2']]);
    expect([purchase.merchant?.value, purchase.outlet?.value, purchase.currency?.value, purchase.classification?.value]).toEqual(['EK123456', 'CD123456', 'EUR', 'CCC']);
    expect(purchase.spend).toEqual({ kind: 'amount', amount: new Decimal('2.12') });
    expect(purchase.eventId).toBeNull();
  });

  it('defaults performed_on to now and normalises a GUID id to the register form', () => {
    const purchase = validateSinglePurchase({ ...seed, performed_on: undefined, id: 'd49d8cd3-9786-431f-8823-41cbde5a254a' }, now);
    expect(purchase.performedOn).toEqual(now);
    expect(purchase.eventId).toBe('D49D8CD39786431F882341CBDE5A254A');
    expect(errorOf({ ...seed, id: 'PCE12345678909876544GUID' }).code).toBe('InvalidValue');
  });

  it('needs exactly one of contact_id and cim', () => {
    expect(errorOf({ ...seed, contact_id: '9803d32e-8fcd-4984-a736-9f02f726b3c0' }).code).toBe('MoreThanOneIdentifier');
    expect(errorOf({ ...seed, cim: undefined }).code).toBe('MandatoryParameterMissing');
    expect(validateSinglePurchase({ ...seed, cim: undefined, contact_id: 'c-1' }, now).customer.key).toEqual({ by: 'contactId', value: 'c-1' });
  });

  it('needs reference_number and a merchant or outlet', () => {
    expect(errorOf({ ...seed, reference_number: undefined }).description).toMatch(/^Error:Parameter \(reference_number\) Missing/);
    expect(errorOf({ ...seed, merchant_tap: undefined, outlet_tap: undefined }).code).toBe('MandatoryParameterMissing');
    expect(validateSinglePurchase({ ...seed, merchant_tap: undefined }, now).merchant).toBeNull();
  });

  it('needs exactly one of the spend request amounts', () => {
    expect(errorOf({ ...seed, spend_request: { amount: 1, alternative_amount: 1 } }).code).toBe('MoreThanOneIdentifier');
    expect(errorOf({ ...seed, spend_request: {} }).code).toBe('MandatoryParameterMissing');
    expect(errorOf({ ...seed, spend_request: { alternative_amount: 1.234 } }).code).toBe('InvalidValue');
    expect(errorOf({ ...seed, spend_request: { amount: 0 } }).code).toBe('InvalidValue');
    expect(validateSinglePurchase({ ...seed, spend_request: { alternative_amount: '5.5' } }, now).spend).toEqual({ kind: 'points', points: new Decimal('5.5') });
  });

  it('rejects a performed_on that is not epoch seconds', () => {
    expect(errorOf({ ...seed, performed_on: '2019-10-30' }).code).toBe('InvalidValue');
    expect(errorOf({ ...seed, performed_on: 1.5 }).code).toBe('InvalidValue');
  });
});

describe('spendPoints', () => {
  it('converts a currency amount at the point value, to 2 decimals half up', () => {
    expect(spendPoints({ kind: 'amount', amount: new Decimal('2.12') }, '1.00').toFixed(2)).toBe('2.12');
    expect(spendPoints({ kind: 'amount', amount: new Decimal('10') }, '0.5').toFixed(2)).toBe('20.00');
    expect(spendPoints({ kind: 'amount', amount: new Decimal('1') }, '3').toFixed(2)).toBe('0.33');
    expect(spendPoints({ kind: 'amount', amount: new Decimal('0.125') }, '1').toFixed(2)).toBe('0.13');
  });

  it('takes alternative_amount as points', () => {
    expect(spendPoints({ kind: 'points', points: new Decimal('7.25') }, '0.5').toFixed(2)).toBe('7.25');
  });
});
