import { crmErrors, CrmItemFailure } from '../crm-api.errors';
import { PROCESSED_FIELDS } from './bulk-event-types';

export type ProcessedField = (typeof PROCESSED_FIELDS)[number];

/**
 * `fields_set`: the fields of each processed customer event to answer, comma separated (a JSON list
 * of names is accepted too). Absent means all. Names it does not know are ignored;
 * `request_unique_identifier` is always answered so that results can be matched to requests.
 */
export function parseFieldsSet(value: unknown): ReadonlySet<ProcessedField> {
  if (value === undefined || value === null || value === '') return new Set(PROCESSED_FIELDS);
  let names: unknown[];
  if (typeof value === 'string') names = value.split(',');
  else if (Array.isArray(value)) names = value;
  else throw new CrmItemFailure(crmErrors.invalidValue('fields_set', 'The value must be a comma separated list of field names.'));
  const wanted = new Set<ProcessedField>();
  for (const name of names) {
    if (typeof name !== 'string') throw new CrmItemFailure(crmErrors.invalidValue('fields_set', 'The value must be a comma separated list of field names.'));
    const field = name.trim() as ProcessedField;
    if ((PROCESSED_FIELDS as readonly string[]).includes(field)) wanted.add(field);
  }
  return wanted;
}

export function processedItem(requestId: string, event: { id: string; number: string }, fields: ReadonlySet<ProcessedField>): Record<string, string> {
  const answer: Record<string, string> = { request_unique_identifier: requestId };
  if (fields.has('id')) answer.id = event.id;
  if (fields.has('number')) answer.number = event.number;
  return answer;
}
