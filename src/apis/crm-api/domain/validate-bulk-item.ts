import Decimal from 'decimal.js';
import { crmErrors, CrmItemError, CrmItemFailure } from '../crm-api.errors';
import { BulkEventType } from './bulk-event-types';
import {
  fail, isGiven, isObject, JsonObject, MAX_DESCRIPTION, productsTotal, readAmount, readDateTime, readString, readUdfs, requireAmount, requireString, UDF_NAMES,
} from './crm-fields';
import { AccountRef, DirectoryRef, readAccountRef, readDirectoryRef } from './crm-identifiers';

/**
 * The pure, per-item validation of the bulk endpoints: shapes, mandatory fields, identifier objects,
 * numbers and dates. References are only collected here; resolving them is set-based (the service)
 * and their checks come after (build-bulk-event.ts). Hand-written rather than class-validator: it
 * runs over up to 1000 nested items per call on the ingest path.
 */
export interface ParsedProduct {
  slot: string;
  quantity: Decimal;
  totalAmount: Decimal;
}

export interface ParsedKpi {
  slot: string;
  productSlot: string | null;
  value: Decimal;
}

export interface ParsedBulkItem {
  requestId: string;
  /** The event's account (referrals: the referred participant): one or two references that must agree. */
  accountRefs: AccountRef[];
  /** Referrals: the referring participant. */
  referrerRefs: AccountRef[];
  /** In the order their errors are reported. */
  directoryRefs: DirectoryRef[];
  performedOn: Date;
  /** externalSystemKey of `external_system` and `external_system_reference_number` when both are given. */
  externalKey: string | null;
  amount: Decimal | null;
  products: ParsedProduct[];
  kpis: ParsedKpi[];
  socialMedia?: string;
  action?: string;
  website?: string;
  udf: JsonObject | null;
  /** The item's own fields as received (pass codes removed, user-defined fields apart). */
  payload: JsonObject;
}

export interface ValidatedItem {
  requestId: string | null;
  item?: ParsedBulkItem;
  error?: CrmItemError;
}

const MAX_PRODUCTS = 1000;
const MAX_KPIS = 1000;
const MAX_EXTERNAL_SYSTEM = 100;
const MAX_EXTERNAL_REFERENCE = 150;
const INVOICE_FIELDS = ['id', 'number', 'reference_number', 'back_office_code'] as const;

/**
 * The idempotency key of an external system's reference: `ext:<characters in system>:<system>/<reference>`.
 * The length makes it unambiguous although either part may contain `/`.
 */
export function externalSystemKey(system: string, reference: string): string {
  return `ext:${[...system].length}:${system}/${reference}`;
}

/** Validates every item of a call; a repeated request_unique_identifier fails the later items. */
export function validateBulkItems(type: BulkEventType, items: readonly unknown[]): ValidatedItem[] {
  const seen = new Set<string>();
  return items.map((raw) => {
    const requestId = requestIdOf(raw);
    if (requestId === null) {
      return { requestId: null, error: isObject(raw) ? crmErrors.mandatoryMissing('request_unique_identifier') : crmErrors.invalidValue(type.setName, 'Each customer event must be an object.') };
    }
    if (seen.has(requestId)) return { requestId, error: crmErrors.duplicateRequestIdentifier(requestId) };
    seen.add(requestId);
    try {
      return { requestId, item: validateBulkItem(type, raw as JsonObject, requestId) };
    } catch (error) {
      if (error instanceof CrmItemFailure) return { requestId, error: error.error };
      throw error;
    }
  });
}

function requestIdOf(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  const value = raw.request_unique_identifier;
  if (typeof value === 'string' && value !== '' && value.length <= 255) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** One item, `requestId` already read; throws CrmItemFailure at the item's first error. */
export function validateBulkItem(type: BulkEventType, raw: JsonObject, requestId: string): ParsedBulkItem {
  const refs: DirectoryRef[] = [];
  const push = (ref: DirectoryRef | undefined) => ref && refs.push(ref);
  const item: ParsedBulkItem = {
    requestId, accountRefs: [], referrerRefs: [], directoryRefs: refs, performedOn: new Date(0), externalKey: null, amount: null,
    products: [], kpis: [], udf: null, payload: {},
  };

  if (type.eventType !== 'referral') {
    item.accountRefs = presentRefs(
      readAccountRef(raw.accounts_receivable_identifier, 'accounts_receivable_identifier', 'accountsReceivable'),
      readAccountRef(raw.rewards_participant_identifier, 'rewards_participant_identifier', 'rewardsParticipant'),
    );
    if (item.accountRefs.length === 0) fail(crmErrors.mandatoryMissing('accounts_receivable_identifier', 'Either accounts_receivable_identifier or rewards_participant_identifier must be specified.'));
  }

  const classification = readDirectoryRef(raw.classification_identifier, 'classification_identifier', 'classification', 'classification', 'Classification');
  if (!classification && type.classificationRequired) fail(crmErrors.mandatoryMissing('classification_identifier'));
  push(classification);

  const unit = readDirectoryRef(raw.performed_by_unit_identifier, 'performed_by_unit_identifier', 'unit', 'unit', 'Unit');
  const businessUnit = readDirectoryRef(raw.performed_by_business_unit_identifier, 'performed_by_business_unit_identifier', 'businessUnit', 'businessUnit', 'Business Unit');
  const tap = readDirectoryRef(raw.performed_by_tap_identifier, 'performed_by_tap_identifier', 'tap', 'businessUnit', 'Transaction Acquiring Point');
  if (!unit && !businessUnit && !tap) fail(crmErrors.mandatoryMissing('performed_by_unit_identifier'));
  push(unit);
  push(businessUnit);
  push(tap);

  item.performedOn = readDateTime(raw.performed_on, 'performed_on') ?? fail(crmErrors.mandatoryMissing('performed_on'));
  readString(raw.description, 'description', MAX_DESCRIPTION);

  switch (type.eventType) {
    case 'purchase':
      readPurchase(raw, item, push);
      break;
    case 'referral':
      readReferral(raw, item);
      break;
    case 'social_media':
      item.socialMedia = requireString(raw.social_media, 'social_media');
      requireString(raw.profile, 'profile');
      item.action = requireString(raw.action, 'action');
      break;
    case 'web':
      item.website = requireString(raw.website, 'website');
      break;
    case 'financial_achievement':
      readFinancialAchievement(raw, item, push);
      break;
    case 'financial_statement':
      readKpis(raw, item, push);
      break;
    default:
      break;
  }

  const externalSystem = readString(raw.external_system, 'external_system', MAX_EXTERNAL_SYSTEM);
  const externalReference = readString(raw.external_system_reference_number, 'external_system_reference_number', MAX_EXTERNAL_REFERENCE);
  item.externalKey = externalSystem !== undefined && externalReference !== undefined ? externalSystemKey(externalSystem, externalReference) : null;
  item.udf = readUdfs(raw);
  item.payload = payloadOf(raw);
  return item;
}

function presentRefs(...refs: Array<AccountRef | undefined>): AccountRef[] {
  return refs.filter((r): r is AccountRef => r !== undefined);
}

function readPurchase(raw: JsonObject, item: ParsedBulkItem, push: (ref: DirectoryRef | undefined) => unknown): void {
  requireString(raw.reference_number, 'reference_number');
  push(readDirectoryRef(raw.payment_medium_brand_identifier, 'payment_medium_brand_identifier', 'paymentMediumBrand', 'paymentMediumBrand', 'Payment Medium Brand'));
  push(readDirectoryRef(raw.payment_medium_type_identifier, 'payment_medium_type_identifier', 'paymentMediumType', 'paymentMediumType', 'Payment Medium Type'));
  readString(raw.payment_medium_identifier, 'payment_medium_identifier');
  if (isGiven(raw.invoice_identifier)) {
    // Invoices live in the caller's CRM, not here: the identifier is checked for shape and kept with the event.
    const invoice = raw.invoice_identifier;
    if (!isObject(invoice)) fail(crmErrors.invalidValue('invoice_identifier', 'The identifier must be an object.'));
    const given = INVOICE_FIELDS.filter((f) => isGiven(invoice[f]));
    if (given.length > 1) fail(crmErrors.moreThanOneIdentifier('invoice_identifier', INVOICE_FIELDS));
    if (given.length === 0) fail(crmErrors.mandatoryMissing('invoice_identifier', `One of ${INVOICE_FIELDS.join(', ')} must be specified.`));
    readString(invoice[given[0]], `invoice_identifier.${given[0]}`);
  }
  const products = raw.products_set;
  if (!isGiven(products)) fail(crmErrors.mandatoryMissing('products_set'));
  if (!Array.isArray(products) || products.length === 0) fail(crmErrors.invalidValue('products_set', 'The value must be a non-empty list of products.'));
  if (products.length > MAX_PRODUCTS) fail(crmErrors.invalidValue('products_set', `At most ${MAX_PRODUCTS} products can be specified.`));
  products.forEach((product: unknown, i: number) => {
    const param = `products_set[${i}]`;
    if (!isObject(product)) fail(crmErrors.invalidValue(param, 'Each product must be an object.'));
    const slot = `product:${i}`;
    const ref = readDirectoryRef(product.product_identifier, `${param}.product_identifier`, slot, 'product', 'Product');
    if (!ref) fail(crmErrors.mandatoryMissing(`${param}.product_identifier`));
    push(ref);
    const quantity = readAmount(product.quantity, `${param}.quantity`) ?? new Decimal(1);
    if (quantity.isZero()) fail(crmErrors.invalidValue(`${param}.quantity`, 'The quantity must be greater than zero.'));
    requireAmount(product.net_amount, `${param}.net_amount`);
    requireAmount(product.vat_amount, `${param}.vat_amount`);
    const totalAmount = requireAmount(product.total_amount, `${param}.total_amount`);
    item.products.push({ slot, quantity, totalAmount });
  });
  item.amount = productsTotal(item.products.map((p) => p.totalAmount), 'products_set');
}

function readReferral(raw: JsonObject, item: ParsedBulkItem): void {
  const referredAccount = readAccountRef(raw.referred_accounts_receivable_identifier, 'referred_accounts_receivable_identifier', 'accountsReceivable');
  const referrerAccount = readAccountRef(raw.referred_by_accounts_receivable_identifier, 'referred_by_accounts_receivable_identifier', 'accountsReceivable');
  const referred = readAccountRef(raw.referred_rewards_participant_identifier, 'referred_rewards_participant_identifier', 'rewardsParticipant');
  const referrer = readAccountRef(raw.referred_by_rewards_participant_identifier, 'referred_by_rewards_participant_identifier', 'rewardsParticipant');
  item.accountRefs = presentRefs(referred, referredAccount);
  item.referrerRefs = presentRefs(referrer, referrerAccount);
  if (item.accountRefs.length === 0) fail(crmErrors.mandatoryMissing('referred_rewards_participant_identifier'));
  if (item.referrerRefs.length === 0) fail(crmErrors.mandatoryMissing('referred_by_rewards_participant_identifier'));
}

function readFinancialAchievement(raw: JsonObject, item: ParsedBulkItem, push: (ref: DirectoryRef | undefined) => unknown): void {
  push(readDirectoryRef(raw.product_identifier, 'product_identifier', 'product', 'product', 'Product'));
  push(readDirectoryRef(raw.payment_medium_type_identifier, 'payment_medium_type_identifier', 'paymentMediumType', 'paymentMediumType', 'Payment Medium Type'));
  push(readDirectoryRef(raw.payment_medium_brand_identifier, 'payment_medium_brand_identifier', 'paymentMediumBrand', 'paymentMediumBrand', 'Payment Medium Brand'));
  readString(raw.payment_medium_identifier, 'payment_medium_identifier');
  item.amount = readAmount(raw.amount, 'amount') ?? null;
}

function readKpis(raw: JsonObject, item: ParsedBulkItem, push: (ref: DirectoryRef | undefined) => unknown): void {
  const kpis = raw.measured_key_performance_indicators_set;
  if (!isGiven(kpis)) return;
  if (!Array.isArray(kpis)) fail(crmErrors.invalidValue('measured_key_performance_indicators_set', 'The value must be a list.'));
  if (kpis.length > MAX_KPIS) fail(crmErrors.invalidValue('measured_key_performance_indicators_set', `At most ${MAX_KPIS} key performance indicators can be specified.`));
  kpis.forEach((kpi: unknown, i: number) => {
    const param = `measured_key_performance_indicators_set[${i}]`;
    if (!isObject(kpi)) fail(crmErrors.invalidValue(param, 'Each measured key performance indicator must be an object.'));
    const slot = `kpi:${i}`;
    const ref = readDirectoryRef(kpi.key_performance_indicator_identifier, `${param}.key_performance_indicator_identifier`, slot, 'kpi', 'Key Performance Indicator');
    if (!ref) fail(crmErrors.mandatoryMissing(`${param}.key_performance_indicator_identifier`));
    push(ref);
    const value = requireAmount(kpi.value, `${param}.value`, { allowNegative: true });
    const product = readDirectoryRef(kpi.product_identifier, `${param}.product_identifier`, `kpiProduct:${i}`, 'product', 'Product');
    push(product);
    item.kpis.push({ slot, productSlot: product ? product.slot : null, value });
  });
}


/** The item as received, without user-defined fields (kept apart) and without pass codes (secrets are never stored in clear). */
function payloadOf(raw: JsonObject): JsonObject {
  const payload: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || UDF_NAMES.has(key)) continue;
    payload[key] = isObject(value) && isObject(value.access_token_identifier) && 'pass_code' in value.access_token_identifier
      ? { ...value, access_token_identifier: withoutPassCode(value.access_token_identifier) }
      : value;
  }
  return payload;
}

function withoutPassCode(token: JsonObject): JsonObject {
  const { pass_code: _passCode, ...rest } = token;
  return rest;
}
