import { isUuid, isValidEmail, isValidPhone, normalizeGuid, normalizePhone, readIdentifier } from './customer-fields';

describe('customer fields', () => {
  it.each(['+79161234567', '79161234567', '1234567890', '+123456789012345'])('accepts the phone %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
  });

  it.each(['+0123456789', '123456789', '+1234567890123456', '+7 916 123 45 67', '8-916-123-45-67', '', 79161234567, null])(
    'refuses the phone %p',
    (phone) => expect(isValidPhone(phone)).toBe(false),
  );

  it('stores phones without the plus', () => {
    expect(normalizePhone('+79161234567')).toBe('79161234567');
    expect(normalizePhone('79161234567')).toBe('79161234567');
  });

  it.each(['ivan@example.com', 'ivan.petrov+bonus@mail.example.co.uk', 'a_b@x-y.ru', "o'neil@example.org"])('accepts the email %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each(['ivan', 'ivan@', '@example.com', 'ivan@example', 'iv an@example.com', 'ivan@@example.com', '.ivan@example.com',
    'iv..an@example.com', 'ivan@-example.com', 'ivan@example.c', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(190)}.com`, null, 5])(
    'refuses the email %p',
    (email) => expect(isValidEmail(email)).toBe(false),
  );

  it('checks GUIDs and matches them case-insensitively', () => {
    expect(isUuid('9803d32e-8fcd-4984-a736-9f02f726b3c0')).toBe(true);
    expect(isUuid('5C5720C6-3BF9-49E1-927C-1E85EFF4D870')).toBe(true);
    expect(isUuid('5C5720C6-3BF9-49E1-927C-1E85EFF4D87')).toBe(false);
    expect(isUuid('not-a-guid')).toBe(false);
    expect(normalizeGuid('5C5720C6-3BF9-49E1-927C-1E85EFF4D870')).toBe('5c5720c6-3bf9-49e1-927c-1e85eff4d870');
  });

  it('reads identifiers given as strings or integers', () => {
    expect(readIdentifier('12345678', 64)).toBe('12345678');
    expect(readIdentifier(12345678, 64)).toBe('12345678');
    expect(readIdentifier(' 42 ', 64)).toBe('42');
    expect(readIdentifier('', 64)).toBeNull();
    expect(readIdentifier('x'.repeat(65), 64)).toBeNull();
    expect(readIdentifier(1.5, 64)).toBeNull();
    expect(readIdentifier(null, 64)).toBeNull();
  });
});
