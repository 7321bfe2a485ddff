import { Logger } from '@nestjs/common';

/** While Redis is down a client retries several times a second; the same error is logged once per this window. */
export const REPEATED_ERROR_LOG_MS = 30000;

interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Logs the `error` events of a Redis client or a Bull queue as JSON warnings (an ioredis client
 * without a listener prints "[ioredis] Unhandled error event" stacks instead).
 */
export function logRedisErrors(emitter: ErrorEmitter, logger: Logger, message: string, now: () => number = Date.now): void {
  const lastLogged = new Map<string, number>();
  emitter.on('error', (error: Error) => {
    const key = (error as { code?: string }).code ?? error?.message ?? String(error);
    const time = now();
    const last = lastLogged.get(key);
    if (last !== undefined && time - last < REPEATED_ERROR_LOG_MS) return;
    lastLogged.set(key, time);
    logger.warn({ err: error }, message);
  });
}
