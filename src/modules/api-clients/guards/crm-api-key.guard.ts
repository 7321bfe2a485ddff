import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiClientsService } from '../api-clients.service';
import { invalidToken } from '../api-clients.errors';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { CLIENT_KEY } from './current-client.decorator';

/** The CRM single purchase (seed 003): header `api_key` carries an integrator's API key itself, not a login token. */
@Injectable()
export class CrmApiKeyGuard implements CanActivate {
  constructor(
    private readonly clients: ApiClientsService,
    private readonly throttler: ClientThrottlerGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const headerKey = typeof request.headers.api_key === 'string' ? request.headers.api_key : undefined;
    const client = await this.clients.authenticateKey(headerKey);
    if (!client || client.role !== 'integrator') throw invalidToken();
    request[CLIENT_KEY] = client;
    return this.throttler.canActivate(context);
  }
}
