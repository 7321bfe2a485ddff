import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { crmRef } from './wire/crm-components';

/** The statuses every CRM route can fail with besides its own (403 comes with the route's scope). */
const COMMON_FAILURES: Record<number, string> = {
  413: 'RequestTooLargeException: the request body is too large',
  429: 'TooManyRequestsException: the client\'s rate limit is reached',
  500: 'SystemException',
  503: 'ServiceUnavailableException: the database or the queue is unavailable; retry after Retry-After seconds',
};

/** Documents a CRM route's failures, each in the CrmApiError envelope. */
export function CrmFailures(own: Record<number, string>) {
  const all = { ...own, ...COMMON_FAILURES };
  return applyDecorators(
    ...Object.entries(all).map(([status, description]) => ApiResponse({ status: Number(status), description, content: { 'application/json': { schema: crmRef('CrmApiError') } } })),
  );
}
