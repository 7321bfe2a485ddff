import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors';
import { ApiClientsService } from '../api-clients.service';
import { AuthenticatedClient } from '../authenticated-client';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { CLIENT_KEY } from './current-client.decorator';

type Request = { headers: Record<string, unknown>; [CLIENT_KEY]?: AuthenticatedClient };

/**
 * Admits a request by the API key it carries: the client is authenticated, refused when `refusal`
 * names an error (no such key, the wrong role), attached to the request and counted by its rate limit.
 */
@Injectable()
export abstract class ClientKeyGuard implements CanActivate {
  constructor(
    private readonly clients: ApiClientsService,
    private readonly throttler: ClientThrottlerGuard,
  ) {}

  protected abstract keyOf(request: Request): string | undefined;
  protected abstract refusal(client: AuthenticatedClient | null): AppError | null;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const client = await this.clients.authenticateKey(this.keyOf(request));
    const refused = this.refusal(client);
    if (refused || !client) throw refused ?? new Error('A key guard admitted no client');
    request[CLIENT_KEY] = client;
    return this.throttler.canActivate(context);
  }
}

/** The `X-Api-Key` header. */
export const xApiKey = (request: Request) => request.headers['x-api-key'] as string | undefined;
