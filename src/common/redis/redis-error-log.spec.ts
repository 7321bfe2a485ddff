import { EventEmitter } from 'events';
import { Logger } from '@nestjs/common';
import { logRedisErrors, REPEATED_ERROR_LOG_MS } from './redis-error-log';

describe('logRedisErrors', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });

  it('logs an error once per window however often the client repeats it, and each new kind of error at once', () => {
    const client = new EventEmitter();
    const logger = { warn: jest.fn() } as unknown as Logger;
    let now = 1000;
    logRedisErrors(client, logger, 'Redis connection error', () => now);
    for (let i = 0; i < 20; i++) client.emit('error', refused);
    client.emit('error', new Error('READONLY You can\'t write against a read only replica.'));
    now += REPEATED_ERROR_LOG_MS;
    client.emit('error', refused);
    expect((logger.warn as jest.Mock).mock.calls).toEqual([
      [{ err: refused }, 'Redis connection error'],
      [{ err: expect.objectContaining({ message: expect.stringContaining('READONLY') }) }, 'Redis connection error'],
      [{ err: refused }, 'Redis connection error'],
    ]);
  });
});
