import { ErrorCode } from './error-code';

/**
 * A domain or request error with a stable code. Services throw it; only the HTTP edge turns it into
 * a status and an envelope (see ERROR_CATALOGUE). `extra` carries envelope fields such as the
 * Command API's `errors` list.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The CRM description form: `Error:<What> (<value>) <Problem>. - Description:<sentence>` */
export function crmDescription(what: string, problem: string, sentence: string): string {
  return `Error:${what} ${problem}. - Description:${sentence}`;
}
