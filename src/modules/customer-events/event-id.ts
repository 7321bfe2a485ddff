import { randomBytes } from 'crypto';

/** A customer event id as the CRM wire shows it: 32 upper-case hex characters. */
export function newEventId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}
