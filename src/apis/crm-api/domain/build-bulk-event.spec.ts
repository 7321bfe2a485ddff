import { buildBulkEvent, ResolvedAccount, ResolvedEntry, ResolvedRefs } from './build-bulk-event';
import { BULK_EVENT_TYPES } from './bulk-event-types';
import { validateBulkItems } from './validate-bulk-item';

const account = (id: string, participantNumber: string): ResolvedAccount => ({ id, customerId: `customer-${id}`, participantNumber });
const entry = (code: string, attributes: Record<string, unknown> | null = null): ResolvedEntry => ({ code, attributes });
const common = { request_unique_identifier: '1', performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00' };

function parse(path: keyof typeof BULK_EVENT_TYPES, item: Record<string, unknown>) {
  const [validated] = validateBulkItems(BULK_EVENT_TYPES[path], [{ ...common, ...item }]);
  if (!validated.item) throw new Error(validated.error?.description);
  return validated.item;
}

function refs(accounts: Array<ResolvedAccount | null>, entries: Record<string, ResolvedEntry | null>, referrers: Array<ResolvedAccount | null> = []): ResolvedRefs {
  return { accounts, referrers, entries: new Map(Object.entries(entries)) };
}

describe('buildBulkEvent', () => {
  it('reports an unknown account in the seeds\' words', () => {
    const item = parse('web', { accounts_receivable_identifier: { number: 'ACR00045000' }, website: 'www.crm.com' });
    expect(buildBulkEvent(BULK_EVENT_TYPES.web, item, refs([null], { unit: entry('ADMIN') }), null)).toEqual({
      error: { code: 'NotFoundApiValue', description: 'Error:Account (ACR00045000) Not Found. - Description:The specified API value was not found.' },
    });
  });

  it('reports an unknown directory value with its label', () => {
    const item = parse('achievements', { accounts_receivable_identifier: { number: 'ACR1' }, classification_identifier: { name: 'Nope' } });
    expect(buildBulkEvent(BULK_EVENT_TYPES.achievements, item, refs([account('7', 'RP7')], { classification: null, unit: entry('ADMIN') }), null).error?.description)
      .toBe('Error:Classification (Nope) Not Found. - Description:The specified API value was not found.');
  });

  it('turns a purchase into facts: codes, amount as the sum of totals, products', () => {
    const item = parse('purchases', {
      accounts_receivable_identifier: { number: 'ACR0000000228' }, reference_number: 'RF01',
      products_set: [
        { product_identifier: { code: 'Serendipity' }, total_amount: 60, net_amount: 50, vat_amount: 10 },
        { product_identifier: { code: 'Bronze' }, total_amount: 180, net_amount: 160, vat_amount: 20, quantity: 2 },
      ],
    });
    const result = buildBulkEvent(BULK_EVENT_TYPES.purchases, item, refs([account('3', 'RP3')], {
      unit: entry('ADMIN', { currency: 'EUR' }), 'product:0': entry('SERENDIPITY'), 'product:1': entry('BRONZE'),
    }), null);
    expect(result.draft).toMatchObject({ accountId: '3', customerId: 'customer-3', amount: '240.0000', referral: null });
    expect(result.draft?.attributes).toEqual({
      eventType: 'purchase', performedOn: '2016-06-22T15:00:00.000Z', unit: 'ADMIN', currency: 'EUR', amount: '240',
      products: [{ code: 'SERENDIPITY', quantity: '1', totalAmount: '60' }, { code: 'BRONZE', quantity: '2', totalAmount: '180' }],
    });
  });

  it('checks the intended currency against the unit\'s currency', () => {
    const item = parse('purchases', {
      accounts_receivable_identifier: { number: 'ACR1' }, reference_number: 'RF01',
      products_set: [{ product_identifier: { code: 'B' }, total_amount: 1, net_amount: 1, vat_amount: 0 }],
    });
    const resolved = (unitAttributes: Record<string, unknown> | null) => refs([account('3', 'RP3')], { unit: entry('ADMIN', unitAttributes), 'product:0': entry('B') });
    expect(buildBulkEvent(BULK_EVENT_TYPES.purchases, item, resolved({ currency: 'EUR' }), 'EUR').draft?.attributes.currency).toBe('EUR');
    expect(buildBulkEvent(BULK_EVENT_TYPES.purchases, item, resolved({ currency: 'EUR' }), 'USD').error).toEqual({
      code: 'IntendedCurrencyMismatch',
      description: 'Error:Intended Currency (USD) Mismatch. - Description:The currency of the performed by unit is EUR.',
    });
    expect(buildBulkEvent(BULK_EVENT_TYPES.purchases, item, resolved(null), 'USD').error?.code).toBe('IntendedCurrencyMismatch');
  });

  it('accepts financial statements only with a financial statement classification', () => {
    const item = parse('financial_statements', { accounts_receivable_identifier: { number: 'ACR1' }, classification_identifier: { name: 'Feedback' } });
    const withClassification = (attributes: Record<string, unknown> | null) =>
      buildBulkEvent(BULK_EVENT_TYPES.financial_statements, item, refs([account('3', 'RP3')], { classification: entry('FB', attributes), unit: entry('ADMIN') }), null);
    expect(withClassification(null).error).toEqual({
      code: 'InvalidClassification',
      description: 'Error:Classification (Feedback) Invalid. - Description:Only financial statement classifications are allowed.',
    });
    expect(withClassification({ eventTypes: ['achievement'] }).error?.code).toBe('InvalidClassification');
    expect(withClassification({ eventTypes: ['financial_statement'] }).draft?.attributes.classification).toBe('FB');
  });

  it('lets other types use a classification that lists no event types, or lists theirs', () => {
    const item = parse('achievements', { accounts_receivable_identifier: { number: 'ACR1' }, classification_identifier: { name: 'Feedback' } });
    const build = (attributes: Record<string, unknown> | null) =>
      buildBulkEvent(BULK_EVENT_TYPES.achievements, item, refs([account('3', 'RP3')], { classification: entry('FB', attributes), unit: entry('ADMIN') }), null);
    expect(build(null).draft).toBeDefined();
    expect(build({ eventTypes: ['achievement'] }).draft).toBeDefined();
    expect(build({ eventTypes: ['financial_statement'] }).error?.code).toBe('InvalidClassification');
  });

  it('needs an account and a participant identifier to name the same account', () => {
    const item = parse('web', { accounts_receivable_identifier: { number: 'ACR1' }, rewards_participant_identifier: { number: 'RP2' }, website: 'w' });
    expect(buildBulkEvent(BULK_EVENT_TYPES.web, item, refs([account('1', 'RP1'), account('1', 'RP1')], { unit: entry('ADMIN') }), null).draft?.accountId).toBe('1');
    expect(buildBulkEvent(BULK_EVENT_TYPES.web, item, refs([account('1', 'RP1'), account('2', 'RP2')], { unit: entry('ADMIN') }), null).error?.code).toBe('InvalidValue');
  });

  describe('referrals', () => {
    const item = parse('referrals', {
      referred_rewards_participant_identifier: { number: 'RP0000000004' }, referred_by_rewards_participant_identifier: { number: 'RP0000000010' },
    });

    it('records both parties, the event being the referred participant\'s', () => {
      const result = buildBulkEvent(BULK_EVENT_TYPES.referrals, item, refs([account('4', 'RP0000000004')], { unit: entry('ADMIN') }, [account('10', 'RP0000000010')]), null);
      expect(result.draft).toMatchObject({ accountId: '4', referral: { referredAccountId: '4', referrerAccountId: '10', referredParticipant: 'RP0000000004' } });
      expect(result.draft?.attributes.referral).toEqual({ referrerAccountId: '10', referredAccountId: '4' });
    });

    it('refuses self-referral', () => {
      const result = buildBulkEvent(BULK_EVENT_TYPES.referrals, item, refs([account('4', 'RP0000000004')], { unit: entry('ADMIN') }, [account('4', 'RP0000000004')]), null);
      expect(result.error?.code).toBe('SelfReferral');
    });

    it('reports an unknown referrer as a participant not found', () => {
      const result = buildBulkEvent(BULK_EVENT_TYPES.referrals, item, refs([account('4', 'RP0000000004')], { unit: entry('ADMIN') }, [null]), null);
      expect(result.error?.description).toBe('Error:Participant (RP0000000010) Not Found. - Description:The specified API value was not found.');
    });
  });
});
