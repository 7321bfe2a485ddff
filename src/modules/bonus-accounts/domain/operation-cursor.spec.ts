import { decodeCursor, encodeCursor } from './operation-cursor';

describe('operation cursor', () => {
  it('round-trips the position with millisecond precision', () => {
    const cursor = { createdAt: new Date('2025-03-01T10:20:30.456Z'), id: '18446744073709551615' };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each([undefined, null, 42, '', 'not a cursor!', Buffer.from('12:x').toString('base64url'), Buffer.from('abc:1').toString('base64url'), 'A'.repeat(65)])(
    'refuses %p',
    (text) => expect(decodeCursor(text)).toBeNull(),
  );
});
