import { wireValidator } from '../../../../test/support/wire-ajv';
import { BULK_EXAMPLES, SINGLE_PURCHASE_EXAMPLE } from '../crm-examples';
import { BULK_EVENT_PATHS, BULK_EVENT_TYPES } from '../domain/bulk-event-types';
import { validateBulkItems } from '../domain/validate-bulk-item';
import { validateSinglePurchase } from '../domain/validate-single-purchase';
import { bulkItemSchema } from './crm-bulk-shapes';
import { bulkRequestComponent, CRM_COMPONENTS } from './crm-components';

const compile = wireValidator(CRM_COMPONENTS);
const ref = (name: string) => compile({ $ref: `#/components/schemas/${name}` });

describe('CRM API wire shapes', () => {
  it.each(BULK_EVENT_PATHS)('the %s seed example is valid against its request and answer schema', (path) => {
    const request = ref(bulkRequestComponent(path));
    const answer = ref('CrmBulkAnswer');
    expect([request(BULK_EXAMPLES[path].request), request.errors]).toEqual([true, null]);
    expect([answer(BULK_EXAMPLES[path].response), answer.errors]).toEqual([true, null]);
  });

  it('the single purchase seed example is valid against its request and answer schema', () => {
    expect(ref('CrmPurchaseRequest')(SINGLE_PURCHASE_EXAMPLE.request)).toBe(true);
    expect(ref('CrmPurchaseAnswer')(SINGLE_PURCHASE_EXAMPLE.response)).toBe(true);
    expect(ref('CrmApiError')(CRM_COMPONENTS.CrmApiError.example)).toBe(true);
  });

  describe('a bulk purchase item: the schema and the server agree', () => {
    const schema = compile(bulkItemSchema('purchases'));
    const base = {
      request_unique_identifier: '1', accounts_receivable_identifier: { number: 'ACR0000000077' }, performed_by_unit_identifier: { name: 'Admin Unit' },
      performed_on: '2016-06-22T15:00:00', reference_number: 'RF01',
      products_set: [{ product_identifier: { code: 'Bronze' }, total_amount: 60, net_amount: 50, vat_amount: 10 }],
    };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['the seed item (performed_on without offset: UTC)', {}],
      ['performed_on with an offset', { performed_on: '2016-06-22T15:00:00+03:00' }],
      ['performed_on as a bare date', { performed_on: '2016-06-22' }],
      ['decimal string amounts', { products_set: [{ product_identifier: { code: 'Bronze' }, total_amount: '60.50', net_amount: '50', vat_amount: '10.5' }] }],
      ['a numeric reference number', { reference_number: 17 }],
      ['udfs of each kind', { udf_string_1: 'x', udf_float_1: '1.5', udf_date_1: '2016-06-22T15:00:00' }],
      ['performed_on that is no date', { performed_on: 'yesterday' }],
      ['an amount that is no number', { products_set: [{ product_identifier: { code: 'Bronze' }, total_amount: 'sixty', net_amount: 50, vat_amount: 10 }] }],
      ['no products', { products_set: [] }],
      ['no reference number', { reference_number: undefined }],
      ['a reference number over 255 characters', { reference_number: 'r'.repeat(256) }],
    ];
    it.each(cases)('%s', (_, change) => {
      const item = JSON.parse(JSON.stringify({ ...base, ...change }));
      const [server] = validateBulkItems(BULK_EVENT_TYPES.purchases, [item]);
      expect(schema(item)).toBe(server.error === undefined);
    });
  });

  describe('a single purchase: the schema and the server agree', () => {
    const schema = ref('CrmPurchaseRequest');
    const base = { contact_id: 'C1', reference_number: 'R1', merchant_tap: { code: 'M1' } };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['the minimal purchase', {}],
      ['decimal string amounts', { products: [{ product_sku: 'P', net_amount: '8', tax_amount: '2', total_amount: '10.00' }] }],
      ['performed_on in epoch seconds', { performed_on: 1572423477 }],
      ['performed_on as a date-time', { performed_on: '2019-10-30T08:17:57' }],
      ['a spend request in points', { spend_request: { alternative_amount: '5.25' } }],
      ['an id that is no GUID', { id: 'nope' }],
      ['an amount that is no number', { products: [{ product_sku: 'P', net_amount: 'x', tax_amount: 2, total_amount: 10 }] }],
      ['no reference number', { reference_number: undefined }],
    ];
    it.each(cases)('%s', (_, change) => {
      const body = JSON.parse(JSON.stringify({ ...base, ...change }));
      let accepted = true;
      try {
        validateSinglePurchase(body, new Date());
      } catch {
        accepted = false;
      }
      expect(schema(body)).toBe(accepted);
    });
  });
});
