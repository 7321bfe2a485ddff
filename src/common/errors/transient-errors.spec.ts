import { QueryFailedError } from 'typeorm';
import { isTransientDatabaseError } from './transient-errors';

const driverError = (fields: Record<string, unknown>, message = 'driver error') => Object.assign(new Error(message), fields);

describe('isTransientDatabaseError', () => {
  it.each([
    ['a lost connection', driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['a connection closed under the query', driverError({ fatal: true }, "Can't add new command when connection is in closed state")],
    ['a refused connection', driverError({ code: 'ECONNREFUSED' })],
    ['too many connections', driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['a killed connection', driverError({ code: 'ER_CONNECTION_KILLED' })],
    ['a full pool queue', new Error('Queue limit reached.')],
    ['a deadlock', driverError({ code: 'ER_LOCK_DEADLOCK' })],
    ['a lock wait timeout', driverError({ code: 'ER_LOCK_WAIT_TIMEOUT' })],
    ['a lost connection wrapped by TypeORM', new QueryFailedError('SELECT 1', [], driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true }))],
  ])('retries %s', (_, error) => expect(isTransientDatabaseError(error)).toBe(true));

  it.each([
    ['an out-of-range value', driverError({ code: 'ER_WARN_DATA_OUT_OF_RANGE', fatal: false })],
    ['a duplicate key', new QueryFailedError('INSERT', [], driverError({ code: 'ER_DUP_ENTRY' }))],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
  ])('does not retry %s', (_, error) => expect(isTransientDatabaseError(error)).toBe(false));
});
