import { TSchema, Type } from '@sinclair/typebox';
import { Nullable } from '../../../common/wire/openapi-types';
import { BULK_EVENT_TYPES, BulkEventPath, MAX_BULK_ITEMS, PROCESSED_FIELDS } from '../domain/bulk-event-types';
import { MAX_DESCRIPTION, UDF_DATES, UDF_FLOATS, UDF_STRINGS } from '../domain/crm-fields';
import { CrmOkStatus } from './crm-envelope-shapes';
import { accountsReceivable, amount, crmDateTime, identifier, rewardsParticipant, text } from './crm-field-shapes';

/** The bulk customer event requests and answer, field for field as seeds 002 and 004 list them. */
const DIRECTORY = ['id', 'code', 'name', 'alternative_code'] as const;
const optional = (fields: Record<string, TSchema>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)]));

function udfs(): Record<string, TSchema> {
  const fields: Record<string, TSchema> = {};
  for (let i = 1; i <= UDF_STRINGS; i++) fields[`udf_string_${i}`] = text('A user-defined text');
  for (let i = 1; i <= UDF_FLOATS; i++) fields[`udf_float_${i}`] = amount('A user-defined number');
  for (let i = 1; i <= UDF_DATES; i++) fields[`udf_date_${i}`] = crmDateTime('A user-defined date');
  return fields;
}

const COMMON: Record<string, TSchema> = {
  request_unique_identifier: text('Unique within the call; identifies the item in the answer (not stored)'),
  classification_identifier: identifier('The customer event classification', DIRECTORY),
  performed_by_unit_identifier: identifier('The unit that initiated the event (mandatory unless a business unit or tap is given)', DIRECTORY),
  performed_by_business_unit_identifier: identifier('The business unit that initiated the event', DIRECTORY),
  performed_by_tap_identifier: identifier('The transaction acquiring point (a business unit) that initiated the event', DIRECTORY),
  performed_on: crmDateTime('When the event was performed; UTC when it carries no offset'),
  description: text('A description of the event', MAX_DESCRIPTION),
  external_system: text('The third-party system that generated the event', 100),
  external_system_reference_number: text('Its reference in that system; with external_system, unique per client: a resubmitted item answers the original id and number', 150),
  ...udfs(),
};

const ACCOUNT: Record<string, TSchema> = { accounts_receivable_identifier: accountsReceivable(), rewards_participant_identifier: rewardsParticipant() };

const PRODUCT = Type.Object({
  product_identifier: identifier('The purchased product', ['id', 'code', 'alternative_code']),
  quantity: Type.Optional(amount('Defaults to 1; greater than zero')),
  net_amount: amount('Net amount'),
  vat_amount: amount('VAT amount'),
  total_amount: amount('Total amount; the purchase amount the rules see is the sum of these'),
});

const KPI = Type.Object({
  key_performance_indicator_identifier: identifier('The key performance indicator measured', ['id', 'name', 'alternative_code']),
  value: amount('The measured value (may be negative)'),
  product_identifier: Type.Optional(identifier('The product measured', ['id', 'code', 'alternative_code'])),
});

const PAYMENT_MEDIUM: Record<string, TSchema> = {
  payment_medium_brand_identifier: identifier('Payment medium brand', ['id', 'name', 'alternative_code']),
  payment_medium_type_identifier: identifier('Payment medium type', ['id', 'name', 'alternative_code']),
  payment_medium_identifier: text('The payment medium identifier (e.g. first card digits)'),
};

const ITEM_FIELDS: Record<BulkEventPath, { properties: Record<string, TSchema>; required: string[] }> = {
  achievements: { properties: { ...ACCOUNT, ...COMMON }, required: ['classification_identifier'] },
  purchases: {
    properties: {
      ...ACCOUNT, ...COMMON, reference_number: text('The purchase reference number'), ...PAYMENT_MEDIUM,
      invoice_identifier: identifier('The related invoice (kept with the event)', ['id', 'number', 'reference_number', 'back_office_code']),
      products_set: Type.Array(PRODUCT, { minItems: 1, maxItems: 1000 }),
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
    properties: { ...ACCOUNT, ...COMMON, social_media: text('e.g. FACEBOOK'), profile: text('The social media profile'), action: text('e.g. LIKE') },
    required: ['social_media', 'profile', 'action'],
  },
  web: { properties: { ...ACCOUNT, ...COMMON, website: text('The website URL') }, required: ['website'] },
  financial_achievements: {
    properties: {
      ...ACCOUNT, ...COMMON, product_identifier: identifier('The product', ['id', 'code', 'alternative_code']), ...PAYMENT_MEDIUM,
      amount: amount('The financial achievement amount'),
    },
    required: ['classification_identifier'],
  },
  financial_statements: {
    properties: { ...ACCOUNT, ...COMMON, measured_key_performance_indicators_set: Type.Array(KPI, { maxItems: 1000 }) },
    required: ['classification_identifier'],
  },
};

/** One item of a bulk call: each item is checked alone, and a bad one is answered in unprocessed_customer_events_set. */
export function bulkItemSchema(path: BulkEventPath) {
  const item = ITEM_FIELDS[path];
  const required = new Set(['request_unique_identifier', 'performed_on', ...item.required]);
  return Type.Object(
    Object.fromEntries(Object.entries(item.properties).map(([k, v]) => [k, required.has(k) ? v : Type.Optional(v)])),
    { description: `One ${BULK_EVENT_TYPES[path].label} customer event` },
  );
}

export function bulkRequestSchema(path: BulkEventPath) {
  const type = BULK_EVENT_TYPES[path];
  return Type.Object({
    token: Type.Optional(Type.String({ description: 'The token of POST /crm/login (or send it as Authorization: Bearer, or header api_key)' })),
    [type.setName]: Type.Array(bulkItemSchema(path), { maxItems: MAX_BULK_ITEMS, description: `At most ${MAX_BULK_ITEMS} (MaximumItemsExceededException)` }),
    ...optional({
      fields_set: Type.Union([Type.String(), Type.Array(Type.String())], {
        description: `Comma separated fields of each processed event to answer (${PROCESSED_FIELDS.join(', ')}; a JSON list works too); request_unique_identifier is always answered`,
      }),
      ...(path === 'purchases'
        ? { intended_currency_identifier: identifier('Checked against the currency of each event\'s performed-by unit (its directory attribute currency)', ['id', 'code']) }
        : {}),
    }),
  });
}

export const CrmBulkAnswer = Type.Object({
  data: Type.Object({
    processed_customer_events_set: Type.Array(Type.Object({
      request_unique_identifier: Type.String(),
      id: Type.Optional(Type.String({ description: 'The event id (32 hex); unless fields_set leaves it out' })),
      number: Type.Optional(Type.String({ description: 'The event number; unless fields_set leaves it out' })),
    }, { additionalProperties: false }), { description: 'The stored events, in request order' }),
    unprocessed_customer_events_set: Type.Array(Type.Object({
      request_unique_identifier: Nullable(Type.String({ description: 'null when the item had none' })),
      error_code: Type.String({ example: 'NotFoundAPIValueException' }),
      error_description: Type.String(),
    }, { additionalProperties: false }), { description: 'The items not stored, each with its error' }),
  }, { additionalProperties: false }),
  status: CrmOkStatus,
}, { additionalProperties: false });
