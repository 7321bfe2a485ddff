import { EventFacts } from '../../../modules/rewards-rules';
import { crmErrors, CrmItemError, CrmItemFailure } from '../crm-api.errors';
import { BulkEventType } from './bulk-event-types';
import { fail, JsonObject } from './crm-fields';
import { AccountRef } from './crm-identifiers';
import { ParsedBulkItem } from './validate-bulk-item';

/** What the checks need of a bonus account. */
export interface ResolvedAccount {
  id: string;
  customerId: string;
  participantNumber: string | null;
}

/** What the checks and the facts need of a directory entry. */
export interface ResolvedEntry {
  code: string;
  attributes: Record<string, unknown> | null;
}

export interface ResolvedRefs {
  /** Aligned with `item.accountRefs`. */
  accounts: Array<ResolvedAccount | null>;
  /** Aligned with `item.referrerRefs`. */
  referrers: Array<ResolvedAccount | null>;
  /** Directory slot → entry (null: not found). */
  entries: ReadonlyMap<string, ResolvedEntry | null>;
}

/** A checked item, ready to be stored as a customer event. */
export interface BulkEventDraft {
  requestId: string;
  customerId: string;
  accountId: string;
  performedOn: Date;
  amount: string | null;
  attributes: EventFacts;
  payload: JsonObject;
  udf: JsonObject | null;
  externalKey: string | null;
  /** Referrals: the referred account gets `referred_by_account_id` when the event is stored. */
  referral: { referredAccountId: string; referrerAccountId: string; referredParticipant: string } | null;
}

export type BuildResult = { draft: BulkEventDraft; error?: undefined } | { draft?: undefined; error: CrmItemError };

/**
 * Checks an item against what its references resolved to — unknown values, the classification's
 * event types, the intended currency, self-referral — and turns it into the event's facts. Errors
 * come in the order of the item's fields. Whether a participant was already referred is decided
 * where it is recorded, under lock (AccountLookupService.claimReferrals), after resubmissions are
 * recognised.
 */
export function buildBulkEvent(type: BulkEventType, item: ParsedBulkItem, resolved: ResolvedRefs, intendedCurrency: string | null): BuildResult {
  try {
    return { draft: build(type, item, resolved, intendedCurrency) };
  } catch (error) {
    if (error instanceof CrmItemFailure) return { error: error.error };
    throw error;
  }
}

function build(type: BulkEventType, item: ParsedBulkItem, resolved: ResolvedRefs, intendedCurrency: string | null): BulkEventDraft {
  const account = oneAccount(item.accountRefs, resolved.accounts);
  const referrer = item.referrerRefs.length ? oneAccount(item.referrerRefs, resolved.referrers) : null;
  const entry = (slot: string): ResolvedEntry | undefined => resolved.entries.get(slot) ?? undefined;
  for (const ref of item.directoryRefs) if (!resolved.entries.get(ref.slot)) fail(crmErrors.notFound(ref.what, ref.value));

  const facts: EventFacts = { eventType: type.eventType, performedOn: item.performedOn.toISOString() };
  const classification = entry('classification');
  if (classification) {
    checkClassification(type, classification, item.directoryRefs.find((r) => r.slot === 'classification')?.value ?? classification.code);
    facts.classification = classification.code;
  }
  const unit = entry('unit');
  const businessUnit = entry('businessUnit') ?? entry('tap');
  if (unit) facts.unit = unit.code;
  if (businessUnit) facts.businessUnit = businessUnit.code;

  const unitCurrency = currencyOf(unit) ?? currencyOf(businessUnit);
  if (intendedCurrency !== null && unitCurrency !== intendedCurrency) fail(crmErrors.intendedCurrencyMismatch(intendedCurrency, unitCurrency));
  const currency = intendedCurrency ?? unitCurrency;
  if (currency) facts.currency = currency;

  if (item.amount) facts.amount = item.amount.toFixed();
  if (item.products.length) {
    facts.products = item.products.map((p) => ({ code: entryCode(resolved, p.slot), quantity: p.quantity.toFixed(), totalAmount: p.totalAmount.toFixed() }));
  } else if (entry('product')) {
    facts.products = [{ code: entryCode(resolved, 'product'), quantity: '1', totalAmount: item.amount?.toFixed() ?? '0' }];
  }
  if (item.kpis.length) facts.kpis = item.kpis.map((k) => ({ code: entryCode(resolved, k.slot), value: k.value.toFixed() }));
  if (item.socialMedia !== undefined) facts.socialMedia = item.socialMedia;
  if (item.action !== undefined) facts.action = item.action;
  if (item.website !== undefined) facts.website = item.website;

  let referral: BulkEventDraft['referral'] = null;
  if (referrer) {
    const participant = account.participantNumber ?? item.accountRefs[0].value;
    if (referrer.id === account.id) fail(crmErrors.selfReferral(participant));
    facts.referral = { referrerAccountId: referrer.id, referredAccountId: account.id };
    referral = { referredAccountId: account.id, referrerAccountId: referrer.id, referredParticipant: participant };
  }

  return {
    requestId: item.requestId,
    customerId: account.customerId,
    accountId: account.id,
    performedOn: item.performedOn,
    amount: item.amount ? item.amount.toFixed(4) : null,
    attributes: facts,
    payload: item.payload,
    udf: item.udf,
    externalKey: item.externalKey,
    referral,
  };
}

/** The account named by one or two references; two must name the same account. */
function oneAccount(refs: AccountRef[], accounts: Array<ResolvedAccount | null>): ResolvedAccount {
  refs.forEach((ref, i) => accounts[i] ?? fail(crmErrors.notFound(ref.what, ref.value)));
  const first = accounts[0] as ResolvedAccount;
  if (accounts.some((a) => a && a.id !== first.id)) {
    fail(crmErrors.invalidValue(refs[1].param, `The identifiers ${refs.map((r) => r.param).join(' and ')} name different accounts.`));
  }
  return first;
}

/**
 * A classification may list the event types it is for in `attributes.eventTypes`; financial
 * statements accept only classifications that list `financial_statement`.
 */
function checkClassification(type: BulkEventType, classification: ResolvedEntry, shownValue: string): void {
  const eventTypes = classification.attributes?.eventTypes;
  const listed = Array.isArray(eventTypes) ? eventTypes : null;
  const allowed = type.eventType === 'financial_statement' ? !!listed?.includes(type.eventType) : !listed || listed.includes(type.eventType);
  if (!allowed) fail(crmErrors.invalidClassification(shownValue, type.label));
}

/** A unit's currency is the `currency` attribute of its directory entry (a currency code). */
function currencyOf(entry: ResolvedEntry | undefined): string | null {
  const currency = entry?.attributes?.currency;
  return typeof currency === 'string' && currency !== '' ? currency : null;
}

function entryCode(resolved: ResolvedRefs, slot: string): string {
  return (resolved.entries.get(slot) as ResolvedEntry).code;
}
