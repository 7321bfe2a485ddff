import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { REST_ERROR_NAMES, RETRY_AFTER_SECONDS } from './error-envelope';

/** The error statuses of the admin API and the other routes outside the Command and CRM APIs. */
export type RestErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

const WHEN: Record<RestErrorStatus, string> = {
  400: 'The body, a query or a path parameter is invalid; `message` names every problem',
  401: 'No `X-Api-Key`, or a key that is unknown or deactivated',
  403: 'The key is valid but not an admin key (integrator keys are refused under /admin)',
  404: 'What the path names does not exist',
  409: 'The request conflicts with the stored state',
  413: 'The request body is larger than 10 MB',
  429: "The client's request limit for the window is used up; retry after `Retry-After` seconds",
  503: 'The database or Redis is unavailable or busy; retry after `Retry-After` seconds',
};

/** What each status says when a route gives no message of its own. */
const MESSAGES: Record<RestErrorStatus, string> = {
  400: 'The request body is not valid JSON',
  401: 'Missing or invalid API key',
  403: 'This endpoint needs an admin API key',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request body is too large',
  429: 'Too many requests: the limit is 2000 per 1000 ms; retry after 1 s',
  503: 'The database is unavailable; please retry the request',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', example: RETRY_AFTER_SECONDS } },
};

/** What every admin route can answer besides its own errors: a bad key, a rate limit, an outage, an unreadable body. */
export const ADMIN_ROUTE_ERRORS: Partial<Record<RestErrorStatus, string>> = { 400: MESSAGES[400], 401: MESSAGES[401], 403: MESSAGES[403], 429: MESSAGES[429], 503: MESSAGES[503] };

/**
 * Documents error answers in the `AdminApiError` envelope, one per status, each with an example of the
 * route's real message (`messages[status]`, or the status's usual one when empty).
 */
export function ApiRestErrors(messages: Partial<Record<RestErrorStatus, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...(Object.entries(messages) as Array<[string, string]>).map(([key, message]) => {
      const status = Number(key) as RestErrorStatus;
      return ApiResponse({
        status,
        description: WHEN[status],
        schema: { $ref: getSchemaPath('AdminApiError') },
        example: { statusCode: status, error: REST_ERROR_NAMES[status], message: message || MESSAGES[status] },
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      });
    }),
  );
}
