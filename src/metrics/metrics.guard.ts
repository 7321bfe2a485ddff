import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'crypto';
import { AppError, ErrorCode } from '../common/errors';
import { AppConfig } from '../config';
import { ApiClientsService } from '../modules/api-clients/api-clients.service';

/** `/metrics` answers an admin `X-Api-Key` or `Authorization: Bearer <METRICS_TOKEN>`. */
@Injectable()
export class MetricsGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly clients: ApiClientsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer && this.config.metricsToken && sameSecret(bearer, this.config.metricsToken)) return true;
    const client = await this.clients.authenticateKey(request.headers['x-api-key']);
    if (client?.role === 'admin') return true;
    throw new AppError(ErrorCode.Unauthorized, 'Metrics need an admin API key or the metrics bearer token');
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
