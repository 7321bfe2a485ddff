import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedClient } from '../authenticated-client';
import { CLIENT_KEY } from './current-client.decorator';

/**
 * The request limit of the authenticated client, across all its routes and every process (the
 * counts live in Redis). The authentication guards call it once they know the client, so a limit
 * follows the client, not its address. Above the limit: 429 in the route's envelope, with Retry-After.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request[CLIENT_KEY] as AuthenticatedClient).id;
  }
}

/** The client's own limit, or `fallback` when it has none. */
export function clientLimit(context: ExecutionContext, fallback: number): number {
  const client = context.switchToHttp().getRequest()[CLIENT_KEY] as AuthenticatedClient | undefined;
  return client?.rateLimit ?? fallback;
}
