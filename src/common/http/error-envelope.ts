import { HttpException, HttpStatus } from '@nestjs/common';
import { AppError, ERROR_CATALOGUE, ErrorCode, isRetryableLockError, isTransientDatabaseError } from '../errors';
import { ApiStyle } from './api-style';

export interface RenderedError {
  status: number;
  body: Record<string, unknown>;
}

export const REST_ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.WrongFormat, 401: ErrorCode.Unauthorized, 403: ErrorCode.Forbidden, 404: ErrorCode.NotFound,
  405: ErrorCode.WrongFormat, 409: ErrorCode.Conflict, 413: ErrorCode.PayloadTooLarge, 415: ErrorCode.WrongFormat,
  429: ErrorCode.TooManyRequests, 503: ErrorCode.ServiceUnavailable,
};

/** Turns anything thrown into an AppError; `null` means an unexpected failure (logged, answered as internal). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isRetryableLockError(error)) return new AppError(ErrorCode.ServiceUnavailable, 'The database is busy; please retry the request');
  if (isTransientDatabaseError(error)) return new AppError(ErrorCode.ServiceUnavailable, 'The database is unavailable; please retry the request');
  const bodyParserType = (error as { type?: string })?.type;
  if (bodyParserType === 'entity.parse.failed') return new AppError(ErrorCode.WrongFormat, 'The request body is not valid JSON');
  if (bodyParserType === 'entity.too.large') return new AppError(ErrorCode.PayloadTooLarge, 'The request body is too large');
  if (bodyParserType === 'encoding.unsupported' || bodyParserType === 'charset.unsupported') {
    return new AppError(ErrorCode.WrongFormat, 'Unsupported request encoding');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.WrongFormat);
    const response = error.getResponse();
    const message = typeof response === 'object' && response !== null && 'message' in response
      ? [(response as { message: unknown }).message].flat().join('; ')
      : error.message;
    return new AppError(code, message);
  }
  return null;
}

/** The error envelope of each API style. */
export function renderError(style: ApiStyle, error: AppError): RenderedError {
  const mapping = ERROR_CATALOGUE[error.code];
  const status = mapping.http;
  switch (style) {
    case 'command':
      return {
        status,
        body: { ...(error.extra ?? {}), status: 'Failure', error: { typeOfError: mapping.command, description: error.message } },
      };
    case 'crm':
      return { status, body: { data: null, status: { code: mapping.crm, description: error.message, message: error.message } } };
    default:
      return { status, body: { statusCode: status, error: REST_ERROR_NAMES[status] ?? HttpStatus[status] ?? 'Error', message: error.message } };
  }
}

/** Seconds a client is asked to wait before retrying a 503 (a database or queue outage, a busy database). */
export const RETRY_AFTER_SECONDS = 5;

export const INTERNAL_ERROR = new AppError(ErrorCode.Internal, 'Internal error');
