import { createHash, randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'crypto';

/**
 * Access-token pass codes are short (PINs), so they are stored as salted scrypt hashes,
 * `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), and looked up by the token's identifier.
 * Rows from before carry the unsalted SHA-256 (64 hex characters): they still verify, and the
 * caller rehashes them on the first match.
 */
const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
const LEGACY_SHA256 = /^[0-9a-f]{64}$/i;

export interface PassCodeCheck {
  match: boolean;
  /** The stored hash is of an older form: store `hashPassCode(passCode)` instead. */
  rehash: boolean;
}

export async function hashPassCode(passCode: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(passCode, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassCode(passCode: string, stored: string): Promise<PassCodeCheck> {
  if (LEGACY_SHA256.test(stored)) {
    const given = createHash('sha256').update(passCode, 'utf8').digest();
    const match = timingSafeEqual(given, Buffer.from(stored, 'hex'));
    return { match, rehash: match };
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || hash === undefined) return { match: false, rehash: false };
  const expected = Buffer.from(hash, 'base64url');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const given = await derive(passCode, Buffer.from(salt, 'base64url'), cost, expected.length);
  const match = given.length === expected.length && timingSafeEqual(given, expected);
  return { match, rehash: match && (cost.N !== COST.N || cost.r !== COST.r || cost.p !== COST.p) };
}

function derive(passCode: string, salt: Buffer, cost: ScryptOptions, length = KEY_LENGTH): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passCode.normalize('NFC'), salt, length, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
