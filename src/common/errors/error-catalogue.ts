import { ErrorCode } from './error-code';

export type CommandErrorType =
  | 'wrongFormat' | 'wrongParam' | 'wrongData' | 'notAllowed' | 'unknownCommand' | 'unauthorized'
  | 'forbidden' | 'tooManyRequests' | 'serviceUnavailable' | 'internalError';

export interface ErrorMapping {
  /** HTTP status when the error fails a whole request. */
  http: number;
  /** `error.typeOfError` of the Command API. */
  command: CommandErrorType;
  /** `status.code` / `error_code` of the CRM API. */
  crm: string;
}

/** The one catalogue: a code without a mapping does not compile. */
export const ERROR_CATALOGUE: Record<ErrorCode, ErrorMapping> = {
  [ErrorCode.WrongFormat]: { http: 400, command: 'wrongFormat', crm: 'InvalidValueException' },
  [ErrorCode.WrongParam]: { http: 400, command: 'wrongParam', crm: 'InvalidValueException' },
  [ErrorCode.WrongData]: { http: 400, command: 'wrongData', crm: 'InvalidValueException' },
  [ErrorCode.NotAllowed]: { http: 409, command: 'notAllowed', crm: 'NotAllowedException' },
  [ErrorCode.UnknownCommand]: { http: 400, command: 'unknownCommand', crm: 'InvalidValueException' },
  [ErrorCode.Unauthorized]: { http: 401, command: 'unauthorized', crm: 'InvalidTokenException' },
  [ErrorCode.Forbidden]: { http: 403, command: 'forbidden', crm: 'ForbiddenException' },
  [ErrorCode.NotFound]: { http: 404, command: 'wrongParam', crm: 'NotFoundAPIValueException' },
  [ErrorCode.Conflict]: { http: 409, command: 'notAllowed', crm: 'InvalidValueException' },
  [ErrorCode.PayloadTooLarge]: { http: 413, command: 'wrongFormat', crm: 'RequestTooLargeException' },
  [ErrorCode.TooManyRequests]: { http: 429, command: 'tooManyRequests', crm: 'TooManyRequestsException' },
  [ErrorCode.ServiceUnavailable]: { http: 503, command: 'serviceUnavailable', crm: 'ServiceUnavailableException' },
  [ErrorCode.Internal]: { http: 500, command: 'internalError', crm: 'SystemException' },
  [ErrorCode.NotFoundApiValue]: { http: 404, command: 'wrongParam', crm: 'NotFoundAPIValueException' },
  [ErrorCode.ReferredByAnotherParticipant]: { http: 400, command: 'wrongParam', crm: 'ReferredByAnotherParticipantException' },
  [ErrorCode.MandatoryParameterMissing]: { http: 400, command: 'wrongParam', crm: 'MandatoryParameterMissingException' },
  [ErrorCode.InvalidValue]: { http: 400, command: 'wrongParam', crm: 'InvalidValueException' },
  [ErrorCode.MoreThanOneIdentifier]: { http: 400, command: 'wrongParam', crm: 'MoreThanOneIdentifierException' },
  [ErrorCode.DuplicateRequestIdentifier]: { http: 400, command: 'wrongParam', crm: 'DuplicateRequestIdentifierException' },
  [ErrorCode.SelfReferral]: { http: 400, command: 'wrongParam', crm: 'SelfReferralException' },
  [ErrorCode.IntendedCurrencyMismatch]: { http: 400, command: 'wrongParam', crm: 'IntendedCurrencyMismatchException' },
  [ErrorCode.InvalidClassification]: { http: 400, command: 'wrongParam', crm: 'InvalidClassificationException' },
  [ErrorCode.InsufficientBalance]: { http: 409, command: 'notAllowed', crm: 'InsufficientBalanceException' },
  [ErrorCode.MaximumItemsExceeded]: { http: 400, command: 'wrongFormat', crm: 'MaximumItemsExceededException' },
  [ErrorCode.InvalidToken]: { http: 401, command: 'unauthorized', crm: 'InvalidTokenException' },
  [ErrorCode.CustomerBlocked]: { http: 409, command: 'notAllowed', crm: 'InvalidValueException' },
};
