import { CustomerStatus } from '../entities/customer.entity';
import { CustomerReference } from './customer-reference';

/** What identity matching needs to know of a customer. */
export interface KnownCustomer {
  id: string;
  guid: string | null;
  uniqId: string | null;
  email: string | null;
  phone: string | null;
  status: CustomerStatus;
}

export interface CustomerDraft extends KnownCustomer {
  info: string | null;
}

export interface IdentityDraft {
  guid?: string;
  uniqId?: string;
  email?: string;
  phone?: string;
  info?: string;
}

export type MatchDecision =
  | { kind: 'reject'; error: string; customerId: string | null }
  | { kind: 'apply'; customerId: string; status: CustomerStatus; create: CustomerDraft | null; change: IdentityDraft | null };

export const MATCH_ERRORS = {
  customerBlocked: 'Customer is blocked',
  phoneTaken: 'Phone number belongs to another customer',
  uniqIdTaken: 'uniqId belongs to another customer',
  ambiguousEmail: 'Email belongs to more than one customer',
} as const;

const key = (value: string) => value.toLowerCase();

/**
 * The customers a command's items may touch, indexed by every identity field the way the
 * database compares them (GUID, login and email case-insensitively). Items are matched one after
 * another and each decision is applied to the index, so a later item of the same command sees the
 * customer an earlier one created or changed.
 */
export class CustomerIndex {
  private readonly ids = new Map<string, KnownCustomer>();
  private readonly guids = new Map<string, KnownCustomer>();
  private readonly logins = new Map<string, KnownCustomer>();
  private readonly phones = new Map<string, KnownCustomer>();
  /** Oldest first. */
  private readonly emails = new Map<string, KnownCustomer[]>();

  /** `customers` oldest first. */
  constructor(customers: KnownCustomer[]) {
    for (const c of customers) this.add({ ...c });
  }

  byGuid(guid: string) { return this.guids.get(key(guid)); }
  byUniqId(uniqId: string) { return this.logins.get(key(uniqId)); }
  byPhone(phone: string) { return this.phones.get(phone); }
  /** Everyone with this email, oldest first. */
  byEmail(email: string): KnownCustomer[] { return this.emails.get(key(email)) ?? []; }

  byReference(reference: CustomerReference): KnownCustomer | 'ambiguous' | undefined {
    switch (reference.by) {
      case 'guid': return this.byGuid(reference.value);
      case 'uniqId': return this.byUniqId(reference.value);
      case 'phone': return this.byPhone(reference.value);
      case 'email': {
        const all = this.byEmail(reference.value);
        return all.length > 1 ? 'ambiguous' : all[0];
      }
    }
  }

  add(customer: KnownCustomer): void {
    this.ids.set(customer.id, customer);
    if (customer.guid) this.guids.set(key(customer.guid), customer);
    if (customer.uniqId) this.logins.set(key(customer.uniqId), customer);
    if (customer.phone) this.phones.set(customer.phone, customer);
    if (customer.email) this.emails.set(key(customer.email), [...this.byEmail(customer.email), customer]);
  }

  change(customer: KnownCustomer, change: IdentityDraft): void {
    if (change.guid !== undefined) {
      if (customer.guid) this.guids.delete(key(customer.guid));
      customer.guid = change.guid;
      this.guids.set(key(change.guid), customer);
    }
    if (change.uniqId !== undefined) {
      if (customer.uniqId) this.logins.delete(key(customer.uniqId));
      customer.uniqId = change.uniqId;
      this.logins.set(key(change.uniqId), customer);
    }
    if (change.phone !== undefined) {
      if (customer.phone) this.phones.delete(customer.phone);
      customer.phone = change.phone;
      this.phones.set(change.phone, customer);
    }
    if (change.email !== undefined) {
      if (customer.email) this.emails.set(key(customer.email), this.byEmail(customer.email).filter((c) => c !== customer));
      customer.email = change.email;
      this.emails.set(key(change.email), [...this.byEmail(change.email), customer]);
    }
  }

  /** New → active in the index, after an accrual. */
  activate(customerId: string): void {
    const customer = this.ids.get(customerId);
    if (customer?.status === 'new') customer.status = 'active';
  }
}

export interface PointMessageIdentity {
  uniqId: string;
  /** Lower-case: the caller's, or the one step 1 found or generated. */
  guid: string;
  /** Whether the caller sent the GUID (a generated one identifies nobody). */
  guidGiven: boolean;
  email: string | null;
  phone: string | null;
  info: string | null;
}

const reject = (error: string, customerId: string | null = null): MatchDecision => ({ kind: 'reject', error, customerId });

/**
 * addCustomerPointMessage identity rules (seed 001 and its FAQ):
 * - the customer is the one with the GUID sent, else the one with the uniqId;
 * - a blocked customer gets nothing (§3.4);
 * - a new phone replaces the old one unless it belongs to another customer, in which case nothing
 *   happens to the item at all (FAQ 3);
 * - a new email replaces the old one even if another customer has it (FAQ 5);
 * - for a new uniqId: a phone that belongs to someone creates nobody and accrues nothing (FAQ 4);
 *   an email that belongs to someone creates nobody and the item goes to that customer (FAQ 7);
 *   otherwise the customer is created with status new (§3.1).
 */
export function matchPointMessage(index: CustomerIndex, item: PointMessageIdentity, newId: () => string): MatchDecision {
  const byGuid = item.guidGiven ? index.byGuid(item.guid) : undefined;
  const byLogin = index.byUniqId(item.uniqId);
  if (byGuid && byLogin && byGuid.id !== byLogin.id) return reject(MATCH_ERRORS.uniqIdTaken, byGuid.id);
  if (!byGuid && byLogin && item.guidGiven && byLogin.guid && byLogin.guid !== item.guid) return reject(MATCH_ERRORS.uniqIdTaken, byLogin.id);
  const target = byGuid ?? byLogin;

  if (target) {
    if (target.status === 'blocked') return reject(MATCH_ERRORS.customerBlocked, target.id);
    const change: IdentityDraft = {};
    if (item.phone && item.phone !== target.phone) {
      const owner = index.byPhone(item.phone);
      if (owner && owner.id !== target.id) return reject(MATCH_ERRORS.phoneTaken, target.id);
      change.phone = item.phone;
    }
    if (item.email && item.email !== target.email) change.email = item.email;
    if (item.info !== null) change.info = item.info;
    if (!byLogin) change.uniqId = item.uniqId;
    if (!target.guid) change.guid = item.guid;
    index.change(target, change);
    return { kind: 'apply', customerId: target.id, status: target.status, create: null, change: Object.keys(change).length ? change : null };
  }

  if (item.phone && index.byPhone(item.phone)) return reject(MATCH_ERRORS.phoneTaken);
  const emailOwner = item.email ? index.byEmail(item.email)[0] : undefined;
  if (emailOwner) {
    if (emailOwner.status === 'blocked') return reject(MATCH_ERRORS.customerBlocked, emailOwner.id);
    return { kind: 'apply', customerId: emailOwner.id, status: emailOwner.status, create: null, change: null };
  }
  const create: CustomerDraft = {
    id: newId(), guid: item.guid, uniqId: item.uniqId, email: item.email, phone: item.phone, info: item.info, status: 'new',
  };
  index.add(create);
  return { kind: 'apply', customerId: create.id, status: 'new', create, change: null };
}

/**
 * addBonusExtQuick: the customer named by the reference, or a new active customer with that
 * identifier (and the GUID step 1 chose for it). Blocked customers get nothing.
 */
export function matchQuickBonus(index: CustomerIndex, reference: CustomerReference, guidForNew: string, newId: () => string): MatchDecision {
  const found = index.byReference(reference);
  if (found === 'ambiguous') return reject(MATCH_ERRORS.ambiguousEmail);
  if (found) {
    if (found.status === 'blocked') return reject(MATCH_ERRORS.customerBlocked, found.id);
    return { kind: 'apply', customerId: found.id, status: found.status, create: null, change: null };
  }
  const create: CustomerDraft = {
    id: newId(), guid: reference.by === 'guid' ? reference.value : guidForNew, uniqId: reference.by === 'uniqId' ? reference.value : null,
    email: reference.by === 'email' ? reference.value : null, phone: reference.by === 'phone' ? reference.value : null, info: null, status: 'active',
  };
  index.add(create);
  return { kind: 'apply', customerId: create.id, status: 'active', create, change: null };
}
