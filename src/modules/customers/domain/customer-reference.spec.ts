import { echoOfReference, parseCustomerReference } from './customer-reference';

describe('parseCustomerReference', () => {
  it('reads each kind of reference, normalised for lookup', () => {
    expect(parseCustomerReference({ uniqId: '12345678' })).toEqual({ ok: true, reference: { by: 'uniqId', value: '12345678' } });
    expect(parseCustomerReference({ uniqId: 12345678 })).toEqual({ ok: true, reference: { by: 'uniqId', value: '12345678' } });
    expect(parseCustomerReference({ guid: '9803D32E-8FCD-4984-A736-9F02F726B3C0' }))
      .toEqual({ ok: true, reference: { by: 'guid', value: '9803d32e-8fcd-4984-a736-9f02f726b3c0' } });
    expect(parseCustomerReference({ customerId: '9803d32e-8fcd-4984-a736-9f02f726b3c0' }))
      .toEqual({ ok: true, reference: { by: 'guid', value: '9803d32e-8fcd-4984-a736-9f02f726b3c0' } });
    expect(parseCustomerReference({ phone: '+79161234567' })).toEqual({ ok: true, reference: { by: 'phone', value: '79161234567' } });
    expect(parseCustomerReference({ email: 'ivan@example.com', guid: null })).toEqual({ ok: true, reference: { by: 'email', value: 'ivan@example.com' } });
  });

  it('needs exactly one field', () => {
    const error = 'A customer reference must name exactly one of uniqId, guid, customerId, phone, email';
    expect(parseCustomerReference({})).toEqual({ ok: false, error });
    expect(parseCustomerReference({ uniqId: '1', phone: '+79161234567' })).toEqual({ ok: false, error });
    expect(parseCustomerReference('12345678')).toEqual({ ok: false, error: 'A customer reference must be an object' });
  });

  it('checks the format of the field', () => {
    expect(parseCustomerReference({ phone: '123' })).toEqual({ ok: false, error: 'Invalid phone' });
    expect(parseCustomerReference({ email: 'nope' })).toEqual({ ok: false, error: 'Invalid email' });
    expect(parseCustomerReference({ guid: 'x' })).toEqual({ ok: false, error: 'Invalid guid' });
    expect(parseCustomerReference({ uniqId: '' })).toEqual({ ok: false, error: 'Invalid uniqId' });
  });

  it('echoes what the caller sent for unknown customers', () => {
    expect(echoOfReference({ uniqId: 7 })).toEqual({ login: '7', guid: null });
    expect(echoOfReference({ customerId: 'abc' })).toEqual({ login: null, guid: 'abc' });
    expect(echoOfReference(null)).toEqual({ login: null, guid: null });
  });
});
