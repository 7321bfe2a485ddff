import { AccountLookupKey } from '../../../modules/bonus-accounts';
import { DirectoryKind } from '../../../modules/directories';
import { crmErrors } from '../crm-api.errors';
import { fail, isGiven, isObject, JsonObject, MAX_STRING } from './crm-fields';

/**
 * CRM identifier objects: each names its target by exactly one field. More than one field is a
 * MoreThanOneIdentifierException, none a MandatoryParameterMissingException.
 */
export type DirectoryField = 'id' | 'code' | 'name' | 'alternative_code';
export const DIRECTORY_FIELDS: readonly DirectoryField[] = ['id', 'code', 'name', 'alternative_code'];

/** A directory reference to resolve; `slot` names its place in the item (classification, product:0, …). */
export interface DirectoryRef {
  slot: string;
  kind: DirectoryKind;
  /** For NotFoundAPIValueException: `Error:<what> (<value>) Not Found`. */
  what: string;
  field: DirectoryField;
  value: string;
}

/** An account reference to resolve. */
export interface AccountRef {
  param: string;
  what: string;
  value: string;
  key: AccountLookupKey;
}

/** The one field an identifier object names, among `fields`. */
function singleField<F extends string>(raw: unknown, param: string, fields: readonly F[]): { field: F; value: unknown } {
  if (!isObject(raw)) fail(crmErrors.invalidValue(param, 'The identifier must be an object.'));
  let chosen: { field: F; value: unknown } | undefined;
  for (const field of fields) {
    if (!isGiven(raw[field])) continue;
    if (chosen) fail(crmErrors.moreThanOneIdentifier(param, fields));
    chosen = { field, value: raw[field] };
  }
  return chosen ?? fail(crmErrors.mandatoryMissing(param, `One of ${fields.join(', ')} must be specified.`));
}

function identifierValue(value: unknown, param: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') fail(crmErrors.invalidValue(param, 'The value must be a string.'));
  if (value.length > MAX_STRING) fail(crmErrors.invalidValue(param, `The value must be at most ${MAX_STRING} characters long.`));
  return value;
}

/** A directory identifier (`id`, `code`, `name` or `alternative_code`), or undefined when absent. */
export function readDirectoryRef(
  raw: unknown, param: string, slot: string, kind: DirectoryKind, what: string, fields: readonly DirectoryField[] = DIRECTORY_FIELDS,
): DirectoryRef | undefined {
  if (!isGiven(raw)) return undefined;
  const { field, value } = singleField(raw, param, fields);
  return { slot, kind, what, field, value: identifierValue(value, `${param}.${field}`) };
}

export type AccountIdentifierKind = 'accountsReceivable' | 'rewardsParticipant';

const ACCOUNT_FIELDS: Record<AccountIdentifierKind, readonly string[]> = {
  accountsReceivable: ['id', 'number', 'name', 'access_token_identifier'],
  rewardsParticipant: ['id', 'number', 'access_token_identifier'],
};

const ACCESS_TOKEN_FIELDS = ['authentication_code', 'identifier', 'one_time_password'] as const;

/**
 * An accounts receivable identifier (`id`, `number` ACR…, `name`) or rewards participant identifier
 * (`id`, `number` RP…), either of which may instead name an effective access token.
 */
export function readAccountRef(raw: unknown, param: string, kind: AccountIdentifierKind): AccountRef | undefined {
  if (!isGiven(raw)) return undefined;
  const { field, value } = singleField(raw, param, ACCOUNT_FIELDS[kind]);
  if (field === 'access_token_identifier') return readAccessTokenRef(value, `${param}.access_token_identifier`);
  const text = identifierValue(value, `${param}.${field}`);
  const what = kind === 'accountsReceivable' ? 'Account' : 'Participant';
  if (field === 'id') return { param, what, value: text, key: { by: 'id', value: text } };
  if (field === 'name') return { param, what, value: text, key: { by: 'name', value: text } };
  return { param, what, value: text, key: { by: kind === 'accountsReceivable' ? 'number' : 'participantNumber', value: text } };
}

/** `authentication_code`, or `identifier` checked against `pass_code`. One-time passwords are not issued by this engine. */
export function readAccessTokenRef(raw: unknown, param: string): AccountRef {
  const { field, value } = singleField(raw, param, ACCESS_TOKEN_FIELDS);
  if (field === 'one_time_password') fail(crmErrors.invalidValue(`${param}.one_time_password`, 'One-time passwords are not supported; use authentication_code, or identifier and pass_code.'));
  const text = identifierValue(value, `${param}.${field}`);
  if (field === 'authentication_code') return { param, what: 'Access Token', value: text, key: { by: 'authenticationCode', value: text } };
  const passCode = (raw as JsonObject).pass_code;
  if (!isGiven(passCode)) fail(crmErrors.mandatoryMissing(`${param}.pass_code`, 'The pass code is mandatory when the identifier is specified.'));
  const pass = identifierValue(passCode, `${param}.pass_code`);
  return { param, what: 'Access Token', value: text, key: { by: 'accessTokenIdentifier', value: text, passCode: pass } };
}
