/** Formats of the customer identity fields, as the Command API checks them (seed 001 §1.1.3). */
export const PHONE_PATTERN = /^\+?[1-9]\d{9,14}$/;
const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MAX_EMAIL_LENGTH = 191;
export const MAX_UNIQ_ID_LENGTH = 64;

export function isValidPhone(value: unknown): value is string {
  return typeof value === 'string' && PHONE_PATTERN.test(value);
}

/** Phones are stored without the leading `+`, so `+79161234567` and `79161234567` are one number. */
export function normalizePhone(phone: string): string {
  return phone.startsWith('+') ? phone.slice(1) : phone;
}

export function isValidEmail(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(value)) return false;
  const [local] = value.split('@');
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** GUIDs match case-insensitively: they are stored lower-case. */
export function normalizeGuid(guid: string): string {
  return guid.toLowerCase();
}

/** An identifier sent as a non-empty string or an integer JSON number (`"12345678"` or `12345678`); null otherwise. */
export function readIdentifier(value: unknown, maxLength: number): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text.length > 0 && text.length <= maxLength ? text : null;
}
