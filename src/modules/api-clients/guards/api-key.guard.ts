import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiClientsService } from '../api-clients.service';
import { integratorOnly, missingApiKey } from '../api-clients.errors';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { CLIENT_KEY } from './current-client.decorator';

/** `X-Api-Key` of an active integrator client (Command API); admin keys are for /admin only. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly clients: ApiClientsService,
    private readonly throttler: ClientThrottlerGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const client = await this.clients.authenticateKey(request.headers['x-api-key']);
    if (!client) throw missingApiKey();
    if (client.role !== 'integrator') throw integratorOnly();
    request[CLIENT_KEY] = client;
    return this.throttler.canActivate(context);
  }
}
