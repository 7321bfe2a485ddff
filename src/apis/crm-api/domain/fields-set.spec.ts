import { CrmItemFailure } from '../crm-api.errors';
import { parseFieldsSet, processedItem } from './fields-set';

const event = { id: 'D49D8CD39786431F882341CBDE5A254A', number: '8' };

describe('fields_set', () => {
  it('answers every field when absent', () => {
    expect(processedItem('125', event, parseFieldsSet(undefined))).toEqual({ request_unique_identifier: '125', id: event.id, number: '8' });
  });

  it('restricts processed items to the listed fields, always keeping request_unique_identifier', () => {
    expect(processedItem('125', event, parseFieldsSet('number'))).toEqual({ request_unique_identifier: '125', number: '8' });
    expect(processedItem('125', event, parseFieldsSet(' id , unknown'))).toEqual({ request_unique_identifier: '125', id: event.id });
    expect(processedItem('125', event, parseFieldsSet(['id', 'number']))).toEqual({ request_unique_identifier: '125', id: event.id, number: '8' });
  });

  it('refuses a value that is not a list of names', () => {
    expect(() => parseFieldsSet(5)).toThrow(CrmItemFailure);
    expect(() => parseFieldsSet([1])).toThrow(CrmItemFailure);
  });
});
