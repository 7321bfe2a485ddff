import { createHash } from 'crypto';
import { hashPassCode, verifyPassCode } from './pass-code-hash';

describe('pass code hashing', () => {
  it('stores a salted scrypt hash: the same PIN twice gives two different hashes, both verifying', async () => {
    const [a, b] = [await hashPassCode('1234'), await hashPassCode('1234')];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassCode('1234', a)).toEqual({ match: true, rehash: false });
    expect(await verifyPassCode('1234', b)).toEqual({ match: true, rehash: false });
  });

  it('refuses a wrong pass code', async () => {
    expect(await verifyPassCode('1235', await hashPassCode('1234'))).toEqual({ match: false, rehash: false });
  });

  it('verifies a legacy unsalted SHA-256 once and asks for a rehash', async () => {
    const legacy = createHash('sha256').update('2468').digest('hex');
    expect(await verifyPassCode('2468', legacy)).toEqual({ match: true, rehash: true });
    expect(await verifyPassCode('2469', legacy)).toEqual({ match: false, rehash: false });
  });

  it('never matches a value of an unknown form', async () => {
    expect(await verifyPassCode('1234', 'md5$81dc9bdb52d04dc20036dbd8313ed055')).toEqual({ match: false, rehash: false });
  });
});
