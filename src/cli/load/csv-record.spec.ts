import { csvRecordToItem } from './csv-record';

describe('csvRecordToItem', () => {
  it('maps flat columns to the fields of a loadCustomerEventsExt event and leaves blank cells out', () => {
    expect(csvRecordToItem({ customerId: 'C1', eventId: '17', operationAmount: '100.50', merchantName: '', customerType1: 'gold' }))
      .toEqual({ customerId: 'C1', eventId: '17', operationAmount: '100.50', customerType1: 'gold' });
  });

  it('builds nested objects and lists from dotted column names', () => {
    const item = csvRecordToItem({
      request_unique_identifier: '31',
      'accounts_receivable_identifier.number': 'ACR0000000228',
      'performed_by_unit_identifier.code': 'ADMIN',
      'products_set.0.product_identifier.code': 'Serendipity',
      'products_set.0.total_amount': '60',
      'products_set.1.product_identifier.code': 'Bronze',
      'products_set.1.total_amount': '180.25',
    });
    expect(item).toEqual({
      request_unique_identifier: '31',
      accounts_receivable_identifier: { number: 'ACR0000000228' },
      performed_by_unit_identifier: { code: 'ADMIN' },
      products_set: [
        { product_identifier: { code: 'Serendipity' }, total_amount: '60' },
        { product_identifier: { code: 'Bronze' }, total_amount: '180.25' },
      ],
    });
  });

  it('drops list elements whose cells are all blank', () => {
    const item = csvRecordToItem({
      'products_set.0.total_amount': '', 'products_set.0.product_identifier.code': '',
      'products_set.1.total_amount': '5', 'products_set.1.product_identifier.code': 'Bronze',
    });
    expect(item).toEqual({ products_set: [{ total_amount: '5', product_identifier: { code: 'Bronze' } }] });
  });

  it('refuses a column name with an empty part', () => {
    expect(() => csvRecordToItem({ 'products_set..code': 'x' })).toThrow('Invalid column name "products_set..code"');
  });
});
