import { customerReference } from './customer-references';

describe('customerReference', () => {
  it('reads a GUID as guid, other text as uniqId and a JSON object as it is', () => {
    expect(customerReference('5C5720C6-3BF9-49E1-927C-1E85EFF4D870')).toEqual({ guid: '5C5720C6-3BF9-49E1-927C-1E85EFF4D870' });
    expect(customerReference(' 12345678 ')).toEqual({ uniqId: '12345678' });
    expect(customerReference('{"phone":"+79990001122"}')).toEqual({ phone: '+79990001122' });
    expect(customerReference('   ')).toBeNull();
  });

  it('refuses a line that starts as JSON but is not', () => {
    expect(() => customerReference('{"phone":')).toThrow('Invalid JSON reference: {"phone":');
  });
});
