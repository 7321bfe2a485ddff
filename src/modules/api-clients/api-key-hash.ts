import { createHash, randomBytes } from 'crypto';

/** Keys and tokens are random 256-bit values; SHA-256 of them is stored and looked up, never the value. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
