import { isUuid, isValidEmail, isValidPhone, MAX_UNIQ_ID_LENGTH, normalizeGuid, normalizePhone, readIdentifier } from './customer-fields';

/** How the Command API names one customer: exactly one of uniqId, guid (alias customerId), phone, email. */
export type CustomerReference =
  | { by: 'uniqId'; value: string }
  | { by: 'guid'; value: string }
  | { by: 'phone'; value: string }
  | { by: 'email'; value: string };

export const REFERENCE_FIELDS = ['uniqId', 'guid', 'customerId', 'phone', 'email'] as const;

export type ParsedReference = { ok: true; reference: CustomerReference } | { ok: false; error: string };

/** Reads a customer reference object; values are normalised for lookup (GUID lower-case, phone without `+`). */
export function parseCustomerReference(value: unknown): ParsedReference {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'A customer reference must be an object' };
  }
  const given = REFERENCE_FIELDS.filter((f) => (value as Record<string, unknown>)[f] !== undefined && (value as Record<string, unknown>)[f] !== null);
  if (given.length !== 1) {
    return { ok: false, error: 'A customer reference must name exactly one of uniqId, guid, customerId, phone, email' };
  }
  const field = given[0];
  const raw = (value as Record<string, unknown>)[field];
  switch (field) {
    case 'uniqId': {
      const uniqId = readIdentifier(raw, MAX_UNIQ_ID_LENGTH);
      return uniqId ? { ok: true, reference: { by: 'uniqId', value: uniqId } } : { ok: false, error: 'Invalid uniqId' };
    }
    case 'guid':
    case 'customerId':
      return isUuid(raw) ? { ok: true, reference: { by: 'guid', value: normalizeGuid(raw) } } : { ok: false, error: `Invalid ${field}` };
    case 'phone':
      return isValidPhone(raw) ? { ok: true, reference: { by: 'phone', value: normalizePhone(raw) } } : { ok: false, error: 'Invalid phone' };
    case 'email':
      return isValidEmail(raw) ? { ok: true, reference: { by: 'email', value: raw } } : { ok: false, error: 'Invalid email' };
  }
}

/** The login and GUID to echo for a reference whose customer is not known. */
export function echoOfReference(value: unknown): { login: string | null; guid: string | null } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : null);
  return { login: text(v.uniqId), guid: text(v.guid) ?? text(v.customerId) };
}
