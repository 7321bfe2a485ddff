import { maskValue } from './mask';

describe('maskValue', () => {
  it('keeps only the ends of a phone number', () => expect(maskValue('+79161234567', ['body', 'phone'])).toBe('+7********67'));
  it('keeps the first letter and the domain of an email', () => expect(maskValue('john@example.com', ['email'])).toBe('j***@example.com'));
  it('hides secrets but a short prefix', () => expect(maskValue('be_Q2xSECRETSECRET', ['apiKey'])).toBe('be_Q***'));
  it('leaves empty and non-string values alone', () => {
    expect(maskValue(null, ['phone'])).toBeNull();
    expect(maskValue('', ['email'])).toBe('');
  });
});
