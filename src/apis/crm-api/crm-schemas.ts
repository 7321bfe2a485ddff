import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BULK_EVENT_TYPES, BulkEventPath, MAX_BULK_ITEMS } from './domain/bulk-event-types';
import { UDF_DATES, UDF_FLOATS, UDF_STRINGS } from './domain/crm-fields';

/** OpenAPI schemas of the CRM API bodies, field for field as seeds 002, 003 and 004 list them. */
const string = (description: string): SchemaObject => ({ type: 'string', description });
const number = (description: string): SchemaObject => ({ type: 'number', description });

function identifier(description: string, fields: string[]): SchemaObject {
  return {
    type: 'object',
    description: `${description}. Exactly one of: ${fields.join(', ')} (more than one field: MoreThanOneIdentifierException).`,
    properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])),
  };
}

const accessToken: SchemaObject = {
  type: 'object',
  description: 'An effective access token: authentication_code, or identifier with its pass_code.',
  properties: { authentication_code: { type: 'string' }, identifier: { type: 'string' }, pass_code: { type: 'string' } },
};

function accountIdentifier(description: string, fields: string[]): SchemaObject {
  const schema = identifier(description, [...fields, 'access_token_identifier']);
  return { ...schema, properties: { ...schema.properties, access_token_identifier: accessToken } };
}

const accountsReceivable = (description = 'The related accounts receivable') => accountIdentifier(description, ['id', 'number', 'name']);
const rewardsParticipant = (description = 'The related rewards participant') => accountIdentifier(description, ['id', 'number']);

function udfs(): Record<string, SchemaObject> {
  const fields: Record<string, SchemaObject> = {};
  for (let i = 1; i <= UDF_STRINGS; i++) fields[`udf_string_${i}`] = { type: 'string' };
  for (let i = 1; i <= UDF_FLOATS; i++) fields[`udf_float_${i}`] = { type: 'number' };
  for (let i = 1; i <= UDF_DATES; i++) fields[`udf_date_${i}`] = { type: 'string', format: 'date-time' };
  return fields;
}

const COMMON: Record<string, SchemaObject> = {
  request_unique_identifier: string('Unique within the call; identifies the item in the answer (not stored)'),
  classification_identifier: identifier('The customer event classification', ['id', 'code', 'name', 'alternative_code']),
  performed_by_unit_identifier: identifier('The unit that initiated the event (mandatory unless a business unit or tap is given)', ['id', 'code', 'name', 'alternative_code']),
  performed_by_business_unit_identifier: identifier('The business unit that initiated the event', ['id', 'code', 'name', 'alternative_code']),
  performed_by_tap_identifier: identifier('The transaction acquiring point (a business unit) that initiated the event', ['id', 'code', 'name', 'alternative_code']),
  performed_on: { type: 'string', format: 'date-time', description: 'When the event was performed; UTC when it carries no offset', example: '2016-06-22T15:00:00' },
  description: string('A description of the event'),
  external_system: string('The third-party system that generated the event'),
  external_system_reference_number: string('Its reference in that system; with external_system, unique per client: a resubmitted item answers the original id and number'),
  ...udfs(),
};

const ACCOUNT: Record<string, SchemaObject> = {
  accounts_receivable_identifier: accountsReceivable(),
  rewards_participant_identifier: rewardsParticipant(),
};

const PRODUCT: SchemaObject = {
  type: 'object',
  required: ['product_identifier', 'net_amount', 'vat_amount', 'total_amount'],
  properties: {
    product_identifier: identifier('The purchased product', ['id', 'code', 'alternative_code']),
    quantity: number('Defaults to 1'),
    net_amount: number('Net amount'),
    vat_amount: number('VAT amount'),
    total_amount: number('Total amount; the purchase amount the rules see is the sum of these'),
  },
};

const KPI: SchemaObject = {
  type: 'object',
  required: ['key_performance_indicator_identifier', 'value'],
  properties: {
    key_performance_indicator_identifier: identifier('The key performance indicator measured', ['id', 'name', 'alternative_code']),
    value: number('The measured value'),
    product_identifier: identifier('The product measured', ['id', 'code', 'alternative_code']),
  },
};

const PAYMENT_MEDIUM: Record<string, SchemaObject> = {
  payment_medium_brand_identifier: identifier('Payment medium brand', ['id', 'name', 'alternative_code']),
  payment_medium_type_identifier: identifier('Payment medium type', ['id', 'name', 'alternative_code']),
  payment_medium_identifier: string('The payment medium identifier (e.g. first card digits)'),
};

const ITEM_FIELDS: Record<BulkEventPath, { properties: Record<string, SchemaObject>; required: string[] }> = {
  achievements: { properties: { ...ACCOUNT, ...COMMON }, required: ['classification_identifier'] },
  purchases: {
    properties: {
      ...ACCOUNT, ...COMMON, reference_number: string('The purchase reference number'), ...PAYMENT_MEDIUM,
      invoice_identifier: identifier('The related invoice (kept with the event)', ['id', 'number', 'reference_number', 'back_office_code']),
      products_set: { type: 'array', items: PRODUCT },
    },
    required: ['reference_number', 'products_set'],
  },
  referrals: {
    properties: {
      ...COMMON,
      referred_accounts_receivable_identifier: accountsReceivable('The referred accounts receivable'),
      referred_by_accounts_receivable_identifier: accountsReceivable('The accounts receivable that referred'),
      referred_rewards_participant_identifier: rewardsParticipant('The referred participant (referred once only)'),
      referred_by_rewards_participant_identifier: rewardsParticipant('The participant that referred'),
    },
    required: [],
  },
  social_media: {
    properties: { ...ACCOUNT, ...COMMON, social_media: string('e.g. FACEBOOK'), profile: string('The social media profile'), action: string('e.g. LIKE') },
    required: ['social_media', 'profile', 'action'],
  },
  web: { properties: { ...ACCOUNT, ...COMMON, website: string('The website URL') }, required: ['website'] },
  financial_achievements: {
    properties: {
      ...ACCOUNT, ...COMMON, product_identifier: identifier('The product', ['id', 'code', 'alternative_code']), ...PAYMENT_MEDIUM,
      amount: number('The financial achievement amount'),
    },
    required: ['classification_identifier'],
  },
  financial_statements: {
    properties: { ...ACCOUNT, ...COMMON, measured_key_performance_indicators_set: { type: 'array', items: KPI } },
    required: ['classification_identifier'],
  },
};

export function bulkRequestSchema(path: BulkEventPath): SchemaObject {
  const type = BULK_EVENT_TYPES[path];
  const item = ITEM_FIELDS[path];
  const properties: Record<string, SchemaObject> = {
    token: string('The token of POST /crm/login (or send it as Authorization: Bearer, or header api_key)'),
    [type.setName]: {
      type: 'array', maxItems: MAX_BULK_ITEMS, items: { type: 'object', required: ['request_unique_identifier', 'performed_on', ...item.required], properties: item.properties },
    },
    fields_set: string('Comma separated fields of each processed event to answer (id, number); request_unique_identifier is always answered'),
  };
  if (path === 'purchases') {
    properties.intended_currency_identifier = identifier('Checked against the currency of each event\'s performed-by unit (its directory attribute currency)', ['id', 'code']);
  }
  return { type: 'object', required: [type.setName], properties };
}

export const BULK_RESPONSE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: {
        processed_customer_events_set: {
          type: 'array',
          items: { type: 'object', properties: { request_unique_identifier: { type: 'string' }, id: { type: 'string' }, number: { type: 'string' } } },
        },
        unprocessed_customer_events_set: {
          type: 'array',
          items: { type: 'object', properties: { request_unique_identifier: { type: 'string' }, error_code: { type: 'string' }, error_description: { type: 'string' } } },
        },
      },
    },
    status: { type: 'object', properties: { code: { type: 'string', example: 'OK' }, description: { type: 'string' }, message: { type: 'string' } } },
  },
};

export const SINGLE_PURCHASE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['reference_number'],
  properties: {
    id: string('The event id (a GUID); generated when absent'),
    contact_id: string('The contact (customer) id; exactly one of contact_id and cim'),
    cim: string('Customer identification medium: an access token authentication code'),
    reference_number: string('Unique per client: a retry answers the first event\'s id and changes nothing'),
    classification: identifier('The customer event classification', ['id', 'code']),
    currency_code: string('The currency code'),
    payment_medium_identifier: string('e.g. first credit card digits'),
    performed_on: { type: 'integer', description: 'Epoch seconds; now when absent' },
    merchant_tap: identifier('The merchant (business unit); at least merchant_tap or outlet_tap', ['id', 'code']),
    outlet_tap: identifier('The outlet (business unit whose parent is the merchant)', ['id', 'code']),
    products: {
      type: 'array',
      items: {
        type: 'object',
        required: ['product_sku', 'net_amount', 'tax_amount', 'total_amount'],
        properties: {
          product_sku: string('The product code'), quantity: number('Defaults to 1'), net_amount: number('Net amount'),
          tax_amount: number('Tax amount'), total_amount: number('Total amount'),
        },
      },
    },
    spend_request: {
      type: 'object',
      description: 'Spent with the event, atomically: exactly one of amount (currency, converted at POINT_VALUE) and alternative_amount (points)',
      properties: { amount: number('Currency amount'), alternative_amount: number('Points') },
    },
  },
};
