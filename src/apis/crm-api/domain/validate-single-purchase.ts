import Decimal from 'decimal.js';
import { crmErrors } from '../crm-api.errors';
import { fail, isGiven, isObject, JsonObject, productsTotal, readAmount, readString, requireAmount, requireString } from './crm-fields';
import { AccountRef, DirectoryRef, readDirectoryRef } from './crm-identifiers';

/**
 * The single posted purchase of seed 003: pure validation of its body. Throws CrmItemFailure, which
 * fails the request.
 */
export interface SinglePurchaseProduct {
  ref: DirectoryRef;
  quantity: Decimal;
  totalAmount: Decimal;
}

export type SpendRequest = { kind: 'amount'; amount: Decimal } | { kind: 'points'; points: Decimal };

export interface ParsedSinglePurchase {
  /** The caller's own event id (a GUID), as the register writes ids: 32 upper-case hex. */
  eventId: string | null;
  customer: AccountRef;
  referenceNumber: string;
  classification: DirectoryRef | null;
  currency: DirectoryRef | null;
  merchant: DirectoryRef | null;
  outlet: DirectoryRef | null;
  performedOn: Date;
  products: SinglePurchaseProduct[];
  /** Sum of the products' total amounts; null without products. */
  amount: Decimal | null;
  spend: SpendRequest | null;
  payload: JsonObject;
}

const GUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const MAX_PRODUCTS = 1000;
const TAP_FIELDS = ['id', 'code'] as const;

export function validateSinglePurchase(body: unknown, now: Date): ParsedSinglePurchase {
  if (!isObject(body)) fail(crmErrors.invalidValue('body', 'The request body must be a JSON object.'));
  const eventId = readString(body.id, 'id');
  if (eventId !== undefined && !GUID.test(eventId)) fail(crmErrors.invalidValue('id', 'The value must be a GUID.'));

  const contactId = readString(body.contact_id, 'contact_id');
  const cim = readString(body.cim, 'cim');
  if (contactId !== undefined && cim !== undefined) fail(crmErrors.moreThanOneIdentifier('contact_id, cim', ['contact_id', 'cim']));
  if (contactId === undefined && cim === undefined) fail(crmErrors.mandatoryMissing('contact_id', 'Either contact_id or cim must be specified.'));
  const customer: AccountRef = contactId !== undefined
    ? { param: 'contact_id', what: 'Contact', value: contactId, key: { by: 'contactId', value: contactId } }
    : { param: 'cim', what: 'Access Token', value: cim as string, key: { by: 'authenticationCode', value: cim as string } };

  const referenceNumber = requireString(body.reference_number, 'reference_number');
  const classification = readDirectoryRef(body.classification, 'classification', 'classification', 'classification', 'Classification', TAP_FIELDS) ?? null;
  const currencyCode = readString(body.currency_code, 'currency_code');
  const currency: DirectoryRef | null = currencyCode === undefined
    ? null
    : { slot: 'currency', kind: 'currency', what: 'Currency', field: 'code', value: currencyCode };
  readString(body.payment_medium_identifier, 'payment_medium_identifier');
  const performedOn = readEpochSeconds(body.performed_on) ?? now;

  const merchant = readDirectoryRef(body.merchant_tap, 'merchant_tap', 'merchant', 'businessUnit', 'Merchant', TAP_FIELDS) ?? null;
  const outlet = readDirectoryRef(body.outlet_tap, 'outlet_tap', 'outlet', 'businessUnit', 'Outlet', TAP_FIELDS) ?? null;
  if (!merchant && !outlet) fail(crmErrors.mandatoryMissing('merchant_tap', 'At least merchant_tap or outlet_tap must be specified.'));

  const products = readProducts(body.products);
  const amount = products.length ? productsTotal(products.map((p) => p.totalAmount), 'products') : null;
  return {
    eventId: eventId === undefined ? null : eventId.replace(/-/g, '').toUpperCase(),
    customer, referenceNumber, classification, currency, merchant, outlet, performedOn, products, amount,
    spend: readSpendRequest(body.spend_request),
    payload: body,
  };
}

/** `performed_on`: epoch seconds. */
function readEpochSeconds(value: unknown): Date | undefined {
  if (!isGiven(value)) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 253402300799) {
    fail(crmErrors.invalidValue('performed_on', 'The value must be a date in epoch seconds, such as 1572423477.'));
  }
  return new Date(value * 1000);
}

function readProducts(value: unknown): SinglePurchaseProduct[] {
  if (!isGiven(value)) return [];
  if (!Array.isArray(value)) fail(crmErrors.invalidValue('products', 'The value must be a list of products.'));
  if (value.length > MAX_PRODUCTS) fail(crmErrors.invalidValue('products', `At most ${MAX_PRODUCTS} products can be specified.`));
  return value.map((product: unknown, i: number) => {
    const param = `products[${i}]`;
    if (!isObject(product)) fail(crmErrors.invalidValue(param, 'Each product must be an object.'));
    const sku = requireString(product.product_sku, `${param}.product_sku`);
    const quantity = readAmount(product.quantity, `${param}.quantity`) ?? new Decimal(1);
    if (quantity.isZero()) fail(crmErrors.invalidValue(`${param}.quantity`, 'The quantity must be greater than zero.'));
    requireAmount(product.net_amount, `${param}.net_amount`);
    requireAmount(product.tax_amount, `${param}.tax_amount`);
    const totalAmount = requireAmount(product.total_amount, `${param}.total_amount`);
    return { ref: { slot: `product:${i}`, kind: 'product', what: 'Product', field: 'code', value: sku }, quantity, totalAmount };
  });
}

/** Exactly one of `amount` (currency) and `alternative_amount` (points). */
function readSpendRequest(value: unknown): SpendRequest | null {
  if (!isGiven(value)) return null;
  if (!isObject(value)) fail(crmErrors.invalidValue('spend_request', 'The value must be an object.'));
  const given = isGiven(value.amount), alternative = isGiven(value.alternative_amount);
  if (given && alternative) fail(crmErrors.moreThanOneIdentifier('spend_request', ['amount', 'alternative_amount']));
  if (!given && !alternative) fail(crmErrors.mandatoryMissing('spend_request.amount', 'Either amount or alternative_amount must be specified.'));
  if (given) {
    const amount = requireAmount(value.amount, 'spend_request.amount');
    if (amount.isZero()) fail(crmErrors.invalidValue('spend_request.amount', 'The amount must be greater than zero.'));
    return { kind: 'amount', amount };
  }
  const points = requireAmount(value.alternative_amount, 'spend_request.alternative_amount', { maxDecimals: 2 });
  if (points.isZero()) fail(crmErrors.invalidValue('spend_request.alternative_amount', 'The amount must be greater than zero.'));
  return { kind: 'points', points };
}

/**
 * The points a spend request takes: `alternative_amount` as given, or `amount` in currency at
 * POINT_VALUE currency per point, to 2 decimals rounded half up.
 */
export function spendPoints(spend: SpendRequest, pointValue: string): Decimal {
  if (spend.kind === 'points') return spend.points;
  return spend.amount.div(pointValue).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
