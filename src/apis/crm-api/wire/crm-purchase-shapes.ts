import { Type } from '@sinclair/typebox';
import { amount, identifier, text } from './crm-field-shapes';

/** The single posted purchase of seed 003: request and answer. */
const PRODUCT = Type.Object({
  product_sku: text('The product code'),
  quantity: Type.Optional(amount('Defaults to 1; greater than zero')),
  net_amount: amount('Net amount'),
  tax_amount: amount('Tax amount'),
  total_amount: amount('Total amount'),
});

export const CrmPurchaseRequest = Type.Object({
  id: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$', description: 'The event id (a GUID); generated when absent' })),
  contact_id: Type.Optional(text('The contact (customer) id; exactly one of contact_id and cim')),
  cim: Type.Optional(text('Customer identification medium: an access token authentication code')),
  reference_number: text('Unique per client: a retry answers the first event\'s id and changes nothing'),
  classification: Type.Optional(identifier('The customer event classification', ['id', 'code'])),
  currency_code: Type.Optional(text('The currency code')),
  payment_medium_identifier: Type.Optional(text('e.g. first credit card digits')),
  performed_on: Type.Optional(Type.Integer({ minimum: 0, maximum: 253402300799, description: 'Epoch seconds; now when absent', example: 1572423477 })),
  merchant_tap: Type.Optional(identifier('The merchant (business unit); at least merchant_tap or outlet_tap', ['id', 'code'])),
  outlet_tap: Type.Optional(identifier('The outlet (business unit whose parent is the merchant)', ['id', 'code'])),
  products: Type.Optional(Type.Array(PRODUCT, { maxItems: 1000 })),
  spend_request: Type.Optional(Type.Object(
    { amount: Type.Optional(amount('Currency amount, greater than zero')), alternative_amount: Type.Optional(amount('Points, greater than zero, at most 2 decimals')) },
    { description: 'Spent with the event, atomically: exactly one of amount (currency, converted at POINT_VALUE) and alternative_amount (points)', minProperties: 1 },
  )),
});

export const CrmPurchaseAnswer = Type.Object(
  { id: Type.String({ description: 'The purchase event id', example: 'PCE12345678909876544GUID' }) },
  { additionalProperties: false },
);
