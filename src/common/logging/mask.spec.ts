import { maskUrl, maskValue } from './mask';

describe('maskValue', () => {
  it('keeps only the ends of a phone number', () => expect(maskValue('+79161234567', ['body', 'phone'])).toBe('+7********67'));
  it('keeps the first letter and the domain of an email', () => expect(maskValue('john@example.com', ['email'])).toBe('j***@example.com'));
  it('hides secrets but a short prefix', () => expect(maskValue('be_Q2xSECRETSECRET', ['apiKey'])).toBe('be_Q***'));
  it('leaves empty and non-string values alone', () => {
    expect(maskValue(null, ['phone'])).toBeNull();
    expect(maskValue('', ['email'])).toBe('');
  });
});

describe('maskUrl', () => {
  it('hides the token of both bonus-window routes, whatever the case and slashes', () => {
    expect(maskUrl('/bonus/0123456789abcdef0123456789abcdef')).toBe('/bonus/***');
    expect(maskUrl('/api/bonus-window/0123456789abcdef?x=1')).toBe('/api/bonus-window/***?x=1');
    expect(maskUrl('//API/Bonus-Window//0123456789abcdef/')).toBe('//API/Bonus-Window//***/');
  });

  it('leaves other URLs alone', () => {
    expect(maskUrl('/api/commands')).toBe('/api/commands');
    expect(maskUrl('/admin/customers?uniqId=bonus')).toBe('/admin/customers?uniqId=bonus');
  });
});
