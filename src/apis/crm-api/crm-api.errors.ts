import { AppError, crmDescription, ERROR_CATALOGUE, ErrorCode } from '../../common/errors';

/**
 * The CRM API's errors with the seeds' description form
 * `Error:<What> (<value>) <Problem>. - Description:<sentence>`. A bulk item's failure is data
 * (`CrmItemError`, reported in `unprocessed_customer_events_set`); a request-level failure is the
 * same error thrown as an AppError (`crmRequestError`).
 */
export interface CrmItemError {
  code: ErrorCode;
  description: string;
}

/** Thrown inside the pure item validation to stop at an item's first error. */
export class CrmItemFailure extends Error {
  constructor(readonly error: CrmItemError) {
    super(error.description);
    this.name = 'CrmItemFailure';
  }
}

export const crmErrors = {
  notFound: (what: string, value: string): CrmItemError => ({
    code: ErrorCode.NotFoundApiValue,
    description: crmDescription(`${what} (${value})`, 'Not Found', 'The specified API value was not found.'),
  }),
  mandatoryMissing: (parameter: string, sentence = 'A mandatory parameter was not specified.'): CrmItemError => ({
    code: ErrorCode.MandatoryParameterMissing,
    description: crmDescription(`Parameter (${parameter})`, 'Missing', sentence),
  }),
  invalidValue: (parameter: string, sentence: string): CrmItemError => ({
    code: ErrorCode.InvalidValue,
    description: crmDescription(`Parameter (${parameter})`, 'Invalid', sentence),
  }),
  moreThanOneIdentifier: (parameter: string, fields: readonly string[]): CrmItemError => ({
    code: ErrorCode.MoreThanOneIdentifier,
    description: crmDescription(`Identifier (${parameter})`, 'Has More Than One Field', `Only one of ${fields.join(', ')} may be specified.`),
  }),
  duplicateRequestIdentifier: (requestId: string): CrmItemError => ({
    code: ErrorCode.DuplicateRequestIdentifier,
    description: crmDescription(`Request Unique Identifier (${requestId})`, 'Duplicated', 'The request unique identifier was already used in this call.'),
  }),
  /** The seed's own form, without parentheses: `Error:Participant RP0000000004 Was Already Referred by …`. */
  referredByAnotherParticipant: (participant: string): CrmItemError => ({
    code: ErrorCode.ReferredByAnotherParticipant,
    description: crmDescription(`Participant ${participant}`, 'Was Already Referred by Another Participant', 'The participant was already referred by another participant.'),
  }),
  selfReferral: (participant: string): CrmItemError => ({
    code: ErrorCode.SelfReferral,
    description: crmDescription(`Participant (${participant})`, 'Cannot Refer Itself', 'A participant cannot be referred by itself.'),
  }),
  intendedCurrencyMismatch: (intended: string, unitCurrency: string | null): CrmItemError => ({
    code: ErrorCode.IntendedCurrencyMismatch,
    description: crmDescription(
      `Intended Currency (${intended})`,
      'Mismatch',
      unitCurrency ? `The currency of the performed by unit is ${unitCurrency}.` : 'The performed by unit has no currency.',
    ),
  }),
  invalidClassification: (value: string, eventTypeLabel: string): CrmItemError => ({
    code: ErrorCode.InvalidClassification,
    description: crmDescription(`Classification (${value})`, 'Invalid', `Only ${eventTypeLabel} classifications are allowed.`),
  }),
  maximumItemsExceeded: (parameter: string, count: number, max: number): CrmItemError => ({
    code: ErrorCode.MaximumItemsExceeded,
    description: crmDescription(`Parameter (${parameter})`, 'Has Too Many Items', `At most ${max} customer events can be specified in one call; ${count} were given.`),
  }),
  outsideScopes: (scope: string): CrmItemError => ({
    code: ErrorCode.Forbidden,
    description: crmDescription(`Scope (${scope})`, 'Not Granted', 'The API client may not call this endpoint.'),
  }),
  insufficientBalance: (account: string, points: string): CrmItemError => ({
    code: ErrorCode.InsufficientBalance,
    description: crmDescription(`Account (${account})`, 'Has Insufficient Balance', `The balance does not cover the ${points} points of the spend request.`),
  }),
};

/** A CRM error failing the whole request (HTTP status and `status.code` from the catalogue). */
export function crmRequestError(error: CrmItemError): AppError {
  return new AppError(error.code, error.description);
}

/** The `error_code` of an item error. */
export function crmCodeOf(error: CrmItemError): string {
  return ERROR_CATALOGUE[error.code].crm;
}
