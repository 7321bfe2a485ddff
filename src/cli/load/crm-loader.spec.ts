import { bulkItems, LOADER_EXTERNAL_SYSTEM } from './crm-loader';

describe('bulkItems', () => {
  it('gives items without them a request identifier (the line) and an external reference (file and record)', () => {
    const [item] = bulkItems([{ index: 4, line: 5, item: { reference_number: 'RF1' }, error: null }], 'abc');
    expect(item).toEqual({ reference_number: 'RF1', request_unique_identifier: '5', external_system: LOADER_EXTERNAL_SYSTEM, external_system_reference_number: 'abc:4' });
  });

  it("keeps the item's own request identifier and external reference", () => {
    const own = { request_unique_identifier: '31', external_system: 'POS', external_system_reference_number: 'R-1' };
    expect(bulkItems([{ index: 1, line: 2, item: own, error: null }], 'abc')).toEqual([own]);
    const half = { request_unique_identifier: '32', external_system: 'POS' };
    expect(bulkItems([{ index: 1, line: 2, item: half, error: null }], 'abc')).toEqual([half]);
  });
});
