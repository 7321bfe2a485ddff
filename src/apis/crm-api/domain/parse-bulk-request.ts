import { crmErrors } from '../crm-api.errors';
import { BulkEventType, MAX_BULK_ITEMS } from './bulk-event-types';
import { fail, isGiven, isObject } from './crm-fields';
import { DirectoryRef, readDirectoryRef } from './crm-identifiers';
import { parseFieldsSet, ProcessedField } from './fields-set';

export interface BulkRequest {
  items: unknown[];
  fields: ReadonlySet<ProcessedField>;
  /** Purchases: the currency every item's performed-by unit must have. */
  intendedCurrency: DirectoryRef | null;
}

/** The request-level part of a bulk call; throws CrmItemFailure, which fails the whole request. */
export function parseBulkRequest(type: BulkEventType, body: unknown): BulkRequest {
  if (!isObject(body)) fail(crmErrors.invalidValue('body', 'The request body must be a JSON object.'));
  const items = body[type.setName];
  if (!isGiven(items)) fail(crmErrors.mandatoryMissing(type.setName));
  if (!Array.isArray(items)) fail(crmErrors.invalidValue(type.setName, 'The value must be a list of customer events.'));
  if (items.length > MAX_BULK_ITEMS) fail(crmErrors.maximumItemsExceeded(type.setName, items.length, MAX_BULK_ITEMS));
  const intendedCurrency = type.eventType === 'purchase'
    ? readDirectoryRef(body.intended_currency_identifier, 'intended_currency_identifier', 'intendedCurrency', 'currency', 'Currency', ['id', 'code']) ?? null
    : null;
  return { items, fields: parseFieldsSet(body.fields_set), intendedCurrency };
}
