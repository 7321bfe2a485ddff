import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiClientsService } from '../api-clients.service';
import { invalidToken } from '../api-clients.errors';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { CLIENT_KEY } from './current-client.decorator';

/**
 * CRM bulk endpoints: a login token of an integrator client, as body field `token`,
 * `Authorization: Bearer` or header `api_key`. An API key itself is not a token here.
 */
@Injectable()
export class CrmTokenGuard implements CanActivate {
  constructor(
    private readonly clients: ApiClientsService,
    private readonly throttler: ClientThrottlerGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const bodyToken = typeof request.body?.token === 'string' ? request.body.token : undefined;
    const headerToken = typeof request.headers.api_key === 'string' ? request.headers.api_key : undefined;
    const client = await this.clients.authenticateToken(bodyToken ?? bearer ?? headerToken);
    if (!client) throw invalidToken();
    request[CLIENT_KEY] = client;
    return this.throttler.canActivate(context);
  }
}
