import { PayloadTooLargeException } from '@nestjs/common';
import { AppError, ErrorCode } from '../errors';
import { renderError, toAppError } from './error-envelope';

describe('error envelopes', () => {
  it('answers a deadlock that outlived its retries as 503 in each style, never 500', () => {
    const deadlock = Object.assign(new Error('Deadlock found'), { driverError: { code: 'ER_LOCK_DEADLOCK' } });
    const error = toAppError(deadlock) as AppError;
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(renderError('command', error)).toEqual({
      status: 503,
      body: { status: 'Failure', error: { typeOfError: 'serviceUnavailable', description: 'The database is busy; please retry the request' } },
    });
    expect(renderError('crm', error).body.status).toEqual({
      code: 'ServiceUnavailableException', description: 'The database is busy; please retry the request', message: 'The database is busy; please retry the request',
    });
  });

  it('answers a database that is down, refusing connections or out of them as 503 serviceUnavailable', () => {
    const outages = [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', fatal: true }),
      Object.assign(new Error('Too many connections'), { driverError: { code: 'ER_CON_COUNT_ERROR' } }),
      new Error('Queue limit reached.'),
    ];
    for (const outage of outages) {
      const error = toAppError(outage) as AppError;
      expect(error.code).toBe(ErrorCode.ServiceUnavailable);
      expect(renderError('rest', error)).toEqual({
        status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable; please retry the request' },
      });
    }
  });

  it('maps framework HTTP errors and body-parser failures to catalogue codes', () => {
    expect(toAppError(new PayloadTooLargeException())?.code).toBe(ErrorCode.PayloadTooLarge);
    expect(toAppError(Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed' }))?.code).toBe(ErrorCode.WrongFormat);
    expect(toAppError(new Error('boom'))).toBeNull();
  });

  it('keeps the Command API extra fields ahead of status and error', () => {
    const { body } = renderError('command', new AppError(ErrorCode.WrongData, 'Number of errors - 1', { errors: [{ eventId: '1' }] }));
    expect(Object.keys(body)).toEqual(['errors', 'status', 'error']);
  });
});
