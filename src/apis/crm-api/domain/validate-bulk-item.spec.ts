import { BULK_EVENT_TYPES } from './bulk-event-types';
import { validateBulkItems } from './validate-bulk-item';

const base = {
  request_unique_identifier: '1',
  accounts_receivable_identifier: { number: 'ACR0000000077' },
  performed_by_unit_identifier: { name: 'Admin Unit' },
  performed_on: '2016-06-22T15:00:00',
};
const web = (item: Record<string, unknown>) => validateBulkItems(BULK_EVENT_TYPES.web, [{ ...base, website: 'www.crm.com', ...item }])[0];

describe('validateBulkItems', () => {
  it('reads a seed web item: account by number, unit by name, UTC date without offset', () => {
    const { item, error } = web({});
    expect(error).toBeUndefined();
    expect(item?.accountRefs).toEqual([
      { param: 'accounts_receivable_identifier', what: 'Account', value: 'ACR0000000077', key: { by: 'number', value: 'ACR0000000077' } },
    ]);
    expect(item?.directoryRefs).toEqual([{ slot: 'unit', kind: 'unit', what: 'Unit', field: 'name', value: 'Admin Unit' }]);
    expect(item?.performedOn.toISOString()).toBe('2016-06-22T15:00:00.000Z');
    expect(item?.website).toBe('www.crm.com');
    expect(item?.externalKey).toBeNull();
  });

  it('fails the second item with a repeated request_unique_identifier', () => {
    const items = validateBulkItems(BULK_EVENT_TYPES.web, [{ ...base, website: 'a' }, { ...base, website: 'b' }]);
    expect(items[0].error).toBeUndefined();
    expect(items[1].error).toEqual({
      code: 'DuplicateRequestIdentifier',
      description: 'Error:Request Unique Identifier (1) Duplicated. - Description:The request unique identifier was already used in this call.',
    });
  });

  it('refuses an identifier object naming two fields', () => {
    expect(web({ accounts_receivable_identifier: { number: 'ACR0000000077', name: 'Polina' } }).error).toEqual({
      code: 'MoreThanOneIdentifier',
      description: 'Error:Identifier (accounts_receivable_identifier) Has More Than One Field. - Description:Only one of id, number, name, access_token_identifier may be specified.',
    });
    expect(web({ performed_by_unit_identifier: { name: 'Admin Unit', id: '1' } }).error?.code).toBe('MoreThanOneIdentifier');
  });

  it.each([
    ['request_unique_identifier', { request_unique_identifier: undefined }],
    ['performed_on', { performed_on: undefined }],
    ['website', { website: undefined }],
    ['performed_by_unit_identifier', { performed_by_unit_identifier: undefined }],
    ['accounts_receivable_identifier', { accounts_receivable_identifier: undefined }],
  ])('reports a missing %s as MandatoryParameterMissing', (parameter, change) => {
    const { error } = web(change);
    expect(error?.code).toBe('MandatoryParameterMissing');
    expect(error?.description).toMatch(new RegExp(`^Error:Parameter \\(${parameter}\\) Missing\\. - Description:`));
  });

  it('accepts a rewards participant instead of an account, and a business unit instead of a unit', () => {
    const { item } = web({
      accounts_receivable_identifier: undefined, rewards_participant_identifier: { number: 'RP0000000010' },
      performed_by_unit_identifier: undefined, performed_by_business_unit_identifier: { code: 'EK123456' },
    });
    expect(item?.accountRefs[0].key).toEqual({ by: 'participantNumber', value: 'RP0000000010' });
    expect(item?.directoryRefs[0]).toMatchObject({ slot: 'businessUnit', kind: 'businessUnit', field: 'code' });
  });

  it('reads access tokens by authentication code, or identifier with pass code', () => {
    expect(web({ accounts_receivable_identifier: { access_token_identifier: { authentication_code: 'AC1' } } }).item?.accountRefs[0])
      .toMatchObject({ what: 'Access Token', key: { by: 'authenticationCode', value: 'AC1' } });
    expect(web({ accounts_receivable_identifier: { access_token_identifier: { identifier: 'card', pass_code: '1234' } } }).item?.accountRefs[0].key)
      .toEqual({ by: 'accessTokenIdentifier', value: 'card', passCode: '1234' });
    expect(web({ accounts_receivable_identifier: { access_token_identifier: { identifier: 'card' } } }).error?.code).toBe('MandatoryParameterMissing');
    expect(web({ accounts_receivable_identifier: { access_token_identifier: { identifier: 'card', authentication_code: 'AC1' } } }).error?.code)
      .toBe('MoreThanOneIdentifier');
  });

  it('never keeps a pass code in the payload', () => {
    const { item } = web({ accounts_receivable_identifier: { access_token_identifier: { identifier: 'card', pass_code: '1234' } } });
    expect(JSON.stringify(item?.payload)).not.toContain('1234');
    expect(item?.payload.accounts_receivable_identifier).toEqual({ access_token_identifier: { identifier: 'card' } });
  });

  it('keeps user-defined fields apart and checks their types', () => {
    const { item } = web({ udf_string_1: 'a', udf_string_16: 'p', udf_float_2: 1.5, udf_date_4: '2016-06-22' });
    expect(item?.udf).toEqual({ udf_string_1: 'a', udf_string_16: 'p', udf_float_2: 1.5, udf_date_4: '2016-06-22T00:00:00.000Z' });
    expect(item?.payload).not.toHaveProperty('udf_string_1');
    expect(web({ udf_float_1: 'many' }).error?.code).toBe('InvalidValue');
    expect(web({ udf_date_1: 'soon' }).error?.code).toBe('InvalidValue');
  });

  it('builds the external key only from both external fields', () => {
    expect(web({ external_system: 'POS', external_system_reference_number: 'R-1' }).item?.externalKey).toBe('ext:3:POS/R-1');
    expect(web({ external_system: 'POS' }).item?.externalKey).toBeNull();
  });

  it('keeps external keys apart when the system or the reference contains a slash', () => {
    const keyOf = (system: string, reference: string) => web({ external_system: system, external_system_reference_number: reference }).item?.externalKey;
    expect(keyOf('shopA/x', '1')).toBe('ext:7:shopA/x/1');
    expect(keyOf('shopA', 'x/1')).toBe('ext:5:shopA/x/1');
    expect(keyOf('magasin-é', 'a')).toBe('ext:9:magasin-é/a');
    expect(keyOf('🛒', 'a')).toBe('ext:1:🛒/a');
  });

  it('rejects a date that is not one', () => {
    expect(web({ performed_on: '2016-02-30T10:00:00' }).error).toEqual({
      code: 'InvalidValue',
      description: 'Error:Parameter (performed_on) Invalid. - Description:The value must be a date-time such as 2016-06-22T15:00:00.',
    });
  });

  it('needs a classification for achievements, financial achievements and financial statements', () => {
    for (const type of [BULK_EVENT_TYPES.achievements, BULK_EVENT_TYPES.financial_achievements, BULK_EVENT_TYPES.financial_statements]) {
      expect(validateBulkItems(type, [base])[0].error?.description).toMatch(/^Error:Parameter \(classification_identifier\) Missing/);
    }
    expect(validateBulkItems(BULK_EVENT_TYPES.achievements, [{ ...base, classification_identifier: { name: 'Customer Feedback 3' } }])[0].error).toBeUndefined();
  });

  it('sums the product totals of a purchase exactly and defaults quantities to 1', () => {
    const [{ item, error }] = validateBulkItems(BULK_EVENT_TYPES.purchases, [{
      ...base, reference_number: 'RF01',
      products_set: [
        { product_identifier: { code: 'Serendipity' }, total_amount: 0.1, net_amount: 0.1, vat_amount: 0 },
        { product_identifier: { code: 'Bronze' }, total_amount: '0.2', net_amount: 0.2, vat_amount: 0, quantity: 3 },
      ],
    }]);
    expect(error).toBeUndefined();
    expect(item?.amount?.toFixed()).toBe('0.3');
    expect(item?.products.map((p) => [p.slot, p.quantity.toFixed(), p.totalAmount.toFixed()])).toEqual([['product:0', '1', '0.1'], ['product:1', '3', '0.2']]);
    expect(item?.directoryRefs.map((r) => r.slot)).toEqual(['unit', 'product:0', 'product:1']);
  });

  it('checks purchase fields: reference number, products, amounts', () => {
    const purchase = (change: Record<string, unknown>) =>
      validateBulkItems(BULK_EVENT_TYPES.purchases, [{
        ...base, reference_number: 'RF01', products_set: [{ product_identifier: { code: 'B' }, total_amount: 1, net_amount: 1, vat_amount: 0 }], ...change,
      }])[0].error;
    expect(purchase({ reference_number: undefined })?.code).toBe('MandatoryParameterMissing');
    expect(purchase({ products_set: undefined })?.code).toBe('MandatoryParameterMissing');
    expect(purchase({ products_set: [] })?.code).toBe('InvalidValue');
    expect(purchase({ products_set: [{ product_identifier: { code: 'B' }, net_amount: 1, vat_amount: 0 }] })?.description)
      .toMatch(/^Error:Parameter \(products_set\[0\]\.total_amount\) Missing/);
    expect(purchase({ products_set: [{ product_identifier: { code: 'B' }, total_amount: 1.00001, net_amount: 1, vat_amount: 0 }] })?.code).toBe('InvalidValue');
    expect(purchase({ products_set: [{ product_identifier: { code: 'B' }, total_amount: -1, net_amount: 1, vat_amount: 0 }] })?.code).toBe('InvalidValue');
    expect(purchase({ invoice_identifier: { number: 'I1', id: '2' } })?.code).toBe('MoreThanOneIdentifier');
  });

  it('reads both parties of a referral', () => {
    const [{ item }] = validateBulkItems(BULK_EVENT_TYPES.referrals, [{
      request_unique_identifier: '125', performed_by_unit_identifier: { name: 'Admin Unit' }, performed_on: '2016-06-22T15:00:00',
      referred_rewards_participant_identifier: { number: 'RP0000000017' }, referred_by_rewards_participant_identifier: { number: 'RP0000000010' },
    }]);
    expect(item?.accountRefs.map((r) => r.key)).toEqual([{ by: 'participantNumber', value: 'RP0000000017' }]);
    expect(item?.referrerRefs.map((r) => r.key)).toEqual([{ by: 'participantNumber', value: 'RP0000000010' }]);
    const [{ error }] = validateBulkItems(BULK_EVENT_TYPES.referrals, [{ ...base, referred_rewards_participant_identifier: { number: 'RP1' } }]);
    expect(error?.description).toMatch(/^Error:Parameter \(referred_by_rewards_participant_identifier\) Missing/);
  });

  it('reads social media, financial achievement and financial statement fields', () => {
    const [social] = validateBulkItems(BULK_EVENT_TYPES.social_media, [{ ...base, social_media: 'FACEBOOK', profile: 'www.facebook.com/polina', action: 'LIKE' }]);
    expect([social.item?.socialMedia, social.item?.action]).toEqual(['FACEBOOK', 'LIKE']);
    expect(validateBulkItems(BULK_EVENT_TYPES.social_media, [{ ...base, social_media: 'FACEBOOK', action: 'LIKE' }])[0].error?.description)
      .toMatch(/^Error:Parameter \(profile\) Missing/);
    const classification = { classification_identifier: { name: 'Financial Achievement 1' } };
    const [achievement] = validateBulkItems(BULK_EVENT_TYPES.financial_achievements, [{ ...base, ...classification, amount: '1500.25', product_identifier: { code: 'Bronze' } }]);
    expect(achievement.item?.amount?.toFixed()).toBe('1500.25');
    expect(achievement.item?.directoryRefs.map((r) => r.slot)).toEqual(['classification', 'unit', 'product']);
    const [statement] = validateBulkItems(BULK_EVENT_TYPES.financial_statements, [{
      ...base, ...classification,
      measured_key_performance_indicators_set: [{ key_performance_indicator_identifier: { name: 'Balance' }, value: -12.5, product_identifier: { code: 'Bronze' } }],
    }]);
    expect(statement.item?.kpis.map((k) => [k.slot, k.productSlot, k.value.toFixed()])).toEqual([['kpi:0', 'kpiProduct:0', '-12.5']]);
    const [noValue] = validateBulkItems(BULK_EVENT_TYPES.financial_statements, [{
      ...base, ...classification, measured_key_performance_indicators_set: [{ key_performance_indicator_identifier: { name: 'Balance' } }],
    }]);
    expect(noValue.error?.code).toBe('MandatoryParameterMissing');
  });

  it('reports an item that is not an object', () => {
    expect(validateBulkItems(BULK_EVENT_TYPES.web, ['x'])[0]).toEqual({
      requestId: null,
      error: { code: 'InvalidValue', description: 'Error:Parameter (web_customer_events_set) Invalid. - Description:Each customer event must be an object.' },
    });
  });
});
