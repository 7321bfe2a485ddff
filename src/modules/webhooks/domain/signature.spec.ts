import { createHmac } from 'crypto';
import { signature, verifySignature } from './signature';

describe('signature', () => {
  it('is the hex HMAC-SHA256 of timestamp.body with the secret', () => {
    const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
    expect(signature('s3cret', '1700000000', '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it('verifies only the same secret, timestamp and body', () => {
    const header = signature('s3cret', '1700000000', '{"a":1}');
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', header)).toBe(true);
    expect(verifySignature('other', '1700000000', '{"a":1}', header)).toBe(false);
    expect(verifySignature('s3cret', '1700000001', '{"a":1}', header)).toBe(false);
    expect(verifySignature('s3cret', '1700000000', '{"a":2}', header)).toBe(false);
    expect(verifySignature('s3cret', '1700000000', '{"a":1}', 'sha256=00')).toBe(false);
  });
});
